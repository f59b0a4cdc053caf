using CooperaNet.Domain.Catalog;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>One entry in a list of results, with the names its codes stand for in the page language.</summary>
public sealed record EntryCard(CatalogEntry Entry, string StateName, IReadOnlyList<string> SectorNames, bool ShowState = true);
