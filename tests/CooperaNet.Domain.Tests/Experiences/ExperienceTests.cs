using CooperaNet.Domain.Experiences;

namespace CooperaNet.Domain.Tests.Experiences;

public sealed class ExperienceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.CreateVersion7(Monday);

    private static Experience ADraft() => new()
    {
        Id = Guid.CreateVersion7(Monday),
        AuthorId = Author,
        AuthorName = "APC-Colombia",
        Language = Languages.Spanish,
        Title = "Acueductos comunitarios en Cauca",
        Summary = "Cómo las juntas de agua aprendieron a operar sus sistemas.",
        Body = "Texto de la experiencia.",
        StateCode = "CO",
        CreatedAt = Monday,
    };

    private static Experience InReview()
    {
        var experience = ADraft();
        Assert.Null(experience.Submit(Monday));
        return experience;
    }

    private static Experience Published()
    {
        var experience = InReview();
        Assert.Null(experience.Publish(Monday.AddDays(1)));
        return experience;
    }

    [Fact]
    public void A_draft_goes_to_review_and_the_secretariat_publishes_it()
    {
        var experience = ADraft();

        Assert.Null(experience.Submit(Monday));
        Assert.Equal(ExperienceStatus.InReview, experience.Status);
        Assert.Null(experience.Publish(Monday.AddDays(2)));

        Assert.Equal(ExperienceStatus.Published, experience.Status);
        Assert.Equal(Monday.AddDays(2), experience.PublishedAt);
        Assert.True(experience.IsPublic);
    }

    [Fact]
    public void A_draft_cannot_be_published_without_review()
    {
        var experience = ADraft();

        Assert.Equal(ExperienceError.IllegalTransition, experience.Publish(Monday));
        Assert.Equal(ExperienceStatus.Draft, experience.Status);
        Assert.Null(experience.PublishedAt);
    }

    [Fact]
    public void Returning_needs_a_comment_and_brings_the_experience_back_to_draft()
    {
        var experience = InReview();

        Assert.Equal(ExperienceError.CommentRequired, experience.Return("  ", Monday));
        Assert.Equal(ExperienceStatus.InReview, experience.Status);
        Assert.Null(experience.Return(" Añadan los resultados medidos. ", Monday));

        Assert.Equal(ExperienceStatus.Draft, experience.Status);
        Assert.Equal("Añadan los resultados medidos.", experience.ReturnComment);
        Assert.True(experience.IsEditableByAuthor);
    }

    [Fact]
    public void A_published_experience_can_be_returned_and_keeps_its_first_publication_date()
    {
        var experience = Published();
        var first = experience.PublishedAt;

        Assert.Null(experience.Return("Corrijan el título.", Monday.AddDays(3)));
        Assert.Null(experience.Submit(Monday.AddDays(4)));
        Assert.Null(experience.Publish(Monday.AddDays(5)));

        Assert.Equal(first, experience.PublishedAt);
        Assert.Null(experience.ReturnComment);
    }

    [Fact]
    public void A_draft_cannot_be_returned_nor_an_experience_in_review_submitted_again()
    {
        Assert.Equal(ExperienceError.IllegalTransition, ADraft().Return("Algo", Monday));
        Assert.Equal(ExperienceError.IllegalTransition, InReview().Submit(Monday));
    }

    [Fact]
    public void Only_drafts_are_editable_by_their_author()
    {
        Assert.True(ADraft().IsEditableByAuthor);
        Assert.False(InReview().IsEditableByAuthor);
        Assert.False(Published().IsEditableByAuthor);
    }

    [Fact]
    public void A_deleted_experience_refuses_every_move_until_it_is_restored_as_it_was()
    {
        var experience = Published();

        Assert.Null(experience.Delete(Monday.AddDays(6)));
        Assert.False(experience.IsPublic);
        Assert.Equal(ExperienceError.Deleted, experience.Return("Algo", Monday));
        Assert.Equal(ExperienceError.Deleted, experience.Delete(Monday));
        Assert.Null(experience.Restore(Monday.AddDays(7)));

        Assert.Equal(ExperienceStatus.Published, experience.Status);
        Assert.True(experience.IsPublic);
        Assert.Equal(ExperienceError.NotDeleted, experience.Restore(Monday));
    }

    [Fact]
    public void A_translation_records_who_entered_it_and_when_and_changes_only_when_its_text_does()
    {
        var experience = ADraft();
        var translator = Guid.CreateVersion7(Monday);

        Assert.Null(experience.Translate("en", "Community water systems in Cauca", "How water boards learned to run their systems.", "Text.", translator, "Ana Pérez", Monday));
        Assert.Null(experience.Translate("en", "Community water systems in Cauca", "How water boards learned to run their systems.", "Text.", Author, "Someone else", Monday.AddDays(1)));
        var translation = Assert.Single(experience.Translations);
        Assert.Equal(("Ana Pérez", translator, Monday), (translation.TranslatedBy, translation.TranslatedById, translation.TranslatedAt));

        Assert.Null(experience.Translate("en", "Community water systems of Cauca", "How water boards learned to run their systems.", "Text.", Author, "Luis Gómez", Monday.AddDays(2)));
        Assert.Equal(("Luis Gómez", Author, Monday.AddDays(2)), (translation.TranslatedBy, translation.TranslatedById, translation.TranslatedAt));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("de")]
    [InlineData("")]
    public void A_translation_must_be_into_another_official_language(string language)
    {
        var experience = ADraft();

        Assert.Equal(ExperienceError.TranslationLanguage, experience.Translate(language, "Título", "Resumen largo", "Texto", Author, "Ana", Monday));
        Assert.Empty(experience.Translations);
    }
}
