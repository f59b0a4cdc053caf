using CooperaNet.Matching.Knowledge;

namespace CooperaNet.Matching.Tests;

/// <summary>A small knowledge base for tests: four sectors, their categories, four goals and a few concepts.</summary>
internal static class Knowledge
{
    public static MatchingKnowledge Small() => new()
    {
        Categories =
        [
            new("112", new("Educación básica", "Basic Education", "Ensino básico", "Education de base")),
            new("122", new("Salud básica", "Basic Health", "Saúde básica", "Santé de base")),
            new("140", new("Abastecimiento de agua y saneamiento", "Water Supply & Sanitation", "Abastecimento de água e saneamento", "Distribution d'eau et assainissement")),
            new("311", new("Agricultura", "Agriculture", "Agricultura", "Agriculture")),
        ],
        Sectors =
        [
            new("11220", "112", new("Educación primaria", "Primary education", "Ensino primário", "Enseignement primaire")),
            new("11230", "112", new("Competencias básicas para la vida", "Basic life skills for adults", "Competências básicas para a vida", "Compétences de base")),
            new("12250", "122", new("Control de enfermedades infecciosas", "Infectious disease control", "Controle de doenças infecciosas", "Lutte contre les maladies infectieuses")),
            new("14030", "140", new("Abastecimiento básico de agua potable", "Basic drinking water supply", "Abastecimento básico de água potável", "Distribution d'eau potable de base")),
            new("31120", "311", new("Desarrollo agrícola", "Agricultural development", "Desenvolvimento agrícola", "Développement agricole")),
        ],
        Sdgs =
        [
            new("2", new("Hambre cero", "Zero hunger", "Fome zero", "Faim zéro")),
            new("3", new("Salud y bienestar", "Good health and well-being", "Saúde e bem-estar", "Bonne santé et bien-être")),
            new("4", new("Educación de calidad", "Quality education", "Educação de qualidade", "Éducation de qualité")),
            new("6", new("Agua limpia y saneamiento", "Clean water and sanitation", "Água potável e saneamento", "Eau propre et assainissement")),
            new("4.c", new("Aumentar la oferta de docentes calificados", "Increase the supply of qualified teachers", null, "Accroître le nombre d'enseignants qualifiés")),
        ],
        Concepts = LexiconFormat.Parse(
            "# id\tsectors\tsdgs\ten\tes\tpt\tfr\n" +
            "teacher\t11220\t4\tteacher; teachers\tdocente; maestro\tprofessor\tenseignant\n" +
            "training\t112\t4\ttraining; workshop\tcapacitación; taller\tcapacitação; treinamento\tformation\n" +
            "vaccine\t12250\t3\tvaccine; vaccination\tvacuna; vacunación\tvacina; vacinação\tvaccin; vaccination\n" +
            "water\t140\t6\twater; drinking water\tagua\tágua\teau\n" +
            "farmer\t311\t2\tfarmer; farmers\tagricultor; campesino\tagricultor; camponês\tagriculteur; paysan\n"),
        SectorSdgs = LexiconFormat.ParseSectorSdgs("112\t4\n122\t3\n140\t6\n311\t2\n"),
    };
}

/// <summary>Builds entries: <c>An.Offer("o1").InEnglish("Teacher training").InSector("11220").Build()</c>.</summary>
internal sealed class EntryBuilder(string id, EntrySide side)
{
    private string title = string.Empty;
    private string description = string.Empty;
    private string language = "es";
    private string[] sectors = [];
    private string[] sdgs = [];
    private string[] countries = [];
    private string? modality;
    private DateOnly? starts;
    private DateOnly? ends;

    public EntryBuilder Saying(string language, string title, string description = "")
    {
        this.language = language;
        this.title = title;
        this.description = description;
        return this;
    }

    public EntryBuilder InSectors(params string[] codes)
    {
        sectors = codes;
        return this;
    }

    public EntryBuilder ForSdgs(params string[] codes)
    {
        sdgs = codes;
        return this;
    }

    public EntryBuilder InCountries(params string[] codes)
    {
        countries = codes;
        return this;
    }

    public EntryBuilder As(string modality)
    {
        this.modality = modality;
        return this;
    }

    public EntryBuilder Between(DateOnly from, DateOnly to)
    {
        starts = from;
        ends = to;
        return this;
    }

    public MatchEntry Build() => new()
    {
        Id = id,
        Side = side,
        Title = title,
        Description = description,
        Language = language,
        Sectors = sectors,
        Sdgs = sdgs,
        Countries = countries,
        Modality = modality,
        StartsOn = starts,
        EndsOn = ends,
    };
}

internal static class An
{
    public static EntryBuilder Offer(string id) => new(id, EntrySide.Offer);

    public static EntryBuilder Demand(string id) => new(id, EntrySide.Demand);
}
