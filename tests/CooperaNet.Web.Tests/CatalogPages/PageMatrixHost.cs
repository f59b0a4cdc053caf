using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

/// <summary>Every kind of user of the catalog pages. Colombia owns the entries; Argentina is "another state".</summary>
public enum Who
{
    Anonymous,
    Expert,
    Partner,
    WorkingGroupMember,
    AnotherStatesFocalPoint,
    OwnFocalPoint,
    Secretariat,

    /// <summary>A secretariat account that has not set up two-step verification yet.</summary>
    SecretariatWithoutSecondFactor,
}

/// <summary>Where an entry of the matrix is in its life cycle; returned entries are drafts with the secretariat's comment.</summary>
public enum Stage
{
    Draft,
    Submitted,
    Published,
    Returned,
    Withdrawn,
    Closed,
    Deleted,
}

/// <summary>
/// The application for the page authorization matrix, with one signed-in browser per kind of user
/// kept for the whole class (signing in hundreds of times would only measure password hashing).
/// </summary>
public sealed partial class PageMatrixHost : CooperaNetFactory
{
    private readonly Dictionary<Who, Session> sessions = [];
    private readonly SemaphoreSlim signingIn = new(1, 1);

    /// <summary>A browser of one user, with an antiforgery token its forms may send.</summary>
    public sealed record Session(Who Who, AccountClient Browser, string Token, Guid? UserId, string? Email, string? State)
    {
        public async Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> fields)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token });
            return await Browser.Http.PostAsync(path, content, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The id of the newest audit record, so a case can read what it recorded.</summary>
    public async Task<long> LastAuditAsync()
    {
        await using var db = NewDbContext();
        return await db.Set<Application.Auditing.AuditEntry>().MaxAsync(a => (long?)a.Id, TestContext.Current.CancellationToken) ?? 0;
    }

    /// <summary>The audit records of <paramref name="entities"/> written after record <paramref name="id"/>.</summary>
    public async Task<List<Application.Auditing.AuditEntry>> AuditSinceAsync(long id, IReadOnlyCollection<string> entities)
    {
        await using var db = NewDbContext();
        return await db.Set<Application.Auditing.AuditEntry>().AsNoTracking().Where(a => a.Id > id && entities.Contains(a.Entity)).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A word of letters that no other title holds, so a search finds exactly one entry.</summary>
    public static string Word() => "zq" + string.Concat(RandomNumberGenerator.GetBytes(6).Select(b => (char)('a' + (b % 26))));

    public async Task<Session> SessionAsync(Who who)
    {
        await signingIn.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!sessions.TryGetValue(who, out var session))
            {
                session = await SignInAsync(who);
                sessions[who] = session;
            }

            return session;
        }
        finally
        {
            signingIn.Release();
        }
    }

    /// <summary>An entry of Colombia's in <paramref name="stage"/>, moved there by the domain's own methods.</summary>
    public async Task<CatalogEntry> EntryAsync(Stage stage, string title)
    {
        var builder = AnEntry().Offer().From("CO").Titled(title);
        builder = stage switch
        {
            Stage.Submitted or Stage.Returned => builder.Submitted(),
            Stage.Published or Stage.Withdrawn or Stage.Deleted => builder.Published(),
            Stage.Closed => builder.Closed(),
            _ => builder,
        };
        var entry = await builder.SaveAsync(this);
        if (stage is Stage.Returned or Stage.Withdrawn or Stage.Deleted)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Application.Data.CooperaNetDbContext>();
            var at = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var tracked = await db.Entries.SingleAsync(e => e.Id == entry.Id, TestContext.Current.CancellationToken);
            var error = stage switch
            {
                Stage.Returned => tracked.Return("Please add the budget.", at),
                Stage.Withdrawn => tracked.Withdraw(at),
                _ => tracked.Delete(at),
            };
            Assert.Null(error);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return entry;
    }

    public override async ValueTask DisposeAsync()
    {
        signingIn.Dispose();
        await base.DisposeAsync();
    }

    private async Task<Session> SignInAsync(Who who)
    {
        if (who == Who.Anonymous)
        {
            var anonymous = AccountClient.For(this);
            return new Session(who, anonymous, await TokenAsync(anonymous, "/en/account/sign-in"), null, null, null);
        }

        var (role, state) = who switch
        {
            Who.Expert => (Roles.Expert, null),
            Who.Partner => (Roles.Partner, null),
            Who.WorkingGroupMember => (Roles.WorkingGroupMember, null),
            Who.AnotherStatesFocalPoint => (Roles.FocalPoint, "AR"),
            Who.OwnFocalPoint => (Roles.FocalPoint, "CO"),
            _ => (Roles.Secretariat, (string?)null),
        };
        var email = $"{who}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        AccountClient browser;
        if (who == Who.SecretariatWithoutSecondFactor)
        {
            await CreateUserAsync(email, role);
            browser = AccountClient.For(this);
            using var signIn = await browser.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        else
        {
            browser = await Sessions.SignedInAsync(this, role, state, email: email);
        }

        await using var db = NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        return new Session(who, browser, await TokenAsync(browser, "/en/account/profile"), user.Id, email, state);
    }

    private static async Task<string> TokenAsync(AccountClient browser, string page)
    {
        var token = AntiforgeryToken().Match(await browser.PageAsync(page));
        Assert.True(token.Success, $"No antiforgery token on {page}");
        return token.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
