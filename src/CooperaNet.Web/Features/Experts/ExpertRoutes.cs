namespace CooperaNet.Web.Features.Experts;

/// <summary>The experts' pages without the language prefix, and the API's base.</summary>
public static class ExpertRoutes
{
    public const string Roster = "/experts";
    public const string Apply = "/experts/apply";
    public const string Profile = "/experts/profile";
    public const string Api = "/api/v1/experts";
    public const string MyCv = Api + "/me/cv";
    public const string MyData = Api + "/me/export";
    public const string Assignments = "/experts/assignments";
    public const string Propose = "/experts/assignments/propose";
    public const string AssignmentsApi = "/api/v1/expert-assignments";

    public static string Expert(Guid id) => $"/experts/{id}";

    public static string Cv(Guid id) => $"{Api}/{id}/cv";
}
