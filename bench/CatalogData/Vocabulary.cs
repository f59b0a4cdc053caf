using CooperaNet.Domain.Catalog;

namespace CooperaNet.Bench.CatalogData;

/// <summary>One phrase in the four languages; {0} and {1} are filled by the caller.</summary>
internal sealed record Phrase(string Es, string En, string Pt, string Fr)
{
    public string In(string language) => language switch
    {
        "en" => En,
        "pt" => Pt,
        "fr" => Fr,
        _ => Es,
    };
}

/// <summary>A subject of cooperation, its main DAC sector and SDG.</summary>
internal sealed record Topic(Phrase Name, string Sector, int Sdg);

/// <summary>
/// The words the generated catalog is made of: subjects, actions, settings and sentences that
/// member states really use when they describe cooperation, in Spanish, English, Portuguese and French.
/// </summary>
internal static class Vocabulary
{
    public static readonly Topic[] Topics =
    [
        new(new("agua potable", "drinking water", "água potável", "eau potable"), "14030", 6),
        new(new("gestión de cuencas hidrográficas", "watershed management", "gestão de bacias hidrográficas", "gestion des bassins versants"), "14015", 6),
        new(new("gestión del riesgo de desastres", "disaster risk management", "gestão de riscos de desastres", "gestion des risques de catastrophe"), "74020", 11),
        new(new("sistemas de alerta temprana", "early warning systems", "sistemas de alerta precoce", "systèmes d'alerte précoce"), "74020", 13),
        new(new("educación técnica y profesional", "technical and vocational education", "educação técnica e profissional", "enseignement technique et professionnel"), "11330", 4),
        new(new("educación primaria", "primary education", "educação primária", "enseignement primaire"), "11220", 4),
        new(new("energía solar", "solar energy", "energia solar", "énergie solaire"), "23230", 7),
        new(new("eficiencia energética", "energy efficiency", "eficiência energética", "efficacité énergétique"), "23183", 7),
        new(new("salud materna", "maternal health", "saúde materna", "santé maternelle"), "13020", 3),
        new(new("vigilancia epidemiológica", "epidemiological surveillance", "vigilância epidemiológica", "surveillance épidémiologique"), "12250", 3),
        new(new("salud mental", "mental health", "saúde mental", "santé mentale"), "12220", 3),
        new(new("nutrición infantil", "child nutrition", "nutrição infantil", "nutrition infantile"), "12240", 2),
        new(new("seguridad alimentaria", "food security", "segurança alimentar", "sécurité alimentaire"), "43071", 2),
        new(new("agricultura familiar", "family farming", "agricultura familiar", "agriculture familiale"), "31120", 2),
        new(new("pesca artesanal", "artisanal fisheries", "pesca artesanal", "pêche artisanale"), "31320", 14),
        new(new("gobierno digital", "digital government", "governo digital", "gouvernement numérique"), "15110", 16),
        new(new("contratación pública", "public procurement", "compras públicas", "marchés publics"), "15110", 16),
        new(new("ciberseguridad", "cybersecurity", "cibersegurança", "cybersécurité"), "22040", 9),
        new(new("estadísticas oficiales", "official statistics", "estatísticas oficiais", "statistiques officielles"), "16062", 17),
        new(new("seguridad ciudadana", "citizen security", "segurança cidadã", "sécurité citoyenne"), "15130", 16),
        new(new("igualdad de género", "gender equality", "igualdade de gênero", "égalité des genres"), "15170", 5),
        new(new("protección social", "social protection", "proteção social", "protection sociale"), "16010", 1),
        new(new("empleo juvenil", "youth employment", "emprego juvenil", "emploi des jeunes"), "16020", 8),
        new(new("pequeñas y medianas empresas", "small and medium enterprises", "pequenas e médias empresas", "petites et moyennes entreprises"), "32130", 8),
        new(new("turismo sostenible", "sustainable tourism", "turismo sustentável", "tourisme durable"), "33210", 8),
        new(new("inclusión financiera", "financial inclusion", "inclusão financeira", "inclusion financière"), "24030", 8),
        new(new("transporte urbano", "urban transport", "transporte urbano", "transport urbain"), "21020", 11),
        new(new("catastro multipropósito", "multipurpose cadastre", "cadastro multifinalitário", "cadastre polyvalent"), "43030", 11),
        new(new("gestión de residuos sólidos", "solid waste management", "gestão de resíduos sólidos", "gestion des déchets solides"), "14050", 12),
        new(new("cambio climático", "climate change", "mudança do clima", "changement climatique"), "41010", 13),
        new(new("biodiversidad", "biodiversity", "biodiversidade", "biodiversité"), "41030", 15),
        new(new("reforestación", "reforestation", "reflorestamento", "reboisement"), "31220", 15),
        new(new("migración ordenada", "orderly migration", "migração ordenada", "migration ordonnée"), "15190", 10),
    ];

