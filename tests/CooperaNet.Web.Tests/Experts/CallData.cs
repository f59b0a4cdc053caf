using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>Calls for experts as the API takes them, written by a secretariat signed in with its second factor.</summary>
internal static class CallData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object ACall(string title = "Agua potable rural en los Andes", DateTimeOffset? deadline = null, string sector = "14030") => new
    {
        title,
        description = "Apoyo técnico a las juntas de agua de comunidades rurales: diagnóstico, diseño de sistemas y capacitación.",
        language = "es",
        sectors = new[] { sector },
        languages = new[] { "es", "qu" },
        countries = new[] { "PE", "BO" },
        priorityArea = "Sector CAD: Abastecimiento básico de agua potable",
        deadline = deadline ?? TimeProvider.System.GetUtcNow().AddDays(30),
    };

    /// <summary>A secretariat browser with its second factor, and the account's user name (the evaluator's name).</summary>
    public static async Task<(AccountClient Browser, string Name, Guid Id)> SecretariatAsync(this CooperaNetFactory app)
    {
        var email = $"secretaria-{Guid.NewGuid():N}@example.org";
        var browser = await Sessions.SignedInAsync(app, Roles.Secretariat, email: email);
        await using var db = app.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct);
        return (browser, user.UserName!, user.Id);
    }

    /// <summary>Creates a call through the API and returns its id; published when asked.</summary>
    public static async Task<Guid> CallAsync(this AccountClient secretariat, bool publish = true, object? call = null)
    {
        using var created = await secretariat.Http.PostAsJsonAsync("/api/v1/expert-calls", call ?? ACall(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        if (publish)
        {
            using var published = await secretariat.Http.PostAsync($"/api/v1/expert-calls/{id}/publish", null, Ct);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        return id;
    }

    /// <summary>The expert applies to the call; returns the application's id.</summary>
    public static async Task<Guid> ApplyAsync(this AccountClient expert, Guid callId, string motivation = "Diez años diseñando sistemas de agua con comunidades quechuas.")
    {
        using var applied = await expert.Http.PostAsJsonAsync($"/api/v1/expert-calls/{callId}/applications", new { motivation }, Ct);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return (await JsonAsync(applied)).GetProperty("id").GetGuid();
    }

    /// <summary>Moves the call's deadline into the past, as time passing would.</summary>
    public static async Task ExpireAsync(this CooperaNetFactory app, Guid callId)
    {
        await using var db = app.NewDbContext();
        var past = TimeProvider.System.GetUtcNow().AddDays(-1);
        Assert.Equal(1, await db.ExpertCalls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, past), Ct));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
