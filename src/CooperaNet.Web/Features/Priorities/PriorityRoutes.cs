using CooperaNet.Application.Priorities;

namespace CooperaNet.Web.Features.Priorities;

/// <summary>Routes of the priority pages, without the language prefix.</summary>
public static class PriorityRoutes
{
    public const string Page = "/priorities";

    public const string Api = "/api/v1/priorities";

    /// <summary>The ranking by <paramref name="dimension"/>.</summary>
    public static string Ranking(PriorityDimension dimension) =>
        dimension == PriorityDimension.Category ? Page : $"{Page}?dimension={PriorityDimensions.NameOf(dimension)}";

    /// <summary>The demands behind one area; codes such as "South America" are escaped.</summary>
    public static string Area(PriorityDimension dimension, string code) =>
        $"{Page}/{PriorityDimensions.NameOf(dimension)}/{Uri.EscapeDataString(code)}";
}
