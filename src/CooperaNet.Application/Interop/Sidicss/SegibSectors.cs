namespace CooperaNet.Application.Interop.Sidicss;

/// <summary>A sector of activity in SEGIB's classification, with its area of action, in Spanish as SIDICSS writes them.</summary>
public sealed record SegibSector(string Name, string Area);

/// <summary>
/// SEGIB's sectors of activity for South-South cooperation (the Ibero-American reports' thirty
/// sectors in six areas of action), and the one a DAC 5-digit code belongs to: by the code where a
/// few codes go apart from their category, else by its 3-digit DAC category. docs/interop/SIDICSS.md
/// lists the table.
/// </summary>
public static class SegibSectors
{
    public const string Social = "Social";
    public const string Infrastructure = "Infraestructura y servicios económicos";
    public const string Productive = "Sectores productivos";
    public const string Institutional = "Fortalecimiento institucional";
    public const string Environment = "Medio ambiente";
    public const string Other = "Otros ámbitos";

    /// <summary>Every sector, in the reports' order.</summary>
    public static IReadOnlyList<SegibSector> All { get; } =
    [
        new("Educación", Social),
        new("Salud", Social),
        new("Población y salud reproductiva", Social),
        new("Abastecimiento y saneamiento de agua", Social),
        new("Otros servicios y políticas sociales", Social),
        new("Energía", Infrastructure),
        new("Transporte y almacenamiento", Infrastructure),
        new("Comunicaciones", Infrastructure),
        new("Ciencia y tecnología", Infrastructure),
        new("Banca y finanzas", Infrastructure),
        new("Empleo", Infrastructure),
        new("Empresas", Infrastructure),
        new("Extractivas", Productive),
        new("Agropecuario", Productive),
        new("Silvicultura", Productive),
        new("Pesca", Productive),
        new("Construcción", Productive),
        new("Industria", Productive),
        new("Turismo", Productive),
        new("Comercio", Productive),
        new("Fortalecimiento institucional y políticas públicas", Institutional),
        new("Gestión de finanzas públicas", Institutional),
        new("Desarrollo legal y judicial y DDHH", Institutional),
        new("Participación política y sociedad civil", Institutional),
        new("Paz, seguridad pública, nacional y defensa", Institutional),
        new("Medio ambiente", Environment),
        new("Gestión de desastres", Environment),
        new("Cultura", Other),
        new("Género", Other),
        new("Otros", Other),
    ];

    private static readonly Dictionary<string, SegibSector> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ByCode = new(StringComparer.Ordinal)
    {
        ["15111"] = "Gestión de finanzas públicas",
        ["15114"] = "Gestión de finanzas públicas",
        ["15116"] = "Gestión de finanzas públicas",
        ["15117"] = "Gestión de finanzas públicas",
        ["15118"] = "Gestión de finanzas públicas",
        ["15119"] = "Gestión de finanzas públicas",
        ["15130"] = "Desarrollo legal y judicial y DDHH",
        ["15160"] = "Desarrollo legal y judicial y DDHH",
        ["15150"] = "Participación política y sociedad civil",
        ["15151"] = "Participación política y sociedad civil",
        ["15152"] = "Participación política y sociedad civil",
        ["15153"] = "Participación política y sociedad civil",
        ["15170"] = "Género",
        ["15180"] = "Género",
        ["16020"] = "Empleo",
        ["16061"] = "Cultura",
        ["16062"] = "Ciencia y tecnología",
        ["23181"] = "Energía",
        ["43082"] = "Ciencia y tecnología",
    };

    private static readonly Dictionary<string, string> ByCategory = new(StringComparer.Ordinal)
    {
        ["111"] = "Educación",
        ["112"] = "Educación",
        ["113"] = "Educación",
        ["114"] = "Educación",
        ["121"] = "Salud",
        ["122"] = "Salud",
        ["123"] = "Salud",
        ["130"] = "Población y salud reproductiva",
        ["140"] = "Abastecimiento y saneamiento de agua",
        ["151"] = "Fortalecimiento institucional y políticas públicas",
        ["152"] = "Paz, seguridad pública, nacional y defensa",
        ["160"] = "Otros servicios y políticas sociales",
        ["210"] = "Transporte y almacenamiento",
        ["220"] = "Comunicaciones",
        ["231"] = "Energía",
        ["232"] = "Energía",
        ["233"] = "Energía",
        ["234"] = "Energía",
        ["235"] = "Energía",
        ["236"] = "Energía",
        ["240"] = "Banca y finanzas",
        ["250"] = "Empresas",
        ["311"] = "Agropecuario",
        ["312"] = "Silvicultura",
        ["313"] = "Pesca",
        ["321"] = "Industria",
        ["322"] = "Extractivas",
        ["323"] = "Construcción",
        ["331"] = "Comercio",
        ["332"] = "Turismo",
        ["410"] = "Medio ambiente",
        ["430"] = "Otros",
        ["740"] = "Gestión de desastres",
    };

    /// <summary>The SEGIB sector of a DAC 5-digit code; "Otros" for a code outside the table.</summary>
    public static SegibSector Of(string dacCode)
    {
        ArgumentNullException.ThrowIfNull(dacCode);
        var name = ByCode.GetValueOrDefault(dacCode) ?? (dacCode.Length == 5 ? ByCategory.GetValueOrDefault(dacCode[..3]) : null) ?? "Otros";
        return ByName[name];
    }

    /// <summary>The sector by its name, or null.</summary>
    public static SegibSector? Named(string name) => ByName.GetValueOrDefault(name.Trim());
}
