using CooperaNet.Application.FollowUp;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Campaign.NameMax);
        builder.Property(c => c.Subregion).HasMaxLength(40);
        builder.Property(c => c.TargetStates).HasMaxLength(200);
        builder.Property(c => c.Target).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        builder.Localized(c => c.Message, Campaign.MessageMax);
        // A handful of steps, always read and replaced with their campaign: one JSON column.
        builder.ComplexCollection(c => c.Steps, steps =>
        {
            steps.ToJson();
            steps.Property(s => s.Kind).HasConversion<string>();
        });
        builder.Ignore(c => c.TargetStateList);
        builder.HasIndex(c => c.Status);
    }
}

internal sealed class SocialisationSessionConfiguration : IEntityTypeConfiguration<SocialisationSession>
{
    public void Configure(EntityTypeBuilder<SocialisationSession> builder)
    {
        builder.ToTable("SocialisationSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(SocialisationSession.TitleMax);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasMany(s => s.Invitees).WithOne().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.AttendanceCount);
        builder.HasIndex(s => s.HeldOn);
    }
}

internal sealed class SessionInviteeConfiguration : IEntityTypeConfiguration<SessionInvitee>
{
    public void Configure(EntityTypeBuilder<SessionInvitee> builder)
    {
        builder.ToTable("SessionInvitees");
        builder.HasKey(i => new { i.SessionId, i.StateCode });
        builder.Property(i => i.StateCode).HasMaxLength(2);
        builder.HasOne<MemberState>().WithMany().HasForeignKey(i => i.StateCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpEntryConfiguration : IEntityTypeConfiguration<FollowUpEntry>
{
    public void Configure(EntityTypeBuilder<FollowUpEntry> builder)
    {
        builder.ToTable("FollowUpEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.StateCode).HasMaxLength(2);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Note).HasMaxLength(FollowUpEntry.NoteMax);
        builder.Property(e => e.NextStep).HasMaxLength(FollowUpEntry.NextStepMax);
        builder.Ignore(e => e.IsDone);
        builder.HasOne<MemberState>().WithMany().HasForeignKey(e => e.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.StateCode, e.OccurredOn });
        builder.HasIndex(e => new { e.DoneAt, e.NextStepDue });
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.StateCode).HasMaxLength(2);
        builder.Property(i => i.Language).HasMaxLength(2);
        builder.Property(i => i.Hash).HasMaxLength(64);
        builder.Property(i => i.UsedAt).IsConcurrencyToken();
        builder.HasOne<MemberState>().WithMany().HasForeignKey(i => i.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.UsedAt, i.ExpiresAt });
    }
}

internal sealed class CampaignDeliveryConfiguration : IEntityTypeConfiguration<CampaignDelivery>
{
    public void Configure(EntityTypeBuilder<CampaignDelivery> builder)
    {
        builder.ToTable("CampaignDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.StateCode).HasMaxLength(2);
        builder.Property(d => d.Language).HasMaxLength(2);
        builder.Property(d => d.RecipientKind).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // What makes each step go once to each person, however many instances run.
        builder.HasIndex(d => new { d.CampaignId, d.StepNumber, d.RecipientId }).IsUnique();
    }
}

internal sealed class ReminderOptOutConfiguration : IEntityTypeConfiguration<ReminderOptOut>
{
    public void Configure(EntityTypeBuilder<ReminderOptOut> builder)
    {
        builder.ToTable("ReminderOptOuts");
        builder.HasKey(o => o.NormalizedEmail);
        builder.Property(o => o.NormalizedEmail).HasMaxLength(256);
    }
}