    /// <summary>Title openings that fit each modality.</summary>
    public static readonly Dictionary<Modality, Phrase[]> Actions = new()
    {
        [Modality.TechnicalAssistance] =
        [
            new("Asistencia técnica en {0}", "Technical assistance on {0}", "Assistência técnica em {0}", "Assistance technique en {0}"),
            new("Fortalecimiento de capacidades en {0}", "Capacity building in {0}", "Fortalecimento de capacidades em {0}", "Renforcement des capacités en {0}"),
            new("Diseño de políticas públicas de {0}", "Public policy design for {0}", "Desenho de políticas públicas de {0}", "Conception de politiques publiques de {0}"),
        ],
        [Modality.ExpertMission] =
        [
            new("Misión de expertos en {0}", "Expert mission on {0}", "Missão de especialistas em {0}", "Mission d'experts en {0}"),
            new("Diagnóstico institucional de {0}", "Institutional assessment of {0}", "Diagnóstico institucional de {0}", "Diagnostic institutionnel de {0}"),
        ],
        [Modality.TrainingCourse] =
        [
            new("Curso de formación en {0}", "Training course on {0}", "Curso de formação em {0}", "Cours de formation en {0}"),
            new("Diplomado virtual en {0}", "Online certificate in {0}", "Curso virtual de especialização em {0}", "Certificat en ligne en {0}"),
            new("Taller regional sobre {0}", "Regional workshop on {0}", "Oficina regional sobre {0}", "Atelier régional sur {0}"),
        ],
        [Modality.Internship] =
        [
            new("Pasantía profesional en {0}", "Professional internship in {0}", "Estágio profissional em {0}", "Stage professionnel en {0}"),
        ],
        [Modality.StudyVisit] =
        [
            new("Visita de estudio sobre {0}", "Study visit on {0}", "Visita de estudo sobre {0}", "Visite d'étude sur {0}"),
        ],
        [Modality.ExchangeOfExperiences] =
        [
            new("Intercambio de experiencias en {0}", "Exchange of experiences in {0}", "Intercâmbio de experiências em {0}", "Échange d'expériences en {0}"),
            new("Buenas prácticas en {0}", "Good practices in {0}", "Boas práticas em {0}", "Bonnes pratiques en {0}"),
        ],
        [Modality.Scholarship] =
        [
            new("Becas de posgrado en {0}", "Graduate scholarships in {0}", "Bolsas de pós-graduação em {0}", "Bourses de troisième cycle en {0}"),
            new("Becas de especialización en {0}", "Specialisation scholarships in {0}", "Bolsas de especialização em {0}", "Bourses de spécialisation en {0}"),
        ],
        [Modality.Other] =
        [
            new("Programa regional de {0}", "Regional programme on {0}", "Programa regional de {0}", "Programme régional de {0}"),
            new("Red de cooperación en {0}", "Cooperation network on {0}", "Rede de cooperação em {0}", "Réseau de coopération en {0}"),
        ],
    };

