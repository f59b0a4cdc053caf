using CooperaNet.Domain;
using CooperaNet.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// The language of an API response: <c>?lang=</c> when given, else Accept-Language, else Spanish.
/// An unsupported <c>?lang=</c> is refused with a 400 rather than silently ignored.
/// </summary>
public static class ApiLanguage
{
    public const string QueryKey = "lang";

    public static string Of(HttpContext context)
    {
        var asked = context.Request.Query[QueryKey].ToString();
        return Languages.Normalize(asked) ?? UiStrings.CurrentLanguage;
    }

    /// <summary>Endpoint filter refusing <c>?lang=</c> values other than es, en, pt, fr.</summary>
    public static async ValueTask<object?> Validate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var asked = http.Request.Query[QueryKey];
        if (asked.Count > 0 && Languages.Normalize(asked.ToString()) is null)
        {
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<Program>>();
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [QueryKey] = [text["Api.Error.Language", asked.ToString()].Value] },
                title: text["Problem.Validation"].Value);
        }

        return await next(context);
    }
}
