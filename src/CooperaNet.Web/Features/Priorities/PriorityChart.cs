using System.Globalization;
using CooperaNet.Application.Priorities;

namespace CooperaNet.Web.Features.Priorities;

/// <summary>
/// The horizontal bars of the ranking's chart: one row per area, its name above a bar as long as its
/// score relative to the first. The same figures are in the table under the chart.
/// </summary>
public sealed class PriorityChart(IReadOnlyList<PriorityArea> areas)
{
    public const int Shown = 10;
    public const double Width = 640;
    public const double RowHeight = 44;
    public const double BarHeight = 16;
    public const double LabelRoom = 80;
    private const int NameLength = 70;

    public IReadOnlyList<PriorityArea> Areas { get; } = [.. areas.Take(Shown)];

    public double Height => Math.Max(1, Areas.Count) * RowHeight;

    private double Max => Areas.Count == 0 ? 1 : Math.Max(Areas[0].Score, double.Epsilon);

    public double LabelY(int index) => (index * RowHeight) + 15;

    public double BarY(int index) => (index * RowHeight) + 21;

    public double BarWidth(int index) => Math.Max(2, (Width - LabelRoom) * Areas[index].Score / Max);

    /// <summary>A long name cut at a word, with an ellipsis; the table has it whole.</summary>
    public static string Label(int rank, PriorityArea area)
    {
        var cut = area.Name.Length <= NameLength ? area.Name.Length : area.Name.LastIndexOf(' ', NameLength);
        var name = cut == area.Name.Length ? area.Name : area.Name[..(cut > 0 ? cut : NameLength)] + "…";
        return $"{rank}. {name}";
    }

    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
