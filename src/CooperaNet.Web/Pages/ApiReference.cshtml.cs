using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace CooperaNet.Web.Pages;

/// <summary>The browsable API reference, built from the same endpoint metadata as /openapi/v1.json.</summary>
public sealed class ApiReferenceModel(IApiDescriptionGroupCollectionProvider explorer) : PageModel
{
    public sealed record Operation(string Method, string Path, string? Name, string? Summary, IReadOnlyList<string> Parameters, IReadOnlyList<int> Statuses, bool RequiresSignIn);

    public IReadOnlyList<IGrouping<string, Operation>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = explorer.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(d => new Operation(
                d.HttpMethod ?? "GET",
                "/" + d.RelativePath,
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName,
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary,
                d.ParameterDescriptions.Where(p => p.Source.Id is "Path" or "Query").Select(p => p.Name).Distinct().ToList(),
                d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order().ToList(),
                d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
                    && !d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()))
            .GroupBy(o => o.Path.Split('/').Skip(3).FirstOrDefault() ?? string.Empty)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }
}
