using CooperaNet.Domain.Catalog;

namespace CooperaNet.Domain.Tests;

public sealed class CatalogEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private static CatalogEntry ADraft() => new()
    {
        Id = Guid.NewGuid(),
        StateCode = "CO",
        Language = "es",
        Title = "Gestión del agua potable rural",
        Summary = "Asistencia técnica",
        Institution = "APC-Colombia",
        CreatedAt = Now,
    };

    [Fact]
    public void A_draft_goes_through_submission_to_publication()
    {
        var entry = ADraft();
        Assert.Null(entry.Submit(Now));
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Null(entry.Publish(Now.AddHours(1)));
        Assert.Equal(EntryStatus.Published, entry.Status);
        Assert.Equal(Now.AddHours(1), entry.PublishedAt);
    }

    [Fact]
    public void A_draft_cannot_be_published_without_being_submitted()
    {
        var entry = ADraft();
        Assert.Equal(EntryError.IllegalTransition, entry.Publish(Now));
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Null(entry.PublishedAt);
    }

    [Fact]
    public void The_secretariat_returns_an_entry_to_draft_with_a_comment()
    {
        var entry = ADraft();
        entry.Submit(Now);
        Assert.Equal(EntryError.CommentRequired, entry.Return("  ", Now));
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Null(entry.Return("Añadir el sector DAC", Now));
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Equal("Añadir el sector DAC", entry.ReturnComment);
        Assert.True(entry.IsEditableByState);
    }

    [Fact]
    public void Publication_clears_the_return_comment()
    {
        var entry = ADraft();
        entry.Submit(Now);
        entry.Return("Falta el contacto", Now);
        entry.Submit(Now);
        entry.Publish(Now);
        Assert.Null(entry.ReturnComment);
    }

    [Fact]
    public void Only_published_entries_close_and_closed_ones_cannot_be_withdrawn()
    {
        var entry = ADraft();
        Assert.Equal(EntryError.IllegalTransition, entry.Close(Now));
        entry.Submit(Now);
        entry.Publish(Now);
        Assert.Null(entry.Close(Now));
        Assert.Equal(EntryError.IllegalTransition, entry.Withdraw(Now));
        Assert.Equal(EntryStatus.Closed, entry.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_state_may_withdraw_drafts_submitted_and_published_entries(int steps)
    {
        var entry = ADraft();
        if (steps >= 1)
        {
            entry.Submit(Now);
        }

        if (steps >= 2)
        {
            entry.Publish(Now);
        }

        Assert.Null(entry.Withdraw(Now));
        Assert.Equal(EntryStatus.Withdrawn, entry.Status);
        Assert.Equal(EntryError.IllegalTransition, entry.Submit(Now));
    }

    [Fact]
    public void A_deleted_entry_refuses_transitions_until_restored()
    {
        var entry = ADraft();
        Assert.Null(entry.Delete(Now));
        Assert.Equal(EntryError.Deleted, entry.Delete(Now));
        Assert.Equal(EntryError.Deleted, entry.Submit(Now));
        Assert.False(entry.IsEditableByState);
        Assert.Null(entry.Restore(Now));
        Assert.Equal(EntryError.NotDeleted, entry.Restore(Now));
        Assert.Null(entry.Submit(Now));
    }

    [Fact]
    public void Submitted_and_published_entries_are_not_editable_by_their_state()
    {
        var entry = ADraft();
        entry.Submit(Now);
        Assert.False(entry.IsEditableByState);
        entry.Publish(Now);
        Assert.False(entry.IsEditableByState);
    }
}
