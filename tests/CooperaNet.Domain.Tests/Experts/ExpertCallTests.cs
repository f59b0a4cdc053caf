using CooperaNet.Domain.Experts;

namespace CooperaNet.Domain.Tests.Experts;

public sealed class ExpertCallTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    internal static CallDetails Details(DateTimeOffset? deadline = null) => new(
        "Expertos en agua potable rural",
        "Buscamos ingenieros para misiones de diseño de sistemas de agua potable en comunidades rurales.",
        "es",
        ["14030", "14020"],
        ["es", "EN"],
        ["pe", "BO"],
        "Agua y saneamiento (demanda sin oferta)",
        deadline ?? Now.AddDays(30));

    internal static ExpertCall ADraft(DateTimeOffset? deadline = null) => ExpertCall.Open(Guid.NewGuid(), Details(deadline), "sec@oas.org", Now).Call!;

    internal static ExpertCall APublishedCall()
    {
        var call = ADraft();
        Assert.Null(call.Publish(Now));
        return call;
    }

    [Fact]
    public void Opening_a_call_makes_a_draft_with_the_codes_cleaned()
    {
        var call = ADraft();

        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Equal(["14030", "14020"], call.Sectors);
        Assert.Equal(["es", "en"], call.Languages);
        Assert.Equal(["PE", "BO"], call.Countries);
        Assert.Equal("Agua y saneamiento (demanda sin oferta)", call.PriorityArea);
        Assert.Equal(("sec@oas.org", Now, Now), (call.CreatedBy, call.CreatedAt, call.UpdatedAt));
        Assert.False(call.IsOpenForApplications(Now));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("language")]
    [InlineData("sectors")]
    [InlineData("countries")]
    public void A_call_with_a_missing_or_bad_field_is_not_opened(string field)
    {
        var details = field switch
        {
            "title" => Details() with { Title = " " },
            "description" => Details() with { Description = new string('x', ExpertCall.DescriptionMax + 1) },
            "language" => Details() with { Language = "de" },
            "sectors" => Details() with { Sectors = [] },
            _ => Details() with { Countries = ["PER"] },
        };

        var (call, error) = ExpertCall.Open(Guid.NewGuid(), details, "sec@oas.org", Now);

        Assert.Null(call);
        Assert.Equal(field, error!.Field);
    }

    [Fact]
    public void Publishing_a_draft_with_a_future_deadline_opens_it_to_applications_until_the_deadline()
    {
        var call = ADraft(Now.AddDays(10));

        Assert.Null(call.Publish(Now));

        Assert.Equal(CallStatus.Published, call.Status);
        Assert.Equal(Now, call.PublishedAt);
        Assert.True(call.IsOpenForApplications(Now.AddDays(10).AddSeconds(-1)));
        Assert.False(call.IsOpenForApplications(Now.AddDays(10)));
    }

    [Fact]
    public void Publishing_needs_a_deadline_after_now()
    {
        var past = ADraft(Now.AddMinutes(-1));
        var none = ExpertCall.Open(Guid.NewGuid(), Details() with { Deadline = null }, "sec@oas.org", Now).Call!;

        Assert.Equal(ExpertError.DeadlinePast, past.Publish(Now));
        Assert.Equal(ExpertError.Required("deadline"), none.Publish(Now));
        Assert.Equal(ExpertError.DeadlinePast, ADraft(Now).Publish(Now));
        Assert.Equal(CallStatus.Draft, past.Status);
        Assert.Null(past.PublishedAt);
    }

    [Fact]
    public void Only_a_draft_is_published_and_only_a_published_call_is_closed()
    {
        var published = APublishedCall();
        var draft = ADraft();

        Assert.Equal(ExpertError.IllegalTransition, published.Publish(Now));
        Assert.Equal(ExpertError.IllegalTransition, draft.Close(Now));
        Assert.Equal(CallStatus.Draft, draft.Status);

        Assert.Null(published.Close(Now.AddDays(1)));
        Assert.Equal((CallStatus.Closed, Now.AddDays(1)), (published.Status, published.ClosedAt));
        Assert.Equal(ExpertError.IllegalTransition, published.Close(Now.AddDays(2)));
        Assert.Equal(ExpertError.IllegalTransition, published.Publish(Now.AddDays(2)));
    }

    [Fact]
    public void A_draft_or_published_call_is_edited_but_a_published_one_keeps_a_future_deadline_and_a_closed_one_is_not_edited()
    {
        var draft = ADraft();
        Assert.Null(draft.Edit(Details() with { Title = "Nuevo título", Deadline = null }, Now.AddHours(1)));
        Assert.Equal(("Nuevo título", Now.AddHours(1)), (draft.Title, draft.UpdatedAt));

        var published = APublishedCall();
        Assert.Equal(ExpertError.DeadlinePast, published.Edit(Details(Now.AddDays(-1)), Now));
        Assert.Equal(Now.AddDays(30), published.Deadline);
        Assert.Null(published.Edit(Details(Now.AddDays(60)), Now));
        Assert.Equal(Now.AddDays(60), published.Deadline);

        Assert.Null(published.Close(Now));
        Assert.Equal(ExpertError.IllegalTransition, published.Edit(Details(), Now));
    }

    [Fact]
    public void An_expert_applies_with_a_motivation_while_the_call_is_published_and_before_its_deadline()
    {
        var call = APublishedCall();
        var expert = Guid.NewGuid();

        var (application, error) = call.Apply(Guid.NewGuid(), expert, "  Diseñé 40 sistemas rurales en Bolivia.  ", Now.AddDays(1));

        Assert.Null(error);
        Assert.Equal((call.Id, expert, "Diseñé 40 sistemas rurales en Bolivia.", ApplicationStatus.Received, Now.AddDays(1)),
            (application!.CallId, application.ExpertId, application.Motivation, application.Status, application.SubmittedAt));
    }

    [Fact]
    public void Applying_to_a_draft_a_closed_call_after_the_deadline_or_without_motivation_is_refused()
    {
        var published = APublishedCall();
        var closed = APublishedCall();
        Assert.Null(closed.Close(Now));

        Assert.Equal(ExpertError.CallNotOpen, ADraft().Apply(Guid.NewGuid(), Guid.NewGuid(), "Motivación", Now).Error);
        Assert.Equal(ExpertError.CallNotOpen, closed.Apply(Guid.NewGuid(), Guid.NewGuid(), "Motivación", Now).Error);
        Assert.Equal(ExpertError.CallNotOpen, published.Apply(Guid.NewGuid(), Guid.NewGuid(), "Motivación", Now.AddDays(30)).Error);
        Assert.Equal(ExpertError.Required("motivation"), published.Apply(Guid.NewGuid(), Guid.NewGuid(), " ", Now).Error);
        Assert.Equal(ExpertError.TooLong("motivation"), published.Apply(Guid.NewGuid(), Guid.NewGuid(), new string('m', CallApplication.MotivationMax + 1), Now).Error);
    }
}
