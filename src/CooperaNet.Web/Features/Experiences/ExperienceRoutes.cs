using System.Text;
using CooperaNet.Application.Catalog;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>The addresses of the exchange of experiences; page routes without the language prefix.</summary>
public static class ExperienceRoutes
{
    public const string List = "/experiences";
    public const string New = "/experiences/new";
    public const string Feed = "/experiences/feed.atom";
    public const string ApiGroup = "/api/v1/experiences";

    /// <summary>The permanent address: the id is the experience, the slug is for people and may change.</summary>
    public static string Page(Guid id, string? title = null) =>
        Slug(title) is { Length: > 0 } slug ? $"/experiences/{id}/{slug}" : $"/experiences/{id}";

    public static string Edit(Guid id) => $"/experiences/{id}/edit";

    public static string Api(Guid id) => $"{ApiGroup}/{id}";

    public static string Image(Guid id, Guid imageId) => $"{ApiGroup}/{id}/images/{imageId}";

    public static string Attachment(Guid id, Guid attachmentId) => $"{ApiGroup}/{id}/attachments/{attachmentId}";

    /// <summary>"Agua potable: la experiencia de Cauca" → "agua-potable-la-experiencia-de-cauca".</summary>
    public static string Slug(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var c in SearchText.Fold(title))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}
