using CooperaNet.Application.Reports.Rendering;

namespace CooperaNet.Application.Tests.Reports;

/// <summary>Small reports in Spanish, with the accents (á, ñ, ç, ã, é) that prove each writer's encoding.</summary>
internal sealed class ReportBuilder
{
    public const string Title = "Informe de cooperación: niñez, açaí y café en São Tomé";
    public const string TableCaption = "Ofertas por país";
    public const string ChartTitle = "Ofertas y demandas por país";

    private readonly List<ReportSection> sections = [];
    private string language = "es";
    private string title = Title;
    private string? draftMark;

    public static ReportBuilder AReport() => new();

    /// <summary>A table whose value column holds 1234 (written "1.234"), with <paramref name="extraRows"/> more rows after.</summary>
    public static ReportTable OffersTable(int extraRows = 0) => new(
        TableCaption,
        [new ReportColumn("País"), new ReportColumn("Institución"), new ReportColumn("Ofertas", Numeric: true)],
        [
            ["Perú", "Agencia Peruana de Cooperación Internacional", "1.234"],
            ["España", "Agencia Española de Cooperación", "87"],
            .. Enumerable.Range(1, extraRows).Select(i => (IReadOnlyList<string>)[$"País n.º {i}", $"Institución pública de cooperación técnica número {i}", (i * 3).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("es"))]),
        ]);

    /// <summary>Two series over two countries; Perú's offers are 1234.</summary>
    public static ReportBarChart OffersChart() => new(
        ChartTitle,
        ["Perú", "España"],
        [new ReportSeries("Ofertas", [1234, 87]), new ReportSeries("Demandas", [410, 617])]);

    public ReportBuilder In(string value)
    {
        language = value;
        return this;
    }

    public ReportBuilder Titled(string value)
    {
        title = value;
        return this;
    }

    public ReportBuilder AsDraft(string mark = "Borrador")
    {
        draftMark = mark;
        return this;
    }

    public ReportBuilder With(string heading, params ReportBlock[] blocks)
    {
        sections.Add(new ReportSection(heading, blocks));
        return this;
    }

    /// <summary>One short section of each kind of block: it fits on one page.</summary>
    public ReportBuilder WithEveryKindOfBlock() => With(
        "Resumen del semestre",
        new ReportParagraph("Durante el semestre se publicaron ofertas de cooperación técnica en educação, niñez y acción climática."),
        new ReportList(["Se crearon 12 alianzas nuevas.", "Se cerró la campaña de verificación."]),
        OffersTable(),
        OffersChart());

    public ReportDocument Build() => new(
        language,
        title,
        "Primer semestre de 2026",
        draftMark,
        sections,
        "Secretaría de Cooperación — cifras de CooperaNet",
        "Página {0} de {1}");
}
