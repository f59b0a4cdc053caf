using System.Globalization;
using CooperaNet.Application.Matching;
using CooperaNet.Bench.MatchingEvaluation;
using CooperaNet.Matching;
using CooperaNet.Matching.Knowledge;

// Demands: activities described in Spanish, Portuguese or French (USAID Bolivia, Brazil, Togo), codes hidden.
// Offers: activities of other publishers in English (WHO Argentina, IAF Haiti, World Bank El Salvador), with their codes.
// Relevance: an offer sharing a demand's DAC 5-digit code is grade 2, sharing only its 3-digit category grade 1.
var folder = args.Length > 0 ? args[0] : Path.Combine("data", "iati-activities");
var demandFiles = new[] { "usaid/usaid-bo.xml", "usaid/usaid-br.xml", "usaid/usaid-tg.xml" };
var offerFiles = new[] { "who/who-arg.xml", "iaf/iaf-haiti.xml", "worldbank/worldbank-sv.xml" };

var demands = demandFiles
    .SelectMany(f => Activities.Read(Path.Combine(folder, f), Path.GetFileNameWithoutExtension(f)))
    .Where(a => a.Language is "es" or "pt" or "fr")
    .DistinctBy(a => (a.Language, a.Title, a.Description))
    .ToList();
var offers = offerFiles
    .SelectMany(f => Activities.Read(Path.Combine(folder, f), Path.GetFileNameWithoutExtension(f)))
    .Where(a => a.Language == "en")
    .DistinctBy(a => (a.Title, a.Description))
    .Select((a, i) => a with { Id = $"{a.Publisher}#{i}" })
    .ToList();

var gradable = demands.Where(d => offers.Any(o => Grade(d, o) > 0)).ToList();
Console.WriteLine($"Demands: {demands.Count} ({Count("es")} es, {Count("pt")} pt, {Count("fr")} fr), of which {gradable.Count} have a relevant offer; offers: {offers.Count}.");
Console.WriteLine();

var knowledgeOnly = MatchingKnowledgeLoader.Load();
var trained = MatchingKnowledgeLoader.Load(offers.Select(o => new TrainingText(o.Language, $"{o.Title}. {o.Description}", o.Sectors)).ToList());

Console.WriteLine("| system | nDCG@10 | P@5 | classifier top-3 (category) | classifier top-3 sectors (category) |");
Console.WriteLine("|---|---|---|---|---|");
var bm25 = new Bm25();
foreach (var offer in offers)
{
    bm25.Add(offer.Id, $"{offer.Title} {offer.Title} {offer.Description}");
}

