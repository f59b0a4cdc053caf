using CooperaNet.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CooperaNet.Web.Localization;

/// <summary>Route constraint "lang": one of es, en, pt, fr.</summary>
public sealed class LanguageRouteConstraint : IRouteConstraint
{
    public const string Name = "lang";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Languages.All.Contains(value as string ?? string.Empty);
}

/// <summary>Puts every Razor page under its language: /es/..., /en/..., /pt/..., /fr/....</summary>
public sealed class CulturePrefixConvention : IPageRouteModelConvention
{
    public const string RouteKey = "culture";

    /// <summary>Pages reached by re-execution after an error, whose language comes from the original path.</summary>
    public const string ErrorPage = "/Error";

    public void Apply(PageRouteModel model)
    {
        if (model.ViewEnginePath == ErrorPage)
        {
            return;
        }

        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel!.Template?.TrimStart('~', '/');
            selector.AttributeRouteModel.Template = AttributeRouteModel.CombineTemplates($"{{{RouteKey}:{LanguageRouteConstraint.Name}}}", template);
        }
    }
}

/// <summary>
/// The culture of an error page re-executed for /en/missing or a failed /fr/... page: the language of the
/// original path. It must be the request culture, set before the page runs: a culture a page handler sets
/// does not flow on to the view and its layout.
/// </summary>
public sealed class ErrorPageRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var original = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var language = Languages.Normalize(original?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}