    /// <summary>Who or where the cooperation is for; the first one adds nothing.</summary>
    public static readonly Phrase[] Settings =
    [
        new(string.Empty, string.Empty, string.Empty, string.Empty),
        new(" en zonas rurales", " in rural areas", " em zonas rurais", " en zones rurales"),
        new(" para gobiernos locales", " for local governments", " para governos locais", " pour les collectivités locales"),
        new(" en comunidades indígenas", " in indigenous communities", " em comunidades indígenas", " dans les communautés autochtones"),
        new(" en pequeños Estados insulares", " in small island states", " em pequenos Estados insulares", " dans les petits États insulaires"),
        new(" para mujeres emprendedoras", " for women entrepreneurs", " para mulheres empreendedoras", " pour les femmes entrepreneures"),
        new(" en el Caribe", " in the Caribbean", " no Caribe", " dans les Caraïbes"),
        new(" en Centroamérica", " in Central America", " na América Central", " en Amérique centrale"),
        new(" en la región andina", " in the Andean region", " na região andina", " dans la région andine"),
        new(" para jóvenes", " for young people", " para jovens", " pour les jeunes"),
        new(" en ciudades intermedias", " in intermediate cities", " em cidades intermediárias", " dans les villes moyennes"),
    ];

    public static readonly Phrase OfferOpening = new(
        "{0} ofrece compartir su experiencia en {1}",
        "{0} offers to share its experience in {1}",
        "{0} oferece compartilhar sua experiência em {1}",
        "{0} propose de partager son expérience en {1}");

    public static readonly Phrase DemandOpening = new(
        "{0} busca apoyo técnico en {1}",
        "{0} seeks technical support in {1}",
        "{0} busca apoio técnico em {1}",
        "{0} cherche un appui technique en {1}");

    public static readonly Phrase SectorSentence = new(
        "La iniciativa corresponde al sector «{0}» y contribuye al ODS {1}.",
        "The initiative falls under the sector \"{0}\" and contributes to SDG {1}.",
        "A iniciativa corresponde ao setor «{0}» e contribui para o ODS {1}.",
        "L'initiative relève du secteur « {0} » et contribue à l'ODD {1}.");

    public static readonly Phrase[] Sentences =
    [
        new("Incluye un diagnóstico inicial, talleres presenciales y acompañamiento virtual durante seis meses.",
            "It includes an initial assessment, in-person workshops and six months of online follow-up.",
            "Inclui um diagnóstico inicial, oficinas presenciais e acompanhamento virtual durante seis meses.",
            "Elle comprend un diagnostic initial, des ateliers en présentiel et un suivi en ligne pendant six mois."),
        new("Está dirigida a funcionarios públicos con responsabilidades de planificación y gestión.",
            "It is aimed at public officials with planning and management responsibilities.",
            "É dirigida a servidores públicos com responsabilidades de planejamento e gestão.",
            "Elle s'adresse aux fonctionnaires chargés de la planification et de la gestion."),
        new("Se espera fortalecer los marcos normativos y la coordinación interinstitucional.",
            "It is expected to strengthen regulatory frameworks and inter-agency coordination.",
            "Espera-se fortalecer os marcos regulatórios e a coordenação interinstitucional.",
            "Elle vise à renforcer les cadres réglementaires et la coordination interinstitutionnelle."),
        new("La institución oferente cubre los honorarios de los expertos; el país receptor, la logística local.",
            "The offering institution covers the experts' fees; the receiving country covers local logistics.",
            "A instituição ofertante cobre os honorários dos especialistas; o país receptor, a logística local.",
            "L'institution qui offre prend en charge les honoraires des experts; le pays bénéficiaire, la logistique locale."),
        new("Los participantes elaborarán un plan de acción que será revisado por especialistas.",
            "Participants will draw up an action plan that specialists will review.",
            "Os participantes elaborarão um plano de ação que será revisado por especialistas.",
            "Les participants élaboreront un plan d'action qui sera examiné par des spécialistes."),
        new("La experiencia ha sido reconocida como buena práctica por organismos regionales.",
            "The experience has been recognised as a good practice by regional bodies.",
            "A experiência foi reconhecida como boa prática por organismos regionais.",
            "L'expérience a été reconnue comme bonne pratique par des organismes régionaux."),
        new("Se priorizarán enfoques de género, interculturalidad y sostenibilidad ambiental.",
            "Gender, intercultural and environmental sustainability approaches will be prioritised.",
            "Serão priorizadas abordagens de gênero, interculturalidade e sustentabilidade ambiental.",
            "Les approches de genre, d'interculturalité et de durabilité environnementale seront privilégiées."),
        new("Las actividades combinan sesiones teóricas, visitas de campo y mentorías entre pares.",
            "Activities combine theory sessions, field visits and peer mentoring.",
            "As atividades combinam sessões teóricas, visitas de campo e mentorias entre pares.",
            "Les activités combinent sessions théoriques, visites de terrain et mentorat entre pairs."),
        new("El intercambio permitirá adaptar herramientas de monitoreo y evaluación de resultados.",
            "The exchange will help adapt tools for monitoring and evaluating results.",
            "O intercâmbio permitirá adaptar ferramentas de monitoramento e avaliação de resultados.",
            "L'échange permettra d'adapter des outils de suivi et d'évaluation des résultats."),
        new("Se requiere la participación de al menos dos instituciones nacionales contrapartes.",
            "At least two national counterpart institutions are required to take part.",
            "É necessária a participação de pelo menos duas instituições nacionais contrapartes.",
            "La participation d'au moins deux institutions nationales homologues est requise."),
    ];

