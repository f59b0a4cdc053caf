namespace CooperaNet.Web.Features.Experts;

/// <summary>The pages of calls for experts without the language prefix, and the API's base.</summary>
public static class CallRoutes
{
    public const string List = "/experts/calls";
    public const string New = List + "/new";
    public const string Api = "/api/v1/expert-calls";

    public static string Call(Guid id) => $"{List}/{id}";

    public static string Edit(Guid id) => $"{List}/{id}/edit";

    public static string Applications(Guid id) => $"{List}/{id}/applications";

    /// <summary>The new-call form filled from a priority area.</summary>
    public static string NewFromArea(string dimension, string code) =>
        $"{New}?dimension={Uri.EscapeDataString(dimension)}&code={Uri.EscapeDataString(code)}";
}
