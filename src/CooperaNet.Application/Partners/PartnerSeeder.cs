using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Partners;

/// <summary>
/// Loads the partner organisations named in para 68 of the work plan (SEGIB and programmes of its PIPA,
/// MERCOSUR) and the milestones of the pilot of action 1. Safe to run at every start: it adds only what
/// is missing (by fixed id) and never overwrites what the secretariat changed.
/// </summary>
public sealed class PartnerSeeder(CooperaNetDbContext db, TimeProvider clock)
{
    public static readonly Guid Segib = new("5e61b000-0000-4000-8000-000000000001");
    public static readonly Guid Mercosur = new("5e61b000-0000-4000-8000-000000000002");

    private const string Ibero = "AR BO BR CL CO CR DO EC SV GT HN MX NI PA PY PE UY";

    /// <summary>Adds what is missing; returns how many organisations and milestones it added.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var known = await db.PartnerOrganisations.IgnoreQueryFilters().Select(o => o.Id).ToListAsync(ct);
        var organisations = Organisations(now).Where(o => !known.Contains(o.Id)).ToList();
        var knownMilestones = await db.PilotMilestones.Select(m => m.Id).ToListAsync(ct);
        var milestones = Milestones().Where(m => !knownMilestones.Contains(m.Id)).ToList();
        db.PartnerOrganisations.AddRange(organisations);
        db.PilotMilestones.AddRange(milestones);
        await db.SaveChangesAsync(ct);
        return organisations.Count + milestones.Count;
    }

    private static IEnumerable<PartnerOrganisation> Organisations(DateTimeOffset at)
    {
        yield return Organisation(Segib, "Secretaría General Iberoamericana", "SEGIB", PartnerScope.Regional, null, "https://www.segib.org", Ibero + " AD ES PT", at,
            "Órgano permanente de apoyo de la Conferencia Iberoamericana; coordina los Programas, Iniciativas y Proyectos Adscritos (PIPA) de la Cooperación Iberoamericana.",
            "Permanent support body of the Ibero-American Conference; it coordinates the Ibero-American Cooperation's Programmes, Initiatives and Affiliated Projects (PIPA).",
            "Órgão permanente de apoio da Conferência Ibero-Americana; coordena os Programas, Iniciativas e Projetos Adstritos (PIPA) da Cooperação Ibero-Americana.",
            "Organe permanent d'appui de la Conférence ibéro-américaine ; il coordonne les Programmes, Initiatives et Projets rattachés (PIPA) de la coopération ibéro-américaine.");
        yield return Organisation(Mercosur, "Mercado Común del Sur", "MERCOSUR", PartnerScope.Subregional, null, "https://www.mercosur.int", "AR BR PY UY BO", at,
            "Proceso de integración regional de Argentina, Brasil, Paraguay y Uruguay, al que Bolivia se incorpora como Estado parte.",
            "Regional integration process of Argentina, Brazil, Paraguay and Uruguay, which Bolivia is joining as a State Party.",
            "Processo de integração regional da Argentina, do Brasil, do Paraguai e do Uruguai, ao qual a Bolívia se incorpora como Estado Parte.",
            "Processus d'intégration régionale de l'Argentine, du Brésil, du Paraguay et de l'Uruguay, auquel la Bolivie adhère comme État partie.");
        yield return Programme(3, "Programa Iberoamericano para el Fortalecimiento de la Cooperación Sur-Sur", "PIFCSS", "https://cooperacionsursur.org", at,
            "Fortalece las capacidades de las instituciones de cooperación de los países iberoamericanos en Cooperación Sur-Sur y Triangular.",
            "Strengthens the capacities of the Ibero-American countries' cooperation institutions in South-South and triangular cooperation.",
            "Fortalece as capacidades das instituições de cooperação dos países ibero-americanos em Cooperação Sul-Sul e Triangular.",
            "Renforce les capacités des institutions de coopération des pays ibéro-américains en coopération Sud-Sud et triangulaire.");
        yield return Programme(4, "Programa Iberarchivos", "Iberarchivos", "https://www.iberarchivos.org", at,
            "Apoya la preservación, organización y difusión del patrimonio documental de los archivos iberoamericanos.",
            "Supports the preservation, organisation and dissemination of the documentary heritage of Ibero-American archives.",
            "Apoia a preservação, organização e difusão do patrimônio documental dos arquivos ibero-americanos.",
            "Soutient la préservation, l'organisation et la diffusion du patrimoine documentaire des archives ibéro-américaines.");
        yield return Programme(5, "Programa Ibermedia", "Ibermedia", "https://www.programaibermedia.com", at,
            "Fomenta la coproducción, distribución y formación en el sector audiovisual iberoamericano.",
            "Promotes co-production, distribution and training in the Ibero-American audiovisual sector.",
            "Fomenta a coprodução, a distribuição e a formação no setor audiovisual ibero-americano.",
            "Encourage la coproduction, la distribution et la formation dans le secteur audiovisuel ibéro-américain.");
        yield return Programme(6, "Programa Iberescena", "Iberescena", "https://www.iberescena.org", at,
            "Impulsa la creación, coproducción y circulación de las artes escénicas iberoamericanas.",
            "Supports the creation, co-production and touring of Ibero-American performing arts.",
            "Impulsiona a criação, a coprodução e a circulação das artes cênicas ibero-americanas.",
            "Soutient la création, la coproduction et la circulation des arts de la scène ibéro-américains.");
        yield return Programme(7, "Programa Ibermuseos", "Ibermuseos", "https://www.ibermuseos.org", at,
            "Fortalece los museos iberoamericanos y la gestión de su patrimonio.",
            "Strengthens Ibero-American museums and the management of their heritage.",
            "Fortalece os museus ibero-americanos e a gestão do seu patrimônio.",
            "Renforce les musées ibéro-américains et la gestion de leur patrimoine.");
        yield return Programme(8, "Programa Iberoamericano de Ciencia y Tecnología para el Desarrollo", "CYTED", "https://www.cyted.org", at,
            "Promueve la cooperación en ciencia, tecnología e innovación para el desarrollo de la región iberoamericana.",
            "Promotes cooperation in science, technology and innovation for the development of the Ibero-American region.",
            "Promove a cooperação em ciência, tecnologia e inovação para o desenvolvimento da região ibero-americana.",
            "Promeut la coopération en science, technologie et innovation pour le développement de la région ibéro-américaine.");
    }

    private static PartnerOrganisation Programme(int number, string name, string acronym, string website, DateTimeOffset at, string es, string en, string pt, string fr) =>
        Organisation(new Guid($"5e61b000-0000-4000-8000-{number:D12}"), name, acronym, PartnerScope.Regional, Segib, website, Ibero, at, es, en, pt, fr);

    private static PartnerOrganisation Organisation(Guid id, string name, string acronym, PartnerScope scope, Guid? parent, string website, string states, DateTimeOffset at, string es, string en, string pt, string fr) => new()
    {
        Id = id,
        Name = name,
        Acronym = acronym,
        Scope = scope,
        ParentId = parent,
        Website = website,
        MemberStates = states,
        Description = LocalizedText.Of(es, en, pt, fr),
        CreatedAt = at,
        UpdatedAt = at,
    };

    /// <summary>The steps of action 1 of the work plan (pilot with SEGIB and MERCOSUR), with para 68's pilot plan.</summary>
    private static IEnumerable<PilotMilestone> Milestones()
    {
        yield return Milestone(1, Segib, 1, "Plan de trabajo piloto con SEGIB (y sus PIPA) y MERCOSUR con las ofertas y recursos de cooperación existentes", new DateOnly(2023, 6, 30));
        yield return Milestone(2, Segib, 2, "Reunión con altas autoridades de SEGIB (Secretario General y Secretaria de Cooperación Iberoamericana)", new DateOnly(2023, 12, 31));
        yield return Milestone(3, Segib, 3, "Reunión con el equipo técnico de SEGIB sobre la Red de Puntos Focales de Comunicación", new DateOnly(2024, 3, 31));
        yield return Milestone(4, Segib, 4, "Conocer el SIDICSS y las opciones de articulación con CooperaNet", new DateOnly(2024, 6, 30));
        yield return Milestone(5, Segib, 5, "Actividades conjuntas con SEGIB: conferencias, talleres, seminarios, paneles, presentaciones y exposiciones", new DateOnly(2024, 12, 31));
        yield return Milestone(6, Mercosur, 1, "Establecer comunicación con MERCOSUR para conocer sus dinámicas de cooperación", new DateOnly(2023, 12, 31));
        yield return Milestone(7, Mercosur, 2, "Identificar puntos en común y posibles espacios de acción conjunta con MERCOSUR", new DateOnly(2024, 6, 30));
    }

    private static PilotMilestone Milestone(int number, Guid organisation, int order, string title, DateOnly due) =>
        new() { Id = new Guid($"5e61b100-0000-4000-8000-{number:D12}"), OrganisationId = organisation, Order = order, Title = title, DueOn = due };
}
