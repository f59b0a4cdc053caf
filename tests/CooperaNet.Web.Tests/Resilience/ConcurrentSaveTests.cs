using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.Resilience;

/// <summary>
/// Two saves of one record at the same moment: the one that finds the row changed under it is answered
/// 409 with a localized problem, never 500, and the record keeps one of the two versions whole.
/// </summary>
public sealed class ConcurrentSaveTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private const int Burst = 12;
    private const int MaxBursts = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Simultaneous_changes_of_one_draft_get_200_or_a_localized_409_never_500()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO", language: "fr");
        using var created = await colombia.PostAsJsonAsync("/api/v1/offers", AnOffer(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetString();

        var titles = new List<string>();
        var conflicts = new List<string>();
        for (var burst = 0; burst < MaxBursts && conflicts.Count == 0; burst++)
        {
            var puts = Enumerable.Range(0, Burst).Select(async n =>
            {
                var title = $"Versión {burst}-{n} de la oferta de agua";
                using var response = await colombia.PutAsJsonAsync($"/api/v1/offers/{id}", AnOffer(title: title), Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                return (title, response.StatusCode, body);
            }).ToList();
            foreach (var (title, status, body) in await Task.WhenAll(puts))
            {
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"A simultaneous save answered {(int)status}: {body}");
                if (status == HttpStatusCode.OK)
                {
                    titles.Add(title);
                }
                else
                {
                    conflicts.Add(body);
                }
            }
        }

        Assert.True(conflicts.Count > 0, $"{MaxBursts} bursts of {Burst} simultaneous saves never met one another.");
        Assert.All(conflicts, body => Assert.Contains("Une autre requête a modifié la fiche au même moment", body, StringComparison.Ordinal));
        using var read = await colombia.GetAsync($"/api/v1/offers/{id}", Ct);
        var stored = (await JsonAsync(read)).GetProperty("title").GetString();
        Assert.Contains(stored, titles);
    }
}
