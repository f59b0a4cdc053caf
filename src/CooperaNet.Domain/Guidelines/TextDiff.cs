using System.Text.RegularExpressions;

namespace CooperaNet.Domain.Guidelines;

/// <summary>What a piece of a difference is: in both texts, only in the new one, only in the old one.</summary>
public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of text and where it belongs.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// The difference between two texts: lines first (a longest common subsequence), then the words of the
/// lines that changed, so a one-word edit in a long paragraph shows as that word. Joining the pieces that
/// are not inserted gives the old text back; joining those not deleted gives the new one.
/// </summary>
public static partial class TextDiff
{
    /// <summary>The largest table the comparison fills (4 million cells, 16 MB).</summary>
    public const long MaxCells = 4_000_000;

    /// <summary>The pieces that turn <paramref name="before"/> into <paramref name="after"/>, adjacent pieces of one kind merged.</summary>
    public static IReadOnlyList<DiffPiece> Compare(string? before, string? after)
    {
        var pieces = new List<DiffPiece>();
        var removed = new List<string>();
        var added = new List<string>();
        foreach (var (kind, line) in Lcs(Lines(Normalize(before)), Lines(Normalize(after))))
        {
            switch (kind)
            {
                case DiffKind.Deleted:
                    removed.Add(line);
                    break;
                case DiffKind.Inserted:
                    added.Add(line);
                    break;
                default:
                    Flush(pieces, removed, added);
                    Add(pieces, DiffKind.Same, line);
                    break;
            }
        }

        Flush(pieces, removed, added);
        return pieces;
    }

    /// <summary>
    /// A longest common subsequence of two token lists, as the tokens of both in order: kept ones once,
    /// deleted ones before the inserted ones that replace them.
    /// </summary>
    public static IReadOnlyList<(DiffKind Kind, string Token)> Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Common head and tail are cut off first: most edits touch a small part of a long text.
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var n = a.Count - head - tail;
        var m = b.Count - head - tail;
        var result = new List<(DiffKind, string)>(a.Count + b.Count);
        result.AddRange(a.Take(head).Select(t => (DiffKind.Same, t)));
        if ((long)n * m > MaxCells)
        {
            // Too large to compare in bounded memory: the middle is shown as replaced, which is still exact.
            result.AddRange(a.Skip(head).Take(n).Select(t => (DiffKind.Deleted, t)));
            result.AddRange(b.Skip(head).Take(m).Select(t => (DiffKind.Inserted, t)));
            result.AddRange(a.Skip(a.Count - tail).Select(t => (DiffKind.Same, t)));
            return result;
        }

        var length = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                length[i, j] = a[head + i] == b[head + j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y])
            {
                result.Add((DiffKind.Same, a[head + x]));
                x++;
                y++;
            }
            else if (y == m || x < n && length[x + 1, y] >= length[x, y + 1])
            {
                result.Add((DiffKind.Deleted, a[head + x]));
                x++;
            }
            else
            {
                result.Add((DiffKind.Inserted, b[head + y]));
                y++;
            }
        }

        result.AddRange(a.Skip(a.Count - tail).Select(t => (DiffKind.Same, t)));
        return result;
    }

    /// <summary>The lines of a text, each with its line break.</summary>
    public static IReadOnlyList<string> Lines(string text) => LineRegex().Matches(text).Select(m => m.Value).ToList();

    /// <summary>The words, runs of spaces and punctuation marks of a text, in order.</summary>
    public static IReadOnlyList<string> Words(string text) => WordRegex().Matches(text).Select(m => m.Value).ToList();

    private static string Normalize(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Lines removed and added together are compared word by word.</summary>
    private static void Flush(List<DiffPiece> pieces, List<string> removed, List<string> added)
    {
        if (removed.Count > 0 && added.Count > 0)
        {
            foreach (var (kind, word) in Lcs(Words(string.Concat(removed)), Words(string.Concat(added))))
            {
                Add(pieces, kind, word);
            }
        }
        else
        {
            removed.ForEach(line => Add(pieces, DiffKind.Deleted, line));
            added.ForEach(line => Add(pieces, DiffKind.Inserted, line));
        }

        removed.Clear();
        added.Clear();
    }

    private static void Add(List<DiffPiece> pieces, DiffKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }

    [GeneratedRegex(@"[^\n]*\n|[^\n]+$")]
    private static partial Regex LineRegex();

    [GeneratedRegex(@"\w+|\s+|[^\w\s]")]
    private static partial Regex WordRegex();
}
