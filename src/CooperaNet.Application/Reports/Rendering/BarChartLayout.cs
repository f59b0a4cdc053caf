using System.Globalization;

namespace CooperaNet.Application.Reports.Rendering;

/// <summary>
/// Where every mark of a <see cref="ReportBarChart"/> goes, in points from the chart's top-left corner:
/// the SVG writer and the PDF writer both draw from this, so the two show the same chart.
/// Each category's label sits on its own line above its bars, so long names never need measuring
/// against the bars; each bar ends in its formatted value; a legend heads charts of several series.
/// </summary>
internal sealed class BarChartLayout
{
    public const double FontSize = 8;
    public const double BarHeight = 9;
    private const double BarGap = 2;
    private const double GroupGap = 7;
    private const double LineHeight = 11;
    private const double ValueGap = 3;
    private const double SwatchSize = 8;
    private const double AxisLabelGap = 10;

    /// <summary>Roughly how wide a DejaVu Sans character is, in ems; enough to keep labels inside the chart.</summary>
    private const double AverageCharWidth = 0.6;

    private BarChartLayout(
        double width,
        double height,
        IReadOnlyList<ChartLegendEntry> legend,
        IReadOnlyList<ChartText> categoryLabels,
        IReadOnlyList<ChartBar> bars,
        ChartAxis axis)
    {
        Width = width;
        Height = height;
        Legend = legend;
        CategoryLabels = categoryLabels;
        Bars = bars;
        Axis = axis;
    }

    public double Width { get; }

    public double Height { get; }

    public IReadOnlyList<ChartLegendEntry> Legend { get; }

    public IReadOnlyList<ChartText> CategoryLabels { get; }

    public IReadOnlyList<ChartBar> Bars { get; }

    public ChartAxis Axis { get; }

    /// <summary>Lays <paramref name="chart"/> out <paramref name="width"/> points wide, labels in <paramref name="language"/>'s culture.</summary>
    public static BarChartLayout Of(ReportBarChart chart, string language, double width)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var culture = CultureInfo.GetCultureInfo(language);
        var values = chart.Series.SelectMany(s => s.Values).Select(v => Math.Max(0, v)).ToList();
        var axisMax = chart.Percent ? 1.0 : NiceCeiling(values.Count == 0 ? 0 : values.Max());
        var integral = values.All(IsWhole);

        var widestLabel = values.Count == 0 ? 0 : values.Max(v => TextWidth(FormatValue(v, chart.Percent, integral, culture)));
        var plotLeft = 0.0;
        var plotWidth = Math.Max(width * 0.4, width - widestLabel - ValueGap - 2);

        var y = 0.0;
        var legend = new List<ChartLegendEntry>();
        if (chart.Series.Count > 1)
        {
            var x = 0.0;
            y = 0;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var entryWidth = SwatchSize + 4 + TextWidth(chart.Series[s].Name) + 12;
                if (x > 0 && x + entryWidth > width)
                {
                    x = 0;
                    y += LineHeight + 2;
                }

                legend.Add(new ChartLegendEntry(s, chart.Series[s].Name, x, y + 1, SwatchSize, x + SwatchSize + 4, y + SwatchSize));
                x += entryWidth;
            }

            y += LineHeight + GroupGap;
        }

        var plotTop = y;
        var labels = new List<ChartText>();
        var bars = new List<ChartBar>();
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            labels.Add(new ChartText(chart.Categories[c], plotLeft, y + FontSize));
            y += LineHeight;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = c < chart.Series[s].Values.Count ? chart.Series[s].Values[c] : 0;
                var length = axisMax <= 0 ? 0 : Math.Max(0, value) / axisMax * plotWidth;
                var label = FormatValue(value, chart.Percent, integral, culture);
                bars.Add(new ChartBar(c, s, plotLeft, y, length, BarHeight, label, plotLeft + length + ValueGap, y + BarHeight - 1.5));
                y += BarHeight + BarGap;
            }

            y += GroupGap - BarGap;
        }

        var plotBottom = y;
        var ticks = new[] { 0, 0.5, 1 }
            .Select(f => new ChartText(FormatValue(axisMax * f, chart.Percent, IsWhole(axisMax * f), culture), plotLeft + (f * plotWidth), plotBottom + AxisLabelGap))
            .ToList();
        var axis = new ChartAxis(plotLeft, plotTop, plotBottom, plotLeft + plotWidth, ticks);
        return new BarChartLayout(width, plotBottom + AxisLabelGap + 3, legend, labels, bars, axis);
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;

    /// <summary>A value as its label shows it: a whole percentage, or a number grouped in the culture's way (one decimal unless all are whole).</summary>
    private static string FormatValue(double value, bool percent, bool integral, CultureInfo culture) =>
        percent ? value.ToString("P0", culture) : value.ToString(integral ? "N0" : "N1", culture);

    /// <summary>An estimate of <paramref name="text"/>'s width at the chart's font size.</summary>
    public static double TextWidth(string text) => text.Length * FontSize * AverageCharWidth;

    /// <summary>The smallest of 1, 2, 2.5, 5 times a power of ten at or above <paramref name="value"/>.</summary>
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value - 1e-9)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}

/// <summary>A text's left end and baseline.</summary>
internal sealed record ChartText(string Text, double X, double Y);

/// <summary>One bar, and where its value label's baseline starts.</summary>
internal sealed record ChartBar(int Category, int Series, double X, double Y, double Width, double Height, string Label, double LabelX, double LabelY);

/// <summary>A legend entry: the series' swatch (a square at X, Y) and its name's baseline start.</summary>
internal sealed record ChartLegendEntry(int Series, string Name, double X, double Y, double Size, double TextX, double TextY);

/// <summary>The value axis: a baseline at X from Top to Bottom, the plot's right end, and tick labels centred on their X.</summary>
internal sealed record ChartAxis(double X, double Top, double Bottom, double Right, IReadOnlyList<ChartText> Ticks);

/// <summary>How each series is told apart without colour alone: a fill, and a pattern of lines over it.</summary>
internal sealed record ChartSeriesStyle(string Fill, string Ink, ChartHatch Hatch)
{
    private static readonly ChartSeriesStyle[] Styles =
    [
        new("#1d4e89", "#1d4e89", ChartHatch.None),
        new("#9ec1e6", "#1d4e89", ChartHatch.Diagonal),
        new("#ffffff", "#1d4e89", ChartHatch.Horizontal),
        new("#d9d9d9", "#3a3a3a", ChartHatch.Cross),
    ];

    public static ChartSeriesStyle For(int series) => Styles[series % Styles.Length];
}

/// <summary>The line pattern drawn over a bar.</summary>
internal enum ChartHatch
{
    None,
    Diagonal,
    Horizontal,
    Cross,
}
