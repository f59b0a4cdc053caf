using CooperaNet.Application.Identity;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class WorkPlanIndicatorConfiguration : IEntityTypeConfiguration<WorkPlanIndicator>
{
    public void Configure(EntityTypeBuilder<WorkPlanIndicator> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.ActionId, i.Position }).IsUnique();
        builder.Localized(i => i.Name, 300);
        builder.Property(i => i.Measure).HasConversion<string>().HasMaxLength(40);
        builder.Ignore(i => i.IsComputed);
        builder.HasOne<WorkPlanAction>().WithMany(a => a.Indicators).HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Evidence).WithOne().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorEvidenceConfiguration : IEntityTypeConfiguration<IndicatorEvidence>
{
    public void Configure(EntityTypeBuilder<IndicatorEvidence> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Link).HasMaxLength(IndicatorEvidence.LinkMax);
        builder.Property(e => e.Note).HasMaxLength(IndicatorEvidence.NoteMax);
        builder.Property(e => e.RecordedByName).HasMaxLength(256);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionCommentConfiguration : IEntityTypeConfiguration<ActionComment>
{
    public void Configure(EntityTypeBuilder<ActionComment> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Text).HasMaxLength(ActionComment.TextMax);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.HasIndex(c => new { c.ActionId, c.CreatedAt });
        builder.HasOne<WorkPlanAction>().WithMany().HasForeignKey(c => c.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionProposalConfiguration : IEntityTypeConfiguration<ActionProposal>
{
    public void Configure(EntityTypeBuilder<ActionProposal> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Text).HasMaxLength(ActionProposal.TextMax);
        builder.Property(p => p.Reason).HasMaxLength(ActionProposal.ReasonMax);
        builder.Property(p => p.AuthorName).HasMaxLength(256);
        builder.Property(p => p.DecidedByName).HasMaxLength(256);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.ActionId, p.CreatedAt });
        builder.HasOne<WorkPlanAction>().WithMany().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
