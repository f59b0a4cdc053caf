using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CooperaNet.Web.Features.Participation;

/// <summary>A country's outline as an SVG path; <see cref="Marker"/> is set when the outline is too small to point at.</summary>
public sealed record MapShape(string? StateCode, string Path, MapMarker? Marker);

/// <summary>A circle drawn over a small island state so that it can be seen and clicked.</summary>
public sealed record MapMarker(double X, double Y, double Radius);

/// <summary>
/// The map of the Americas, projected once at start from Map/americas.geo.json (Natural Earth,
/// see Map/SOURCES.md) into SVG paths: equirectangular, longitude scaled by the cosine of 20° so
/// the middle latitudes keep their shape. Member states carry their alpha-2 code; other land is
/// drawn as background.
/// </summary>
public sealed class ParticipationMap
{
    public const string DataFile = "Features/Participation/Map/americas.geo.json";

    /// <summary>Width of the drawing in SVG units.</summary>
    public const double Width = 1000;

    /// <summary>Outlines smaller than this (in SVG units, both sides) get a marker.</summary>
    private const double SmallShape = 9;

    private const double MarkerRadius = 6;

    private static readonly double XScale = Math.Cos(20 * Math.PI / 180);

    public ParticipationMap(IWebHostEnvironment environment)
        : this(File.ReadAllText(Path.Combine(environment.ContentRootPath, DataFile)))
    {
    }

    public ParticipationMap(string geoJson)
    {
        var features = Read(geoJson);
        var points = features.SelectMany(f => f.Polygons).SelectMany(p => p).SelectMany(r => r).ToList();
        var (west, east) = (points.Min(p => p.Lon), points.Max(p => p.Lon));
        var (south, north) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var scale = Width / ((east - west) * XScale);
        Height = Math.Round((north - south) * scale);
        (double X, double Y) Project((double Lon, double Lat) p) => ((p.Lon - west) * XScale * scale, (north - p.Lat) * scale);

        var shapes = new List<MapShape>();
        foreach (var feature in features)
        {
            var path = new StringBuilder();
            double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
            foreach (var ring in feature.Polygons.SelectMany(p => p))
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var (x, y) = Project(ring[i]);
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                    path.Append(i == 0 ? 'M' : 'L').Append(Number(x)).Append(',').Append(Number(y));
                }

                path.Append('Z');
            }

            var small = feature.StateCode is not null && maxX - minX < SmallShape && maxY - minY < SmallShape;
            shapes.Add(new MapShape(feature.StateCode, path.ToString(), small ? new MapMarker(Math.Round((minX + maxX) / 2, 1), Math.Round((minY + maxY) / 2, 1), MarkerRadius) : null));
        }

        States = shapes.Where(s => s.StateCode is not null).ToDictionary(s => s.StateCode!, StringComparer.Ordinal);
        Background = [.. shapes.Where(s => s.StateCode is null)];
    }

    public double Height { get; }

    public string ViewBox => $"0 0 {Number(Width)} {Number(Height)}";

    /// <summary>Member states by alpha-2 code.</summary>
    public IReadOnlyDictionary<string, MapShape> States { get; }

    /// <summary>Land of the Americas that is not a member state (Greenland, territories).</summary>
    public IReadOnlyList<MapShape> Background { get; }

    private static string Number(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static List<Feature> Read(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        return [.. document.RootElement.GetProperty("features").EnumerateArray().Select(feature =>
        {
            var properties = feature.GetProperty("properties");
            var code = properties.TryGetProperty("iso_a2", out var a2) ? a2.GetString() : null;
            var polygons = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
                .Select(polygon => polygon.EnumerateArray()
                    .Select(ring => ring.EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList())
                    .ToList())
                .ToList();
            return new Feature(code, polygons);
        })];
    }

    private sealed record Feature(string? StateCode, List<List<List<(double Lon, double Lat)>>> Polygons);
}
