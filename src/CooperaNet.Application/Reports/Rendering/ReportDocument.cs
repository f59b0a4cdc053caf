namespace CooperaNet.Application.Reports.Rendering;

/// <summary>
/// A report laid out as plain blocks, already written in one language: what the HTML, PDF and DOCX
/// writers turn into a file. Every text here is final (numbers formatted, sentences localized).
/// </summary>
/// <param name="Language">es, en, pt or fr: the document's language and the culture its chart labels use.</param>
/// <param name="Title">The report's title.</param>
/// <param name="Subtitle">The line under the title (semester, period, issue date or "draft").</param>
/// <param name="DraftMark">Set on drafts: a word shown on every page ("Borrador", "Draft"...); null once issued.</param>
/// <param name="Sections">The body, in order.</param>
/// <param name="Footer">The footer's text (organization, source of the figures).</param>
/// <param name="PageOf">The page-number pattern: {0} this page, {1} the page count ("Página {0} de {1}").</param>
public sealed record ReportDocument(
    string Language,
    string Title,
    string Subtitle,
    string? DraftMark,
    IReadOnlyList<ReportSection> Sections,
    string Footer,
    string PageOf);

/// <summary>A titled part of the report.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks);

/// <summary>One element of a section.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph of text.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A bulleted list.</summary>
public sealed record ReportList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table with a header row. Every row has one cell per column; numeric columns are right-aligned.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A table column.</summary>
public sealed record ReportColumn(string Header, bool Numeric = false);

/// <summary>
/// Horizontal grouped bars: one group per category, one bar per series, each bar labelled with its
/// value. The same numbers always appear in a <see cref="ReportTable"/> too.
/// </summary>
/// <param name="Title">The chart's title (also its accessible name).</param>
/// <param name="Categories">The groups, top to bottom.</param>
/// <param name="Series">One or more series; each has one value per category.</param>
/// <param name="Percent">Values are shares between 0 and 1, drawn on a 0–100 % axis and labelled as percentages.</param>
public sealed record ReportBarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ReportSeries> Series, bool Percent = false) : ReportBlock;

/// <summary>A named series of a chart.</summary>
public sealed record ReportSeries(string Name, IReadOnlyList<double> Values);
