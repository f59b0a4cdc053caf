using System.Net;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>Experts made through the application's own service, their forms as browsers post them, and a small PDF.</summary>
internal static class ExpertData
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static ExpertInput AProfile(string name = "Lucía Fernández", string nationality = "UY", string sector = "14030", string language = "pt", string availability = "available") => new()
    {
        FullName = name,
        Nationality = nationality,
        Residence = "AR",
        Summary = "Ingeniera hidráulica: diseño de sistemas de agua potable rural y gestión comunitaria del agua.",
        YearsOfExperience = 14,
        Education = "Ingeniería civil, Universidad de la República",
        CurrentPosition = "Consultora independiente",
        Availability = availability,
        Languages = [new("es", "native"), new(language, "advanced")],
        Sectors = [sector],
        Sdgs = ["6", "6.1"],
    };

    /// <summary>An expert who applied, with their account's e-mail; the password is <see cref="TestUsers.Password"/>.</summary>
    public static Task<(ExpertProfile Profile, string Email)> ExpertAsync(this CooperaNetFactory app, ExpertInput? input = null, string lang = "es") =>
        app.WithScopeAsync(async sp =>
        {
            var email = $"expert-{Guid.NewGuid():N}@example.org";
            var result = await sp.GetRequiredService<ExpertProfiles>().ApplyAsync(email, TestUsers.Password, consent: true, lang, input ?? AProfile(), TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => $"{e.Field} {e.Code}").Concat(result.AccountErrors.Select(e => e.Code))));
            return (result.Profile!, email);
        });

    /// <summary>A browser signed in as a new expert with a profile.</summary>
    public static async Task<(AccountClient Browser, ExpertProfile Profile)> SignedInExpertAsync(this CooperaNetFactory app, ExpertInput? input = null, string lang = "en")
    {
        var (profile, email) = await app.ExpertAsync(input, lang);
        var browser = AccountClient.For(app);
        using var signIn = await browser.SignInAsync(email, lang: lang);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (browser, profile);
    }

    /// <summary>Gives the matrix's expert account a profile and a CV, once; returns the profile's id.</summary>
    public static async Task<Guid> GiveProfileAsync(this PageMatrixHost host, PageMatrixHost.Session expert) => await host.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CooperaNetDbContext>();
        var userId = expert.UserId!.Value;
        if (await db.ExpertProfiles.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken) is { } id)
        {
            return id;
        }

        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var profile = new ExpertProfile { Id = Guid.CreateVersion7(now), UserId = userId, FullName = string.Empty, Nationality = string.Empty, CreatedAt = now };
        profile.Consent(ExpertValidation.ConsentVersion, now);
        ExpertWriter.Apply(profile, AProfile("Matriz Experta"), now);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Null(await sp.GetRequiredService<ExpertProfiles>().UploadCvAsync(profile.Id, "cv.pdf", Pdf, TestContext.Current.CancellationToken));
        return profile.Id;
    });

    /// <summary>The profile form as a browser posts it, from an input.</summary>
    public static Dictionary<string, string> Form(ExpertInput input)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.FullName"] = input.FullName ?? string.Empty,
            ["Form.Nationality"] = input.Nationality ?? string.Empty,
            ["Form.Residence"] = input.Residence ?? string.Empty,
            ["Form.Summary"] = input.Summary ?? string.Empty,
            ["Form.YearsOfExperience"] = input.YearsOfExperience?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["Form.Education"] = input.Education ?? string.Empty,
            ["Form.CurrentPosition"] = input.CurrentPosition ?? string.Empty,
            ["Form.Availability"] = input.Availability ?? string.Empty,
            ["Form.AvailableFrom"] = string.Empty,
            ["Form.Sectors"] = string.Join(", ", input.Sectors ?? []),
            ["Form.Sdgs"] = string.Join(", ", input.Sdgs ?? []),
        };
        var languages = input.Languages ?? [];
        string[] official = ["es", "en", "pt", "fr"];
        for (var i = 0; i < official.Length; i++)
        {
            form[$"Form.Languages[{i}].Code"] = official[i];
            form[$"Form.Languages[{i}].Level"] = languages.FirstOrDefault(l => l.Language == official[i])?.Level ?? string.Empty;
        }

        var others = languages.Where(l => !official.Contains(l.Language)).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            form[$"Form.Languages[{official.Length + i}].Code"] = others[i].Language!;
            form[$"Form.Languages[{official.Length + i}].Level"] = others[i].Level!;
        }

        return form;
    }
}
