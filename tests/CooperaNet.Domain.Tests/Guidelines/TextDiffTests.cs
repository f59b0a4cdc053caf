using CooperaNet.Domain.Guidelines;

namespace CooperaNet.Domain.Tests.Guidelines;

public sealed class TextDiffTests
{
    private static string Old(IEnumerable<DiffPiece> pieces) => string.Concat(pieces.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text));

    private static string New(IEnumerable<DiffPiece> pieces) => string.Concat(pieces.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text));

    [Fact]
    public void A_changed_word_in_a_paragraph_shows_as_that_word()
    {
        var before = "## Contacts\n\nThe Secretariat keeps the contacts.\n\nEach body has a contact.\n";
        var after = "## Contacts\n\nThe Secretariat reviews the contacts.\n\nEach body has a contact.\n";

        var pieces = TextDiff.Compare(before, after);

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Same, "## Contacts\n\nThe Secretariat "),
                new DiffPiece(DiffKind.Deleted, "keeps"),
                new DiffPiece(DiffKind.Inserted, "reviews"),
                new DiffPiece(DiffKind.Same, " the contacts.\n\nEach body has a contact.\n"),
            ],
            pieces);
    }

    [Fact]
    public void Added_and_removed_lines_show_whole()
    {
        var pieces = TextDiff.Compare("a\nb\nc\n", "a\nc\nd\n");

        Assert.Equal([new DiffPiece(DiffKind.Same, "a\n"), new DiffPiece(DiffKind.Deleted, "b\n"), new DiffPiece(DiffKind.Same, "c\n"), new DiffPiece(DiffKind.Inserted, "d\n")], pieces);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "nuevo texto\n")]
    [InlineData("texto viejo", "")]
    [InlineData("sin salto final", "sin salto final\n")]
    [InlineData("Línea con acentos: información.\r\nOtra", "Línea con acentos: informaciones.\nOtra")]
    public void Edge_cases_give_both_texts_back(string before, string after)
    {
        var pieces = TextDiff.Compare(before, after);

        Assert.Equal(before.Replace("\r\n", "\n", StringComparison.Ordinal), Old(pieces));
        Assert.Equal(after, New(pieces));
        Assert.All(pieces, p => Assert.NotEmpty(p.Text));
    }

    [Fact]
    public void Random_edits_always_give_both_texts_back_with_no_change_for_equal_texts()
    {
        var random = new Random(68);
        string[] words = ["la", "cooperación", "SEGIB", "MERCOSUR", "contacto", ",", ".", "\n", " ", "  ", "\n\n", "plan"];
        string Text(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]));

        for (var round = 0; round < 300; round++)
        {
            var before = Text(random.Next(0, 40));
            var after = random.Next(3) == 0 ? before : Text(random.Next(0, 40));

            var pieces = TextDiff.Compare(before, after);

            Assert.Equal(before, Old(pieces));
            Assert.Equal(after, New(pieces));
            Assert.True(before != after || pieces.All(p => p.Kind == DiffKind.Same), $"equal texts showed a change: {before}");
            Assert.DoesNotContain(pieces.Zip(pieces.Skip(1)), pair => pair.First.Kind == pair.Second.Kind);
        }
    }

    [Fact]
    public void The_common_subsequence_is_a_longest_one()
    {
        var random = new Random(69);
        for (var round = 0; round < 200; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 9)).Select(_ => "abc"[random.Next(3)].ToString()).ToList();
            var b = Enumerable.Range(0, random.Next(0, 9)).Select(_ => "abc"[random.Next(3)].ToString()).ToList();

            var kept = TextDiff.Lcs(a, b).Count(t => t.Kind == DiffKind.Same);

            Assert.Equal(BruteForceLcs(a, b), kept);
        }
    }

    [Fact]
    public void Texts_too_large_to_compare_in_memory_are_shown_as_replaced_and_still_exact()
    {
        var a = Enumerable.Range(0, 2100).Select(i => $"a{i}").ToList();
        var b = Enumerable.Range(0, 2100).Select(i => $"b{i}").ToList();
        a.Insert(0, "same");
        b.Insert(0, "same");

        var result = TextDiff.Lcs(a, b);

        Assert.Equal(a, result.Where(t => t.Kind != DiffKind.Inserted).Select(t => t.Token));
        Assert.Equal(b, result.Where(t => t.Kind != DiffKind.Deleted).Select(t => t.Token));
        Assert.Equal(DiffKind.Same, result[0].Kind);
    }

    /// <summary>The longest common subsequence's length by trying every subsequence of the shorter list.</summary>
    private static int BruteForceLcs(List<string> a, List<string> b)
    {
        var best = 0;
        for (var mask = 0; mask < 1 << a.Count; mask++)
        {
            var picked = a.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (picked.Count > best && IsSubsequence(picked, b))
            {
                best = picked.Count;
            }
        }

        return best;
    }

    private static bool IsSubsequence(List<string> small, List<string> big)
    {
        var i = 0;
        foreach (var token in big)
        {
            if (i < small.Count && small[i] == token)
            {
                i++;
            }
        }

        return i == small.Count;
    }
}
