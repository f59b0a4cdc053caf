using CooperaNet.Domain.FollowUp;

namespace CooperaNet.Domain.Tests.FollowUp;

public sealed class SessionAndLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void A_session_invites_each_state_once_and_records_who_attended()
    {
        var (session, errors) = SocialisationSession.Plan(Guid.NewGuid(), "Webinar: publicar una oferta", SessionKind.Webinar, Today, ["co", "PE", "CO", "HT"], Now);
        Assert.Empty(errors);

        Assert.Null(session!.RecordAttendance(["CO", "ht"]));

        Assert.Equal(["CO", "HT", "PE"], session.Invitees.Select(i => i.StateCode));
        Assert.Equal(2, session.AttendanceCount);
        Assert.False(session.Invitees.Single(i => i.StateCode == "PE").Attended);
    }

    [Fact]
    public void Attendance_of_a_state_not_invited_is_refused_and_changes_nothing()
    {
        var (session, _) = SocialisationSession.Plan(Guid.NewGuid(), "Formación", SessionKind.Training, Today, ["CO"], Now);
        session!.RecordAttendance(["CO"]);

        Assert.Equal(FollowUpError.NotInvited, session.RecordAttendance(["AR"]));
        Assert.True(session.Invitees.Single().Attended);
    }

    [Fact]
    public void A_session_needs_a_title_and_invited_states()
    {
        var (session, errors) = SocialisationSession.Plan(Guid.NewGuid(), "", SessionKind.Webinar, Today, [], Now);

        Assert.Null(session);
        Assert.Equal(["title", "states"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_next_step_needs_its_due_day_and_a_due_day_its_next_step()
    {
        Assert.Equal(["nextStepDue"], FollowUpEntry.Record(Guid.NewGuid(), "CO", FollowUpKind.Contact, Today, "Llamada", "Enviar guía", null, Now).Errors.Select(e => e.Field));
        Assert.Equal(["nextStep"], FollowUpEntry.Record(Guid.NewGuid(), "CO", FollowUpKind.Contact, Today, "Llamada", " ", Today, Now).Errors.Select(e => e.Field));
        Assert.Equal(["note"], FollowUpEntry.Record(Guid.NewGuid(), "CO", FollowUpKind.Meeting, Today, "  ", null, null, Now).Errors.Select(e => e.Field));
        Assert.Equal(["nextStepDue"], FollowUpEntry.Record(Guid.NewGuid(), "CO", FollowUpKind.Meeting, Today, "Reunión", "Enviar acta", Today.AddDays(-1), Now).Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_next_step_is_overdue_after_its_day_until_it_is_done()
    {
        var (entry, _) = FollowUpEntry.Record(Guid.NewGuid(), "CO", FollowUpKind.Commitment, Today, "Publicará dos ofertas", "Revisar borradores", Today.AddDays(7), Now);

        Assert.False(entry!.IsOverdue(Today.AddDays(7)));
        Assert.True(entry.IsOverdue(Today.AddDays(8)));

        Assert.Null(entry.MarkDone(Now.AddDays(8)));
        Assert.False(entry.IsOverdue(Today.AddDays(8)));
        Assert.Equal(FollowUpError.IllegalTransition, entry.MarkDone(Now.AddDays(9)));
    }

    [Fact]
    public void An_entry_without_a_next_step_is_never_overdue_and_cannot_be_marked_done()
    {
        var (entry, _) = FollowUpEntry.Record(Guid.NewGuid(), "CO", FollowUpKind.Training, Today, "Formación a dos personas", null, null, Now);

        Assert.False(entry!.IsOverdue(Today.AddYears(1)));
        Assert.Equal(FollowUpError.IllegalTransition, entry.MarkDone(Now));
    }
}
