using CooperaNet.Domain;
using Microsoft.AspNetCore.Localization;

namespace CooperaNet.Web.Localization;

/// <summary>
/// An error page re-executed for /fr/nulle-part speaks French: the language comes from the path
/// that failed, not from the error page's own path.
/// </summary>
public sealed class ReExecutedPathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = Languages.Normalize(LanguageLinks.FirstSegment(LanguageLinks.VisiblePath(httpContext)));
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}
