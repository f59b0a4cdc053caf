namespace CooperaNet.Domain.Reference;

/// <summary>One of the 17 Sustainable Development Goals.</summary>
public sealed class SdgGoal
{
    /// <summary>Goal number, 1 to 17, the key.</summary>
    public required int Number { get; init; }

    /// <summary>Official title.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>Short name ("No poverty").</summary>
    public required LocalizedText ShortName { get; set; }
}

/// <summary>One of the 169 SDG targets, coded as IATI does ("1.1", "1.a").</summary>
public sealed class SdgTarget
{
    /// <summary>Target code, the key.</summary>
    public required string Code { get; init; }

    /// <summary>The goal the target belongs to.</summary>
    public required int GoalNumber { get; set; }

    /// <summary>Official title. Portuguese may be missing; readers fall back and say so.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>
    /// Orders targets as the UN lists them: numbered ones first (1.1 ... 1.5), then lettered ones (1.a, 1.b).
    /// </summary>
    public static (int Lettered, int Number, string Letter) SortKey(string code)
    {
        var part = code.Split('.')[1];
        return int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var number) ? (0, number, string.Empty) : (1, 0, part);
    }
}
