namespace CooperaNet.Web.Features.Newsletter;

/// <summary>
/// The newsletter's addresses; page routes without the language prefix. The confirmation and unsubscribe
/// links written into e-mails (Application's NewsletterSubscriptions and NewsletterLetter) use the same shapes.
/// </summary>
public static class NewsletterRoutes
{
    public const string Archive = "/newsletter";
    public const string New = "/newsletter/new";
    public const string ApiGroup = "/api/v1/newsletter";

    public static string Issue(Guid id) => $"/newsletter/{id}";

    public static string Edit(Guid id) => $"/newsletter/{id}/edit";

    public static string Preview(Guid id) => $"/newsletter/{id}/preview";

    public static string Confirm(string token) => $"/newsletter/confirm/{token}";

    public static string Unsubscribe(string token) => $"/newsletter/unsubscribe/{token}";
}