    public static readonly Phrase[] Institutions =
    [
        new("El Ministerio de Salud", "The Ministry of Health", "O Ministério da Saúde", "Le ministère de la Santé"),
        new("El Ministerio de Educación", "The Ministry of Education", "O Ministério da Educação", "Le ministère de l'Éducation"),
        new("El Ministerio de Ambiente", "The Ministry of Environment", "O Ministério do Meio Ambiente", "Le ministère de l'Environnement"),
        new("El Ministerio de Agricultura", "The Ministry of Agriculture", "O Ministério da Agricultura", "Le ministère de l'Agriculture"),
        new("La Agencia de Cooperación Internacional", "The International Cooperation Agency", "A Agência de Cooperação Internacional", "L'Agence de coopération internationale"),
        new("El Instituto Nacional de Estadística", "The National Statistics Office", "O Instituto Nacional de Estatística", "L'Institut national de la statistique"),
        new("El Servicio Nacional de Aprendizaje", "The National Training Service", "O Serviço Nacional de Aprendizagem", "Le Service national d'apprentissage"),
        new("La Universidad Nacional", "The National University", "A Universidade Federal", "L'Université nationale"),
        new("La Dirección de Protección Civil", "The Office of Disaster Management", "A Defesa Civil Nacional", "La Direction de la protection civile"),
        new("El Ministerio de Desarrollo Social", "The Ministry of Social Development", "O Ministério do Desenvolvimento Social", "Le ministère du Développement social"),
        new("La Secretaría de Energía", "The Department of Energy", "A Secretaria de Energia", "Le Secrétariat à l'énergie"),
        new("El Ministerio de Turismo", "The Ministry of Tourism", "O Ministério do Turismo", "Le ministère du Tourisme"),
        new("La Agencia de Gobierno Digital", "The Digital Government Agency", "A Secretaria de Governo Digital", "L'Agence du gouvernement numérique"),
        new("El Instituto de la Mujer", "The Women's Bureau", "A Secretaria da Mulher", "Le Bureau de la condition féminine"),
    ];

    /// <summary>The language most entries of a state are written in; others write in Spanish.</summary>
    public static string LanguageOf(string state) => state switch
    {
        "BR" => "pt",
        "HT" => "fr",
        "AG" or "BS" or "BB" or "BZ" or "CA" or "DM" or "GD" or "GY" or "JM" or "KN" or "LC" or "VC" or "SR" or "TT" or "US" => "en",
        _ => "es",
    };
}