var (bmNdcg, bmP5) = Score(d => bm25.Search($"{d.Title} {d.Title} {d.Description}", 10));
Console.WriteLine($"| plain BM25 | {bmNdcg:F3} | {bmP5:F3} | – | – |");
var engineNdcg = 0.0;
foreach (var (name, knowledge) in new[] { ("engine (code lists + lexicon)", knowledgeOnly), ("engine + sector words learnt from the offers' publishers", trained) })
{
    var engine = MatchingEngine.Create(knowledge);
    using var index = engine.CreateIndex();
    foreach (var offer in offers)
    {
        index.AddOrUpdate(Entry(offer, EntrySide.Offer, offer.Sectors));
    }

    var (ndcg, p5) = Score(d => index.Search(Entry(d, EntrySide.Demand, []), 10).Select(m => m.Id).ToList());
    engineNdcg = engineNdcg == 0 ? ndcg : engineNdcg;
    var categoryHits = demands.Count(d => engine.Classifier.Classify(d.Title, d.Description, d.Language, 3).Categories.Any(c => d.Categories.Contains(c.Code)));
    var sectorHits = demands.Count(d => engine.Classifier.Classify(d.Title, d.Description, d.Language, 3).Sectors.Any(s => d.Categories.Contains(s.Code[..3])));
    Console.WriteLine($"| {name} | {ndcg:F3} | {p5:F3} | {(double)categoryHits / demands.Count:F3} | {(double)sectorHits / demands.Count:F3} |");
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engine (code lists + lexicon) / BM25 nDCG@10: {engineNdcg / bmNdcg:F1}x."));
foreach (var language in new[] { "es", "pt", "fr" })
{
    var engine = MatchingEngine.Create(knowledgeOnly);
    var subset = demands.Where(d => d.Language == language).ToList();
    var hits = subset.Count(d => engine.Classifier.Classify(d.Title, d.Description, d.Language, 3).Categories.Any(c => d.Categories.Contains(c.Code)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Classifier top-3 (category), {language}: {(double)hits / subset.Count:F3} of {subset.Count}."));
}

// Held-out sets: activities whose texts were never read to write the lexicon, labelled by their
// publisher's own sectors (brought to DAC categories by the sectors' names) and SDG tags.
Console.WriteLine();
Console.WriteLine("Held-out sets (classifier top-3):");
Console.WriteLine();
Console.WriteLine("| set | language | texts with a category | top-3 by category | texts with SDG tags | top-3 SDG goals |");
Console.WriteLine("|---|---|---|---|---|---|");
var classifier = MatchingEngine.Create(knowledgeOnly).Classifier;
var offerTexts = offers.Select(o => new LabelledText("offers (WHO, IAF, World Bank; DAC codes)", o.Language, o.Title, o.Description, o.Categories.ToHashSet(), new HashSet<string>()));
var heldOut = HeldOut.Caf(Path.Combine(folder, "caf", "CAF-ActivityFile-2025-10-10.xml"))
    .Concat(HeldOut.Acf([Path.Combine(folder, "acf-spain", "acfspain-co.xml"), Path.Combine(folder, "acf-spain", "acfspain-pe.xml")]))
    .Concat(offerTexts);
foreach (var group in heldOut.GroupBy(t => (t.Set, t.Language)))
{
    var withCategory = group.Where(t => t.Categories.Count > 0).ToList();
    var withSdgs = group.Where(t => t.Sdgs.Count > 0).ToList();
    var results = group.ToDictionary(t => t, t => classifier.Classify(t.Title, t.Description, t.Language, 3));
    var categoryHits = withCategory.Count(t => results[t].Categories.Any(c => t.Categories.Contains(c.Code)));
    var sdgHits = withSdgs.Count(t => results[t].Sdgs.Any(g => t.Sdgs.Contains(g.Code)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key.Set} | {group.Key.Language} | {withCategory.Count} | {Ratio(categoryHits, withCategory.Count)} | {withSdgs.Count} | {Ratio(sdgHits, withSdgs.Count)} |"));
}

return 0;

static string Ratio(int hits, int count) => count == 0 ? "–" : ((double)hits / count).ToString("F3", CultureInfo.InvariantCulture);

int Count(string language) => demands.Count(d => d.Language == language);

static MatchEntry Entry(Activity a, EntrySide side, IReadOnlyList<string> sectors) => new()
{
    Id = a.Id,
    Side = side,
    Title = a.Title,
    Description = a.Description,
    Language = a.Language,
    Sectors = sectors,
};

static int Grade(Activity demand, Activity offer) =>
    demand.Sectors.Intersect(offer.Sectors).Any() ? 2 : demand.Categories.Intersect(offer.Categories).Any() ? 1 : 0;

(double Ndcg, double P5) Score(Func<Activity, List<string>> rank)
{
    var byId = offers.ToDictionary(o => o.Id);
    double ndcg = 0, p5 = 0;
    foreach (var demand in gradable)
    {
        var grades = rank(demand).Select(id => Grade(demand, byId[id])).ToList();
        var ideal = offers.Select(o => Grade(demand, o)).OrderByDescending(g => g).Take(10).ToList();
        ndcg += Dcg(grades) / Dcg(ideal);
        p5 += grades.Take(5).Count(g => g > 0) / 5.0;
    }

    return (ndcg / gradable.Count, p5 / gradable.Count);
}

static double Dcg(IEnumerable<int> grades) => grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
