namespace CooperaNet.Application.Interop.Iati;

/// <summary>Who reports the IATI activities the platform publishes (section <c>CooperaNet:Iati</c>).</summary>
public sealed class IatiOptions
{
    public const string Section = "CooperaNet:Iati";

    /// <summary>
    /// The reporting organisation's IATI identifier. The default is a placeholder in the IATI
    /// registry's own prefix; a production server sets the identifier it was registered with.
    /// </summary>
    public string ReportingOrgRef { get; set; } = "XI-IATI-OAS";

    /// <summary>The IATI OrganisationType code of the reporting organisation: 40, multilateral.</summary>
    public string ReportingOrgType { get; set; } = "40";

    /// <summary>The reporting organisation's name in es, en, pt and fr.</summary>
    public string[] ReportingOrgNames { get; set; } =
    [
        "Organización de los Estados Americanos",
        "Organization of American States",
        "Organização dos Estados Americanos",
        "Organisation des États Américains",
    ];
}
