namespace CooperaNet.Application.Interop.OpenData;

/// <summary>A column of a published file: its name, its Frictionless type and what it means (in English).</summary>
public sealed record OpenDataField(string Name, string Type, string Description);

/// <summary>A file of the package and its fields; <see cref="Fields"/> is empty for the IATI file, described by its standard.</summary>
public sealed record OpenDataResource(string Name, string Path, string Format, string MediaType, string Description, IReadOnlyList<OpenDataField> Fields);

/// <summary>The data dictionary: every file of the open-data package and its fields, in the order they are written.</summary>
public static class OpenDataDictionary
{
    public const string LicenseName = "CC-BY-4.0";
    public const string LicenseTitle = "Creative Commons Attribution 4.0 International";
    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/";
    public const string Attribution = "CooperaNet — Organization of American States";

    public static readonly IReadOnlyList<OpenDataField> EntryFields =
    [
        new("id", "string", "Stable identifier of the entry (UUID)."),
        new("state", "string", "ISO 3166-1 alpha-2 code of the member state that published it."),
        new("status", "string", "published, or closed when fulfilled or expired."),
        new("language", "string", "Language the entry was written in (es, en, pt, fr)."),
        new("title", "string", "Title, in the entry's language."),
        new("summary", "string", "Summary, in the entry's language."),
        new("institution", "string", "Institution that offers or needs the cooperation."),
        new("modality", "string", "Form of cooperation (technical-assistance, expert-mission, training-course, internship, study-visit, exchange-of-experiences)."),
        new("sectors", "string", "OECD DAC 5-digit sector codes, separated by semicolons."),
        new("sdgs", "string", "Sustainable Development Goals and targets (4, 6.4), separated by semicolons."),
        new("working_languages", "string", "Languages the cooperation can be carried out in, separated by semicolons."),
        new("starts_on", "date", "Planned start date, when given."),
        new("ends_on", "date", "Planned end date, when given."),
        new("published_at", "datetime", "When the secretariat published it (UTC)."),
    ];

    public static readonly IReadOnlyList<OpenDataField> CatalogFields =
    [
        new("kind", "string", "offer or demand."),
        .. EntryFields.Take(6),
        new("description", "string", "Full description, in the entry's language."),
        .. EntryFields.Skip(6).Select(f => f.Name is "sectors" or "sdgs" or "working_languages" ? f with { Type = "array", Description = f.Description.Replace(", separated by semicolons", string.Empty, StringComparison.Ordinal) } : f),
        new("translations", "array", "The entry's human translations: language, title, summary and description of each."),
    ];

    public static readonly IReadOnlyList<OpenDataField> InitiativeFields =
    [
        new("codigo", "string", "Stable identifier of the initiative (UUID)."),
        new("titulo", "string", "Title."),
        new("idioma", "string", "Language of the title (es, en, pt, fr)."),
        new("tipo", "string", "SIDICSS type: Programa, Proyecto or Acción."),
        new("modalidad", "string", "Bilateral, Triangular or Regional."),
        new("primer_oferente", "string", "Offering state (first offerer), ISO 3166-1 alpha-2 codes separated by semicolons."),
        new("segundo_oferente", "string", "Second offerer in triangular cooperation, codes separated by semicolons."),
        new("receptor", "string", "Receiving states, codes separated by semicolons."),
        new("sector_actividad", "string", "SEGIB sector of activity, from the first DAC sector."),
        new("ambito", "string", "SEGIB area of that sector."),
        new("sectores_cad", "string", "OECD DAC 5-digit sector codes, separated by semicolons."),
        new("ods", "string", "Sustainable Development Goals and targets, separated by semicolons."),
        new("estado", "string", "Planificada, En ejecución or Finalizada."),
        new("fecha_inicio", "date", "Start date."),
        new("fecha_fin", "date", "End date."),
        new("coste_presupuestado_primer_oferente", "number", "Budgeted cost borne by the first offerer, in US dollars."),
        new("coste_presupuestado_segundo_oferente", "number", "Budgeted cost borne by the second offerer, in US dollars."),
        new("coste_presupuestado_receptor", "number", "Budgeted cost borne by the receivers, in US dollars."),
        new("coste_ejecutado_primer_oferente", "number", "Executed cost borne by the first offerer, in US dollars."),
        new("coste_ejecutado_segundo_oferente", "number", "Executed cost borne by the second offerer, in US dollars."),
        new("coste_ejecutado_receptor", "number", "Executed cost borne by the receivers, in US dollars."),
    ];

    public static readonly IReadOnlyList<OpenDataResource> Resources =
    [
        new("offers", "offers.csv", "csv", "text/csv", "Published offers: what member states can share.", EntryFields),
        new("demands", "demands.csv", "csv", "text/csv", "Published demands: what member states need.", EntryFields),
        new("initiatives", "initiatives.csv", "csv", "text/csv", "Cooperation initiatives in SEGIB's SIDICSS layout.", InitiativeFields),
        new("catalog", "catalog.json", "json", "application/json", "Offers and demands with their descriptions and human translations.", CatalogFields),
        new("iati-activities", "iati-activities.xml", "xml", "application/xml", "Offers, demands and initiatives as IATI 2.03 activities (https://iatistandard.org/en/iati-standard/203/).", []),
    ];
}
