using System.Collections.Concurrent;

namespace CooperaNet.Matching;

/// <summary>
/// The entries of one side (say, every published offer) indexed for ranking against an entry of
/// the other side. Candidates are gathered through inverted lists — by DAC code, by category and
/// by text feature — into a score accumulator, so a search touches only entries
/// that share something with the query; the best are then explained. Adding, updating and
/// removing entries is incremental. Searches may run in parallel; writes wait for them.
/// </summary>
public sealed class MatchIndex : IDisposable
{
    private const float SectorWeight = 0.45f;
    private const float SameCategoryShare = 0.5f;
    private const float SdgWeight = 0.10f;
    private const float TextWeight = 0.35f;
    private const float LanguageBonus = 0.03f;
    private const float ModalityBonus = 0.03f;
    private const float CountryBonus = 0.02f;
    private const float PeriodBonus = 0.02f;
    private const float MaxBonus = SdgWeight + LanguageBonus + ModalityBonus + CountryBonus + PeriodBonus;
    private const int MaxQueryFeatures = 32;

    private readonly MatchingEngine engine;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> slotOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Posting>> sectorPostings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Posting>> categoryPostings = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<Posting>> featurePostings = [];

    // Live entries per feature: posting lists keep removed entries until they are compacted, so
    // weights read the frequency from here, which a removal updates at once.
    private readonly Dictionary<int, int> featureFrequency = [];
    private readonly ConcurrentBag<Scratch> scratches = [];
    private EntryProfile?[] profiles = new EntryProfile?[256];
    private int used;
    private int dead;

    /// <summary>Features kept per indexed entry, its strongest.</summary>
    public const int MaxIndexedFeatures = 64;

    internal MatchIndex(MatchingEngine engine) => this.engine = engine;

