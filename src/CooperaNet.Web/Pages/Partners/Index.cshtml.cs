using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Features.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>The partner organisations, by name, filtered by scope.</summary>
public sealed class PartnersIndexModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text) : PartnerPageModel(who, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public IReadOnlyList<PartnerOrganisation> Organisations { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        var scope = PartnerNames.ScopeOf(Scope);
        Scope = scope is { } known ? PartnerNames.Of(known) : null;
        Organisations = await registry.ListAsync(scope, Access.Secretariat, ct);
        Names = (await registry.ListAsync(null, withDeleted: true, ct)).ToDictionary(o => o.Id, o => o.Name);
    }
}
