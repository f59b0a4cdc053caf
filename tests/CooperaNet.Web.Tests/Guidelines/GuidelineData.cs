using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Guidelines;

/// <summary>Guidelines saved straight into the test database, moved by the domain's own methods.</summary>
public static class GuidelineData
{
    public const string Body = "## Contactos\n\nLa Secretaría mantiene los contactos.\n\n- Un contacto principal\n- Un contacto alterno\n";

    /// <summary>A guideline of its own slug whose version 1 is in <paramref name="status"/>, with a comment by <paramref name="commenter"/> when given (withdrawn when asked).</summary>
    public static async Task<(string Slug, Guid? CommentId)> SaveAsync(CooperaNetFactory app, GuidelineStatus status, Guid? commenter = null, bool withdrawn = false) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var slug = "guia-" + Guid.NewGuid().ToString("N")[..10];
            var guideline = new Guideline { Id = Guid.NewGuid(), Slug = slug, Purpose = LocalizedText.Of("Propósito", "Purpose", "Finalidade", "Objet"), CreatedAt = now };
            var version = guideline.NewVersion(null, now);
            version.Rewrite(LocalizedText.Of("Lineamiento de prueba", "Test guideline", "Diretriz de teste", "Ligne directrice d'essai"), LocalizedText.Of(Body, Body.Replace("Contactos", "Contacts", StringComparison.Ordinal), Body, Body), now);
            if (status != GuidelineStatus.Draft)
            {
                Assert.Null(guideline.StartConsultation(version, now));
            }

            if (status is GuidelineStatus.Approved or GuidelineStatus.Published)
            {
                Assert.Null(version.Approve(null, "secretaria@example.org", now, "GT3, Washington", new DateOnly(2026, 11, 2), null));
            }

            if (status == GuidelineStatus.Published)
            {
                Assert.Null(guideline.Publish(version, now));
            }

            db.Guidelines.Add(guideline);
            Guid? commentId = null;
            if (commenter is { } author)
            {
                var comment = new GuidelineComment { Id = Guid.NewGuid(), VersionId = version.Id, AuthorId = author, AuthorName = "author@example.org", Text = "Precisar los plazos.", CreatedAt = now };
                if (withdrawn)
                {
                    Assert.Null(comment.Withdraw(now));
                }

                db.GuidelineComments.Add(comment);
                commentId = comment.Id;
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return (slug, commentId);
        });

    /// <summary>The API's body for a version's texts.</summary>
    public static object Json(string word) => new
    {
        titleEs = "Lineamiento " + word,
        titleEn = "Guideline " + word,
        titlePt = "Diretriz " + word,
        titleFr = "Ligne directrice " + word,
        bodyEs = Body.Replace("mantiene", "revisa", StringComparison.Ordinal),
        bodyEn = "## Contacts\n\nThe Secretariat reviews the contacts.\n",
        bodyPt = "## Contatos\n\nA Secretaria revisa os contatos.\n",
        bodyFr = "## Contacts\n\nLe Secrétariat révise les contacts.\n",
    };

    /// <summary>The edit form's fields.</summary>
    public static Dictionary<string, string> Form(string word) => new()
    {
        ["Form.TitleEs"] = "Lineamiento " + word,
        ["Form.TitleEn"] = "Guideline " + word,
        ["Form.TitlePt"] = "Diretriz " + word,
        ["Form.TitleFr"] = "Ligne directrice " + word,
        ["Form.BodyEs"] = "Texto",
        ["Form.BodyEn"] = "Text",
        ["Form.BodyPt"] = "Texto",
        ["Form.BodyFr"] = "Texte",
    };
}
