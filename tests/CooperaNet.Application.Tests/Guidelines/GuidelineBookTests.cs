using CooperaNet.Application.Data;
using CooperaNet.Application.Guidelines;
using CooperaNet.Domain.Guidelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Guidelines;

public sealed class GuidelineBookTests : IAsyncLifetime
{
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_two_guidelines_of_the_work_plan_are_seeded_once_as_drafts_with_their_purpose_in_four_languages()
    {
        await host.Services.InitializeDatabaseAsync(Ct);

        var guidelines = await host.WithDbAsync(db => db.Guidelines.Include(g => g.Versions).OrderBy(g => g.Slug).ToListAsync(Ct));

        Assert.Equal([GuidelineSeeds.SegibMercosurSlug, GuidelineSeeds.RelationsSlug], guidelines.Select(g => g.Slug));
        Assert.All(guidelines, g =>
        {
            Assert.True(g.Purpose.IsComplete);
            var draft = Assert.Single(g.Versions);
            Assert.Equal((1, GuidelineStatus.Draft), (draft.Number, draft.Status));
            Assert.True(draft.Title.IsComplete && draft.Body.IsComplete);
            Assert.Empty(new GuidelineVersionInput(draft.Title.Es, draft.Title.En, draft.Title.Pt, draft.Title.Fr, draft.Body.Es, draft.Body.En, draft.Body.Pt, draft.Body.Fr).Validate());
        });
        Assert.Contains("PIPA", guidelines[0].Purpose.Es, StringComparison.Ordinal);
        Assert.Contains("subregionales", guidelines[1].Purpose.Es, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_goes_through_consultation_comments_approval_and_publication_and_everything_is_audited()
    {
        var slug = GuidelineSeeds.RelationsSlug;
        var author = Guid.NewGuid();
        host.Actor.UserId = author;
        host.Actor.Name = "fp@example.org";

        var outcome = await host.InScopeAsync(async sp =>
        {
            var book = ActivatorUtilities.CreateInstance<GuidelineBook>(sp);
            Assert.Equal(GuidelineError.NotInConsultation, (await book.CommentAsync(slug, 1, new GuidelineCommentInput(null, "Muy bien"), Ct)).Refused);
            Assert.True((await book.MoveAsync(slug, 1, GuidelineMove.Consult, Ct)).Succeeded);
            Assert.Equal(["text"], (await book.CommentAsync(slug, 1, new GuidelineCommentInput("2", " "), Ct)).Errors.Select(e => e.Field));
            var comment = (await book.CommentAsync(slug, 1, new GuidelineCommentInput("Intercambio de información", "Precisar los plazos."), Ct)).Comment!;
            var withdrawn = (await book.CommentAsync(slug, 1, new GuidelineCommentInput(null, "Duplicado"), Ct)).Comment!;
            Assert.True((await book.WithdrawAsync(slug, withdrawn.Id, Ct)).Succeeded);
            Assert.True((await book.MarkAddressedAsync(slug, comment.Id, Ct)).Succeeded);
            Assert.Equal(GuidelineError.IllegalTransition, (await book.MoveAsync(slug, 1, GuidelineMove.Publish, Ct)).Refused);
            Assert.Equal(["meeting"], (await book.ApproveAsync(slug, 1, new GuidelineApprovalInput("", null, null), Ct)).Errors.Select(e => e.Field));
            Assert.True((await book.ApproveAsync(slug, 1, new GuidelineApprovalInput("GT3, sesión virtual", new DateOnly(2026, 3, 1), null), Ct)).Succeeded);
            return await book.MoveAsync(slug, 1, GuidelineMove.Publish, Ct);
        });

        Assert.Equal(GuidelineStatus.Published, outcome.Version!.Status);
        await host.InScopeAsync(async sp =>
        {
            var book = ActivatorUtilities.CreateInstance<GuidelineBook>(sp);
            var published = (await book.FindAsync(slug, participant: false, Ct))!;
            Assert.Equal([1], published.Versions.Select(v => v.Number));
            var comments = await book.CommentsAsync(published.Versions.Single().Id, Ct);
            Assert.Equal("Precisar los plazos.", Assert.Single(comments).Text);
            Assert.NotNull(comments[0].AddressedAt);
            Assert.Null(await book.FindAsync(GuidelineSeeds.SegibMercosurSlug, participant: false, Ct));
            Assert.NotNull(await book.FindAsync(GuidelineSeeds.SegibMercosurSlug, participant: true, Ct));
            return 0;
        });
        var audited = await host.WithDbAsync(db => db.Set<Auditing.AuditEntry>().Where(a => a.ActorId == author).Select(a => a.Entity).ToListAsync(Ct));
        Assert.Contains("GuidelineVersion", audited);
        Assert.Contains("GuidelineComment", audited);
    }

    [Fact]
    public async Task A_second_consultation_is_refused_while_one_is_open()
    {
        var slug = GuidelineSeeds.SegibMercosurSlug;
        await host.InScopeAsync(async sp =>
        {
            var book = ActivatorUtilities.CreateInstance<GuidelineBook>(sp);
            Assert.True((await book.MoveAsync(slug, 1, GuidelineMove.Consult, Ct)).Succeeded);
            var second = (await book.NewVersionAsync(slug, Ct)).Version!;
            Assert.Equal(2, second.Number);

            Assert.Equal(GuidelineError.ConsultationOpen, (await book.MoveAsync(slug, 2, GuidelineMove.Consult, Ct)).Refused);
            Assert.Equal(GuidelineError.NotEditable, (await book.RewriteAsync(slug, 1, new GuidelineVersionInput("a", "b", "c", "d", "e", "f", "g", "h"), Ct)).Refused);
            Assert.True((await book.RewriteAsync(slug, 2, new GuidelineVersionInput("a", "b", "c", "d", "e", "f", "g", "h"), Ct)).Succeeded);
            return 0;
        });

        var statuses = await host.WithDbAsync(db => db.GuidelineVersions.OrderBy(v => v.Number).Where(v => db.Guidelines.Any(g => g.Id == v.GuidelineId && g.Slug == slug)).Select(v => v.Status).ToListAsync(Ct));
        Assert.Equal([GuidelineStatus.InConsultation, GuidelineStatus.Draft], statuses);
    }

    [Fact]
    public async Task Seeding_again_leaves_the_secretariats_work_alone_and_a_second_guideline_of_one_slug_is_refused()
    {
        var slug = GuidelineSeeds.RelationsSlug;
        await host.InScopeAsync(async sp => await ActivatorUtilities.CreateInstance<GuidelineBook>(sp).RewriteAsync(slug, 1, new GuidelineVersionInput("a", "b", "c", "d", "e", "f", "g", "h"), Ct));
        await host.Services.InitializeDatabaseAsync(Ct);

        // What a racing instance would insert: the unique slug refuses it, which the seeder relies on.
        await host.WithDbAsync(async db =>
        {
            db.Guidelines.Add(new Guideline { Id = Guid.NewGuid(), Slug = slug, Purpose = Domain.LocalizedText.Of("x", "x", "x", "x"), CreatedAt = host.Clock.GetUtcNow() });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            return 0;
        });

        var versions = await host.WithDbAsync(db => db.GuidelineVersions.Where(v => db.Guidelines.Any(g => g.Id == v.GuidelineId && g.Slug == slug)).ToListAsync(Ct));
        Assert.Equal("b", Assert.Single(versions).Title.En);
        Assert.Equal(2, await host.WithDbAsync(db => db.Guidelines.CountAsync(Ct)));
    }
}