    /// <summary>How many entries the index holds.</summary>
    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return slotOf.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>True when an entry with this id is indexed.</summary>
    public bool Contains(string id)
    {
        gate.EnterReadLock();
        try
        {
            return slotOf.ContainsKey(id);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Analyses and indexes an entry, replacing any entry with the same id.</summary>
    public void AddOrUpdate(MatchEntry entry) => AddOrUpdate(engine.Profile(entry));

    /// <summary>Indexes an analysed entry, replacing any entry with the same id.</summary>
    public void AddOrUpdate(EntryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile = profile.ForIndex(MaxIndexedFeatures);
        gate.EnterWriteLock();
        try
        {
            RemoveLocked(profile.Entry.Id);
            if (used == profiles.Length)
            {
                Array.Resize(ref profiles, profiles.Length * 2);
            }

            var slot = used++;
            profiles[slot] = profile;
            slotOf[profile.Entry.Id] = slot;
            Post(slot, profile);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Removes the entry with this id; false when there was none.</summary>
    public bool Remove(string id)
    {
        gate.EnterWriteLock();
        try
        {
            return RemoveLocked(id);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Releases the lock that guards the index.</summary>
    public void Dispose() => gate.Dispose();

    /// <summary>The best entries for an entry of the other side, analysing it first.</summary>
    public IReadOnlyList<Match> Search(MatchEntry query, int top) => Search(engine.Profile(query), top);

    /// <summary>The <paramref name="top"/> best entries for <paramref name="query"/>, best first, with reasons.</summary>
    public IReadOnlyList<Match> Search(EntryProfile query, int top)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        gate.EnterReadLock();
        var scratch = Rent();
        try
        {
            Accumulate(query, scratch);
            var best = Select(query, scratch, top);
            return best.Select(b => new Match(profiles[b.Slot]!.Entry.Id, Math.Round(b.Score, 4), Explain(query, profiles[b.Slot]!))).ToList();
        }
        finally
        {
            scratches.Add(scratch);
            gate.ExitReadLock();
        }
    }

    private void Accumulate(EntryProfile query, Scratch scratch)
    {
        scratch.Begin();

        var sectorNorm = Math.Max(1f, query.Categories.Sum(c => c.Weight));
        foreach (var sector in query.Sectors)
        {
            Spread(sectorPostings, sector.Code, SectorWeight * (1 - SameCategoryShare) * sector.Weight / sectorNorm, scratch);
        }

        foreach (var category in query.Categories)
        {
            Spread(categoryPostings, category.Code, SectorWeight * SameCategoryShare * category.Weight / sectorNorm, scratch);
        }

        // Goals gather no candidates (a shared goal alone is too weak a reason, and goal lists are long):
        // they are scored with the bonuses, for the candidates that can still make the list.
        var live = slotOf.Count;
        var tooCommon = TooCommon(live);
        var total = 0f;
        Span<float> idfs = query.Features.Length <= 512 ? stackalloc float[query.Features.Length] : new float[query.Features.Length];
        for (var i = 0; i < query.Features.Length; i++)
        {
            var df = featureFrequency.GetValueOrDefault(query.Features[i]);
            idfs[i] = df > tooCommon ? 0 : MathF.Log(1 + ((live - df + 0.5f) / (df + 0.5f)));
            total += query.QueryWeights[i] * idfs[i];
        }

        if (total <= 0)
        {
            return;
        }

        // Long texts: only the most telling features gather candidates (the rarest weigh most anyway).
        var cutoff = 0f;
        if (query.Features.Length > MaxQueryFeatures)
        {
            var strengths = new float[query.Features.Length];
            for (var i = 0; i < strengths.Length; i++)
            {
                strengths[i] = query.QueryWeights[i] * idfs[i];
            }

            Array.Sort(strengths);
            cutoff = strengths[^MaxQueryFeatures];
        }

        for (var i = 0; i < query.Features.Length; i++)
        {
            if (idfs[i] > 0 && query.QueryWeights[i] * idfs[i] >= cutoff && featurePostings.TryGetValue(query.Features[i], out var list))
            {
                var factor = TextWeight * query.QueryWeights[i] * idfs[i] / total;
                foreach (var posting in list)
                {
                    scratch.Add(posting.Slot, factor * posting.Weight);
                }
            }
        }
    }

    /// <summary>Features in more than this many entries say too little to gather candidates with.</summary>
    private static int TooCommon(int live) => Math.Max(50, live / 20);

    private static void Spread(Dictionary<string, List<Posting>> index, string code, float factor, Scratch scratch)
    {
        if (factor <= 0 || !index.TryGetValue(code, out var list))
        {
            return;
        }

        foreach (var posting in list)
        {
            scratch.Add(posting.Slot, factor * posting.Weight);
        }
    }

    private List<(int Slot, float Score)> Select(EntryProfile query, Scratch scratch, int top)
    {
        var heap = new PriorityQueue<int, float>(top + 1);
        for (var t = 0; t < scratch.TouchedCount; t++)
        {
            var slot = scratch.Touched[t];
            var candidate = profiles[slot];
            if (candidate is null || ReferenceEquals(candidate.Entry.Id, query.Entry.Id) || candidate.Entry.Id == query.Entry.Id)
            {
                continue;
            }

            var score = scratch.Scores[slot];
            if (heap.Count < top)
            {
                heap.Enqueue(slot, score + Bonus(query, candidate));
                continue;
            }

            // Bonuses are small: a candidate that cannot pass the weakest kept one even with all of them is skipped unscored.
            heap.TryPeek(out _, out var lowest);
            if (score + MaxBonus > lowest)
            {
                score += Bonus(query, candidate);
                if (score > lowest)
                {
                    heap.DequeueEnqueue(slot, score);
                }
            }
        }

        var best = new List<(int Slot, float Score)>(heap.Count);
        while (heap.TryDequeue(out var slot, out var score))
        {
            best.Add((slot, score));
        }

        best.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(profiles[a.Slot]!.Entry.Id, profiles[b.Slot]!.Entry.Id));
        return best;
    }

    private static float Bonus(EntryProfile a, EntryProfile b)
    {
        var bonus = 0f;
        if (a.Goals.Length > 0 && b.Goals.Length > 0)
        {
            var shared = 0f;
            var norm = 0f;
            foreach (var goal in a.Goals)
            {
                norm += goal.Weight;
                foreach (var other in b.Goals)
                {
                    if (goal.Code == other.Code)
                    {
                        shared += goal.Weight * other.Weight;
                    }
                }
            }

            bonus += SdgWeight * shared / Math.Max(1f, norm);
        }

        if ((a.LanguageMask & b.LanguageMask) != 0)
        {
            bonus += LanguageBonus;
        }

        if (a.ModalityId != 0 && b.ModalityId != 0 && (a.ModalityId == b.ModalityId || (a.ModalityFamily >= 0 && a.ModalityFamily == b.ModalityFamily)))
        {
            bonus += ModalityBonus;
        }

        foreach (var country in a.CountryIds)
        {
            if (Array.IndexOf(b.CountryIds, country) >= 0)
            {
                bonus += CountryBonus;
                break;
            }
        }

        var hasWindows = (a.StartDay != int.MinValue || a.EndDay != int.MaxValue) && (b.StartDay != int.MinValue || b.EndDay != int.MaxValue);
        if (hasWindows && Overlap(a, b) is not null)
        {
            bonus += PeriodBonus;
        }

        return bonus;
    }

    private List<MatchReason> Explain(EntryProfile query, EntryProfile found)
    {
        var reasons = new List<MatchReason>();
        var sectorNorm = Math.Max(1f, query.Categories.Sum(c => c.Weight));
        var exact = query.Sectors.Join(found.Sectors, q => q.Code, f => f.Code, (q, f) => (q.Code, Weight: q.Weight * f.Weight, Declared: q.Declared && f.Declared)).ToList();
        AddCodeReasons(reasons, ReasonKind.SameSector, exact, SectorWeight * (1 - SameCategoryShare) / sectorNorm);

        var exactCategories = exact.Select(e => engine.CategoryOf(e.Code)).ToHashSet(StringComparer.Ordinal);
        var categories = query.Categories.Join(found.Categories, q => q.Code, f => f.Code, (q, f) => (q.Code, Weight: q.Weight * f.Weight, Declared: q.Declared && f.Declared)).ToList();
        var categoryOnly = categories.Where(c => !exactCategories.Contains(c.Code)).ToList();
        AddCodeReasons(reasons, ReasonKind.SameCategory, categoryOnly, SectorWeight * SameCategoryShare / sectorNorm);
        if (exact.Count > 0)
        {
            // The category shared by an exact code counts within that code's reason.
            var within = categories.Where(c => exactCategories.Contains(c.Code)).Sum(c => c.Weight) * SectorWeight * SameCategoryShare / sectorNorm;
            var i = reasons.FindIndex(r => r.Kind == ReasonKind.SameSector);
            reasons[i] = reasons[i] with { Weight = Math.Round(reasons[i].Weight + within, 4) };
        }

        var goalNorm = Math.Max(1f, query.Goals.Sum(g => g.Weight));
        var goals = query.Goals.Join(found.Goals, q => q.Code, f => f.Code, (q, f) => (q.Code, Weight: q.Weight * f.Weight, Declared: q.Declared && f.Declared)).ToList();
        AddCodeReasons(reasons, ReasonKind.SharedSdg, goals, SdgWeight / goalNorm);

        var text = TextReason(query, found);
        if (text is not null)
        {
            reasons.Add(text);
        }

        if (Modalities.Compatible(query.Modality, found.Modality))
        {
            reasons.Add(new MatchReason(ReasonKind.CompatibleModality, [query.Entry.Modality!, found.Entry.Modality!], ModalityBonus));
        }

        var languages = query.LanguageMask & found.LanguageMask;
        if (languages != 0)
        {
            string[] codes = ["", "es", "en", "pt", "fr"];
            reasons.Add(new MatchReason(ReasonKind.CommonLanguage, Enumerable.Range(1, 4).Where(l => (languages & (1 << l)) != 0).Select(l => codes[l]).ToList(), LanguageBonus));
        }

        var countries = SharedCountries(query, found).ToList();
        if (countries.Count > 0)
        {
            reasons.Add(new MatchReason(ReasonKind.EligibleCountry, countries, CountryBonus));
        }

        if (Overlap(query, found) is { } period)
        {
            reasons.Add(new MatchReason(ReasonKind.OverlappingPeriod, [period.From, period.To], PeriodBonus));
        }

        return reasons.OrderByDescending(r => r.Weight).ThenBy(r => r.Kind).ToList();
    }

    private static void AddCodeReasons(List<MatchReason> reasons, ReasonKind kind, List<(string Code, float Weight, bool Declared)> shared, float factor)
    {
        foreach (var group in shared.GroupBy(s => s.Declared).OrderByDescending(g => g.Key))
        {
            var weight = group.Sum(s => s.Weight) * factor;
            if (weight > 0)
            {
                reasons.Add(new MatchReason(kind, group.OrderByDescending(s => s.Weight).Select(s => s.Code).ToList(), Math.Round(weight, 4), Inferred: !group.Key));
            }
        }
    }

    private MatchReason? TextReason(EntryProfile query, EntryProfile found)
    {
        var live = Math.Max(1, slotOf.Count);
        var tooCommon = TooCommon(live);
        var total = 0f;
        var shared = new List<(int Feature, float Weight)>();
        for (var i = 0; i < query.Features.Length; i++)
        {
            var df = featureFrequency.GetValueOrDefault(query.Features[i]);
            var idf = df > tooCommon ? 0 : MathF.Log(1 + ((live - df + 0.5f) / (df + 0.5f)));
            total += query.QueryWeights[i] * idf;
            var weight = found.FeatureWeight(query.Features[i]);
            if (weight > 0 && idf > 0)
            {
                shared.Add((query.Features[i], query.QueryWeights[i] * idf * weight));
            }
        }

        if (shared.Count == 0 || total <= 0)
        {
            return null;
        }

        var concepts = shared.OrderByDescending(s => s.Weight)
            .Select(s => engine.ConceptOfFeature(s.Feature)?.Id)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        return new MatchReason(ReasonKind.SimilarText, concepts, Math.Round(TextWeight * shared.Sum(s => s.Weight) / total, 4));
    }

    private static IEnumerable<string> SharedCountries(EntryProfile a, EntryProfile b) =>
        a.Countries.Length == 0 || b.Countries.Length == 0 ? [] : a.Countries.Intersect(b.Countries, StringComparer.Ordinal);

    private static (string From, string To)? Overlap(EntryProfile a, EntryProfile b)
    {
        var hasWindow = (a.StartDay != int.MinValue || a.EndDay != int.MaxValue) && (b.StartDay != int.MinValue || b.EndDay != int.MaxValue);
        var from = Math.Max(a.StartDay, b.StartDay);
        var to = Math.Min(a.EndDay, b.EndDay);
        if (!hasWindow || from > to || from == int.MinValue || to == int.MaxValue)
        {
            return null;
        }

        return (Iso(from), Iso(to));
    }

    private static string Iso(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private bool RemoveLocked(string id)
    {
        if (!slotOf.Remove(id, out var slot))
        {
            return false;
        }

        foreach (var feature in profiles[slot]!.Features)
        {
            if (--featureFrequency[feature] == 0)
            {
                featureFrequency.Remove(feature);
            }
        }

        profiles[slot] = null;
        dead++;
        if (dead > 1024 && dead > slotOf.Count)
        {
            Compact();
        }

        return true;
    }

    /// <summary>Rebuilds the lists without the removed entries, once they outnumber the live ones.</summary>
    private void Compact()
    {
        var live = profiles.Take(used).OfType<EntryProfile>().ToList();
        sectorPostings.Clear();
        categoryPostings.Clear();
        featurePostings.Clear();
        featureFrequency.Clear();
        slotOf.Clear();
        Array.Clear(profiles);
        used = 0;
        dead = 0;
        foreach (var profile in live)
        {
            var slot = used++;
            profiles[slot] = profile;
            slotOf[profile.Entry.Id] = slot;
            Post(slot, profile);
        }
    }

    private void Post(int slot, EntryProfile profile)
    {
        foreach (var sector in profile.Sectors)
        {
            Append(sectorPostings, sector.Code, slot, sector.Weight);
        }

        foreach (var category in profile.Categories)
        {
            Append(categoryPostings, category.Code, slot, category.Weight);
        }

        for (var i = 0; i < profile.Features.Length; i++)
        {
            Append(featurePostings, profile.Features[i], slot, profile.DocumentWeights[i]);
            featureFrequency[profile.Features[i]] = featureFrequency.GetValueOrDefault(profile.Features[i]) + 1;
        }
    }

    private static void Append<TKey>(Dictionary<TKey, List<Posting>> index, TKey key, int slot, float weight)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(new Posting(slot, weight));
    }

    private Scratch Rent()
    {
        if (!scratches.TryTake(out var scratch))
        {
            scratch = new Scratch();
        }

        scratch.Ensure(used);
        return scratch;
    }

    private readonly record struct Posting(int Slot, float Weight);

    /// <summary>Per-search working memory, reused: a score per slot, stamped so it needs no clearing.</summary>
    private sealed class Scratch
    {
        private int[] stamps = [];
        private int generation;

        public float[] Scores { get; private set; } = [];

        public int[] Touched { get; private set; } = [];

        public int TouchedCount { get; private set; }

        public void Ensure(int size)
        {
            if (Scores.Length < size)
            {
                var capacity = Math.Max(size, Scores.Length * 2);
                Scores = new float[capacity];
                Touched = new int[capacity];
                stamps = new int[capacity];
                generation = 0;
            }
        }

        public void Begin()
        {
            TouchedCount = 0;
            if (++generation == int.MaxValue)
            {
                Array.Clear(stamps);
                generation = 1;
            }
        }

        public void Add(int slot, float value)
        {
            if (stamps[slot] != generation)
            {
                stamps[slot] = generation;
                Scores[slot] = 0;
                Touched[TouchedCount++] = slot;
            }

            Scores[slot] += value;
        }
    }
}
