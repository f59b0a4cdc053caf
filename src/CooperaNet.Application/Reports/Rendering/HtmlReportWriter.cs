using System.Globalization;
using System.Text;

namespace CooperaNet.Application.Reports.Rendering;

/// <summary>
/// A <see cref="ReportDocument"/> as HTML: a standalone, printable HTML5 page (its CSS inline, no
/// external asset), or just the <c>&lt;article&gt;</c> for a page that brings its own layout and CSS.
/// The markup is also well-formed XML, every text is encoded, and charts are inline SVG figures.
/// </summary>
public static class HtmlReportWriter
{
    private const string Css = """
        @page { size: A4; margin: 18mm; }
        html { color: #1a1a1a; background: #fff; }
        body { font-family: "DejaVu Sans", Verdana, system-ui, sans-serif; font-size: 1rem; line-height: 1.5; margin: 0; padding: 1.5rem 1rem; }
        main { max-width: 48rem; margin: 0 auto; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.25rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #b1b4b6; padding-bottom: 0.25rem; }
        .report-subtitle { color: #505a5f; margin: 0 0 1rem; }
        .report-draft { display: inline-block; border: 2px solid #b10e1e; color: #b10e1e; font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; padding: 0.1rem 0.5rem; margin: 0 0 0.75rem; }
        .report-table-wrap { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
        th, td { border: 1px solid #d0d3d4; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        thead th { background: #f3f2f1; }
        .report-num { text-align: right; font-variant-numeric: tabular-nums; }
        .report-chart { margin: 1.5rem 0; }
        .report-chart svg { display: block; width: 100%; height: auto; }
        figcaption { font-weight: bold; margin-bottom: 0.5rem; }
        .report-footer { border-top: 1px solid #b1b4b6; margin-top: 2rem; padding-top: 0.5rem; color: #505a5f; font-size: 0.875rem; }
        @media print {
          body { padding: 0; font-size: 10pt; }
          main { max-width: none; }
          h2 { break-after: avoid; }
          thead { display: table-header-group; }
          tr, figure { break-inside: avoid; }
          .report-table-wrap { overflow: visible; }
        }
        """;

    /// <summary>A complete HTML5 document: <c>&lt;html lang&gt;</c>, its title, inline CSS and the report.</summary>
    public static string Write(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n");
        html.Append(CultureInfo.InvariantCulture, $"""<html xmlns="http://www.w3.org/1999/xhtml" lang="{MarkupText.Encode(report.Language)}">""").Append('\n');
        html.Append("<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{MarkupText.Encode(report.Title)}</title>\n");
        html.Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        AppendArticle(html, report);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Only the report, as an <c>&lt;article&gt;</c> starting with its <c>h1</c>, for a page that has its own
    /// layout and styles the <c>report-</c> classes.
    /// </summary>
    public static string WriteBody(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        AppendArticle(html, report);
        return html.ToString();
    }

    private static void AppendArticle(StringBuilder html, ReportDocument report)
    {
        html.Append(CultureInfo.InvariantCulture, $"""<article class="report" lang="{MarkupText.Encode(report.Language)}">""").Append('\n');
        html.Append("<header class=\"report-header\">\n");
        if (report.DraftMark is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"report-draft\">{MarkupText.Encode(report.DraftMark)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h1>{MarkupText.Encode(report.Title)}</h1>\n");
        if (report.Subtitle.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"report-subtitle\">{MarkupText.Encode(report.Subtitle)}</p>\n");
        }

        html.Append("</header>\n");
        var chartNumber = 0;
        for (var s = 0; s < report.Sections.Count; s++)
        {
            var section = report.Sections[s];
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"report-section\" aria-labelledby=\"report-section-{s + 1}\">\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"report-section-{s + 1}\">{MarkupText.Encode(section.Heading)}</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph paragraph:
                        html.Append(CultureInfo.InvariantCulture, $"<p>{MarkupText.Encode(paragraph.Text)}</p>\n");
                        break;
                    case ReportList list:
                        html.Append("<ul class=\"report-list\">\n");
                        foreach (var item in list.Items)
                        {
                            html.Append(CultureInfo.InvariantCulture, $"<li>{MarkupText.Encode(item)}</li>\n");
                        }

                        html.Append("</ul>\n");
                        break;
                    case ReportTable table:
                        AppendTable(html, table);
                        break;
                    case ReportBarChart chart:
                        chartNumber++;
                        html.Append("<figure class=\"report-chart\">\n");
                        html.Append(CultureInfo.InvariantCulture, $"<figcaption>{MarkupText.Encode(chart.Title)}</figcaption>\n");
                        html.Append(SvgBarChart.Write(chart, report.Language, $"report-chart-{chartNumber}")).Append('\n');
                        html.Append("</figure>\n");
                        break;
                    default:
                        throw new NotSupportedException($"No HTML for a {block.GetType().Name}.");
                }
            }

            html.Append("</section>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<footer class=\"report-footer\"><p>{MarkupText.Encode(report.Footer)}</p></footer>\n");
        html.Append("</article>\n");
    }

    /// <summary>A table whose first column, when it is text, heads its row.</summary>
    private static void AppendTable(StringBuilder html, ReportTable table)
    {
        var rowHeaders = table.Columns.Count > 1 && !table.Columns[0].Numeric;
        html.Append("<div class=\"report-table-wrap\">\n<table class=\"report-table\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<caption>{MarkupText.Encode(table.Caption)}</caption>\n<thead>\n<tr>");
        foreach (var column in table.Columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{NumericClass(column)}>{MarkupText.Encode(column.Header)}</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var text = MarkupText.Encode(c < row.Count ? row[c] : string.Empty);
                html.Append(c == 0 && rowHeaders
                    ? $"<th scope=\"row\">{text}</th>"
                    : $"<td{NumericClass(table.Columns[c])}>{text}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static string NumericClass(ReportColumn column) => column.Numeric ? " class=\"report-num\"" : string.Empty;
}
