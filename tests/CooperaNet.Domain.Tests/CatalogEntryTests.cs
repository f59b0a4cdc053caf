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

    public static TheoryData<string, EntryTransition> PlacesAndMoves()
    {
        var data = new TheoryData<string, EntryTransition>();
        foreach (var place in new[] { "draft", "submitted", "published", "closed", "withdrawn", "deleted" })
        {
            foreach (var transition in Enum.GetValues<EntryTransition>())
            {
                data.Add(place, transition);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlacesAndMoves))]
    public void Allows_answers_as_the_move_itself_would(string place, EntryTransition transition)
    {
        var asked = AnEntry(place);
        var moved = AnEntry(place);

        var error = transition switch
        {
            EntryTransition.Submit => moved.Submit(Now),
            EntryTransition.Publish => moved.Publish(Now),
            EntryTransition.Return => moved.Return("Precisar el presupuesto", Now),
            EntryTransition.Withdraw => moved.Withdraw(Now),
            EntryTransition.Close => moved.Close(Now),
            EntryTransition.Delete => moved.Delete(Now),
            _ => moved.Restore(Now),
        };

        Assert.Equal(error is null, asked.Allows(transition));
        Assert.Equal(AnEntry(place).Status, asked.Status);
    }

    private static CatalogEntry AnEntry(string place)
    {
        var entry = ADraft();
        if (place is "submitted" or "published" or "closed")
        {
            entry.Submit(Now);
        }

        if (place is "published" or "closed")
        {
            entry.Publish(Now);
        }

        _ = place switch
        {
            "closed" => entry.Close(Now),
            "withdrawn" => entry.Withdraw(Now),
            "deleted" => entry.Delete(Now),
            _ => null,
        };
        return entry;
    }
}
