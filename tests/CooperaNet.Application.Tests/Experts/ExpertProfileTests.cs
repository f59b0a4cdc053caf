using System.Text.Json;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Experts;

public sealed class ExpertProfileTests : IAsyncLifetime
{
    private const string Password = "Agua-potable-2026";
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    public static ExpertInput AProfile(string name = "Lucía Fernández") => new()
    {
        FullName = name,
        Nationality = "uy",
        Residence = "AR",
        Summary = "Ingeniera hidráulica: diseño de sistemas de agua potable rural y gestión comunitaria del agua.",
        YearsOfExperience = 14,
        Education = "Ingeniería civil, Universidad de la República",
        CurrentPosition = "Consultora independiente",
        Availability = "partly",
        AvailableFrom = new DateOnly(2026, 5, 1),
        Languages = [new("es", "native"), new("EN", "advanced"), new("pt", "intermediate")],
        Sectors = ["14020", "14030"],
        Sdgs = ["6", "6.1"],
    };

    [Fact]
    public async Task Applying_creates_an_expert_account_and_profile_with_the_consent_recorded()
    {
        var result = await ApplyAsync("lucia@example.org", AProfile());

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => $"{e.Field} {e.Code}")));
        var profile = result.Profile!;
        Assert.Equal(("UY", "AR", Availability.Partly), (profile.Nationality, profile.Residence, profile.Availability));
        Assert.Equal(ExpertValidation.ConsentVersion, profile.ConsentVersion);
        Assert.Equal(host.Clock.GetUtcNow(), profile.ConsentedAt);
        Assert.False(profile.IsInRoster);
        await host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync("lucia@example.org");
            Assert.NotNull(user);
            Assert.Equal(profile.UserId, user.Id);
            Assert.Equal(["expert"], await users.GetRolesAsync(user));
            var stored = await sp.GetRequiredService<ExpertProfiles>().OfUserAsync(user.Id, Ct);
            Assert.Equal([("en", LanguageLevel.Advanced), ("es", LanguageLevel.Native), ("pt", LanguageLevel.Intermediate)], stored!.Languages.Select(l => (l.Language, l.Level)).Order());
            Assert.Equal(["14020", "14030"], stored.Sectors.Select(s => s.SectorCode).Order());
            return true;
        });
    }

    [Fact]
    public async Task Without_consent_or_with_a_bad_profile_nothing_is_created()
    {
        var refused = await host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().ApplyAsync(
            "nadie@example.org", Password, consent: false, "es",
            AProfile() with { Nationality = "XX", YearsOfExperience = 90, Languages = [new("es", "fluent")], Sectors = ["99999"], Summary = "corto" }, Ct));

        Assert.False(refused.Succeeded);
        Assert.Equal(
            ["consent expert.consent", "languages expert.language", "nationality expert.country", "sectors sectors.unknown", "summary length", "yearsOfExperience range"],
            refused.Errors.Select(e => $"{e.Field} {e.Code}").Order(StringComparer.Ordinal));
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "nadie@example.org", Ct)));
        Assert.Equal(0, await host.WithDbAsync(db => db.ExpertProfiles.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_weak_password_or_a_taken_address_leaves_no_profile_behind()
    {
        Assert.True((await ApplyAsync("lucia@example.org", AProfile())).Succeeded);

        var taken = await ApplyAsync("lucia@example.org", AProfile("Otra Persona"));
        var weak = await host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().ApplyAsync("debil@example.org", "corta", true, "es", AProfile("Débil"), Ct));

        Assert.Contains(taken.AccountErrors, e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName));
        Assert.Contains(weak.AccountErrors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.Equal(1, await host.WithDbAsync(db => db.ExpertProfiles.CountAsync(Ct)));
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "debil@example.org", Ct)));
    }

    [Fact]
    public async Task Only_a_pdf_within_the_limit_is_kept_as_cv_and_every_read_of_it_is_audited()
    {
        var profile = (await ApplyAsync("lucia@example.org", AProfile())).Profile!;

        var notPdf = await WithProfilesAsync(p => p.UploadCvAsync(profile.Id, "cv.pdf", "MZ\x90\0 not a pdf"u8.ToArray(), Ct));
        var tooBig = await WithProfilesAsync(p => p.UploadCvAsync(profile.Id, "cv.pdf", [.. "%PDF-1.7\n"u8, .. new byte[ExpertCv.MaxBytes]], Ct));
        Assert.Equal("file.pdf", notPdf!.Code);
        Assert.Equal("file.size", tooBig!.Code);
        Assert.Equal(0, await host.WithDbAsync(db => db.ExpertCvs.CountAsync(Ct)));

        Assert.Null(await WithProfilesAsync(p => p.UploadCvAsync(profile.Id, "../../cv lucia.pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), Ct)));
        var reader = new TestActor { UserId = Guid.NewGuid(), Name = "sec@example.org" };
        var cv = await WithProfilesAsync(p => p.ReadCvAsync(profile.Id, reader, Ct));

        Assert.Equal("cv lucia.pdf", cv!.FileName);
        var read = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ExpertProfiles.CvRead, Ct));
        Assert.Equal((reader.UserId, "sec@example.org", nameof(ExpertCv), profile.Id.ToString()), (read.ActorId, read.Actor, read.Entity, read.EntityKey));
    }

    [Fact]
    public async Task The_export_holds_the_account_profile_cv_and_history_of_the_expert()
    {
        var profile = (await ApplyAsync("lucia@example.org", AProfile())).Profile!;
        Assert.Null(await WithProfilesAsync(p => p.UploadCvAsync(profile.Id, "cv.pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), Ct)));
        await WithProfilesAsync(p => p.ReadCvAsync(profile.Id, new TestActor { Name = "sec@example.org" }, Ct));

        var json = await WithProfilesAsync(async p => await p.ExportAsync((await p.FindAsync(profile.Id, Ct))!, Ct));

        using var export = JsonDocument.Parse(json);
        var root = export.RootElement;
        Assert.Equal("lucia@example.org", root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Lucía Fernández", root.GetProperty("profile").GetProperty("fullName").GetString());
        Assert.Equal(Convert.ToBase64String("%PDF-1.7\n%%EOF"u8.ToArray()), root.GetProperty("cv").GetProperty("contentBase64").GetString());
        var actions = root.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("entity").GetString(), h.GetProperty("action").GetString())).ToList();
        Assert.Contains(("ExpertProfile", "added"), actions);
        Assert.Contains(("ExpertCv", "read"), actions);
    }

    [Fact]
    public async Task Erasure_deletes_profile_cv_and_account_and_blanks_their_audited_values()
    {
        var profile = (await ApplyAsync("lucia@example.org", AProfile())).Profile!;
        Assert.Null(await WithProfilesAsync(p => p.UploadCvAsync(profile.Id, "cv.pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), Ct)));
        Assert.Contains(await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == profile.Id.ToString()).Select(a => a.After).ToListAsync(Ct)), a => a != null && a.Contains("Ingeniera", StringComparison.Ordinal));

        await WithProfilesAsync(async p =>
        {
            await p.EraseAsync((await p.FindAsync(profile.Id, Ct))!, new TestActor { UserId = profile.UserId, Name = "lucia@example.org" }, Ct);
            return true;
        });

        await host.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.ExpertProfiles.CountAsync(Ct));
            Assert.Equal(0, await db.ExpertCvs.CountAsync(Ct));
            Assert.Equal(0, await db.Set<ExpertLanguage>().CountAsync(Ct));
            Assert.False(await db.Users.AnyAsync(u => u.Id == profile.UserId, Ct));
            var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == profile.Id.ToString() || a.EntityKey == profile.UserId.ToString() || a.EntityKey.StartsWith(profile.Id.ToString())).ToListAsync(Ct);
            Assert.NotEmpty(trail);
            Assert.All(trail, a => Assert.True(a.Before is null && a.After is null, $"{a.Entity} {a.Action} still holds {a.Before}{a.After}"));
            Assert.Contains(trail, a => a.Action == "erased");
            Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Select(a => a.After ?? string.Empty).ToListAsync(Ct), a => a.Contains("lucia@example.org", StringComparison.Ordinal) || a.Contains("Ingeniera", StringComparison.Ordinal));
            return true;
        });
    }

    private Task<ExpertApplication> ApplyAsync(string email, ExpertInput input) =>
        host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().ApplyAsync(email, Password, consent: true, "es", input, Ct));

    private Task<T> WithProfilesAsync<T>(Func<ExpertProfiles, Task<T>> work) => host.InScopeAsync(sp => work(sp.GetRequiredService<ExpertProfiles>()));
}
