using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class ExpertCallConfiguration : IEntityTypeConfiguration<ExpertCall>
{
    public void Configure(EntityTypeBuilder<ExpertCall> builder)
    {
        builder.ToTable("ExpertCalls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(ExpertCall.TitleMax);
        builder.Property(c => c.Description).HasMaxLength(ExpertCall.DescriptionMax);
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.Property(c => c.PriorityArea).HasMaxLength(ExpertCall.PriorityAreaMax);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);

        // Short lists of codes, read with the call and never queried alone: one column each.
        builder.PrimitiveCollection(c => c.Sectors);
        builder.PrimitiveCollection(c => c.Languages);
        builder.PrimitiveCollection(c => c.Countries);
        builder.HasIndex(c => new { c.Status, c.Deadline });
    }
}

internal sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> builder)
    {
        builder.ToTable("CallApplications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<ExpertCall>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Motivation).HasMaxLength(CallApplication.MotivationMax);
        builder.Property(a => a.RejectionReason).HasMaxLength(CallApplication.ReasonMax);
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.IsDecided);
        builder.Ignore(a => a.MeanScore);

        // One application per expert and call, whichever instance takes it.
        builder.HasIndex(a => new { a.CallId, a.ExpertId }).IsUnique();
        builder.HasIndex(a => a.ExpertId);
    }
}

internal sealed class ApplicationReviewConfiguration : IEntityTypeConfiguration<ApplicationReview>
{
    public void Configure(EntityTypeBuilder<ApplicationReview> builder)
    {
        builder.ToTable("ApplicationReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Evaluator).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(ApplicationReview.NoteMax);
        builder.Ignore(r => r.Scores);

        // One review per evaluator and application, even when two are sent at once.
        builder.HasIndex(r => new { r.ApplicationId, r.Evaluator }).IsUnique();
    }
}

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> builder)
    {
        builder.ToTable("ExpertAssignments", t => t.HasCheckConstraint("CK_ExpertAssignments_OneTarget", "(\"DemandId\" IS NULL) <> (\"InitiativeId\" IS NULL)"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CatalogEntry>().WithMany().HasForeignKey(a => a.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.ReceivingState).HasMaxLength(2);
        builder.Property(a => a.Role).HasMaxLength(ExpertAssignment.RoleMax);
        builder.Property(a => a.DeclineReason).HasMaxLength(ExpertAssignment.TextMax);
        builder.Property(a => a.EvaluationComment).HasMaxLength(ExpertAssignment.TextMax);
        builder.Property(a => a.ProposedBy).HasMaxLength(256);
        builder.Property(a => a.EvaluatedBy).HasMaxLength(256);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ExpertId, a.Status });
        builder.HasIndex(a => a.DemandId);
        builder.HasIndex(a => a.InitiativeId);
        builder.HasIndex(a => a.ReceivingState);
    }
}
