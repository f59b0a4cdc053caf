namespace CooperaNet.Web.Pages.Catalog;

/// <summary>What a list of results needs to draw its page links.</summary>
/// <param name="Label">The accessible name of the page navigation.</param>
/// <param name="Link">The address of a page number.</param>
public sealed record Pager(int Page, int PageSize, int Total, string Label, Func<int, string> Link)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The first, the last and the two on each side of the current page; null marks a gap.</summary>
    public IEnumerable<int?> Numbers()
    {
        int? last = null;
        for (var n = 1; n <= Pages; n++)
        {
            if (n == 1 || n == Pages || Math.Abs(n - Page) <= 2)
            {
                if (last is { } previous && n - previous > 1)
                {
                    yield return null;
                }

                yield return n;
                last = n;
            }
        }
    }
}
