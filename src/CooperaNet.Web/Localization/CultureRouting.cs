using CooperaNet.Domain;
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

