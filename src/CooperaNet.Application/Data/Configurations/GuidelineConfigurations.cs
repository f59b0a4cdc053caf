using CooperaNet.Application.Guidelines;
using CooperaNet.Domain.Guidelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class GuidelineConfiguration : IEntityTypeConfiguration<Guideline>
{
    public void Configure(EntityTypeBuilder<Guideline> builder)
    {
        builder.ToTable("Guidelines");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Slug).HasMaxLength(GuidelineLimits.SlugMax);
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.Localized(g => g.Purpose, GuidelineLimits.PurposeMax);
        builder.Ignore(g => g.Latest);
        builder.Ignore(g => g.Published);
        builder.HasMany(g => g.Versions).WithOne().HasForeignKey(v => v.GuidelineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuidelineVersionConfiguration : IEntityTypeConfiguration<GuidelineVersion>
{
    public void Configure(EntityTypeBuilder<GuidelineVersion> builder)
    {
        builder.ToTable("GuidelineVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.GuidelineId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Localized(v => v.Title, GuidelineLimits.TitleMax);
        builder.Localized(v => v.Body, GuidelineLimits.BodyMax);
        builder.Property(v => v.ApprovalRecordedBy).HasMaxLength(256);
        builder.Property(v => v.ApprovalMeeting).HasMaxLength(GuidelineLimits.MeetingMax);
        builder.Property(v => v.ApprovalNote).HasMaxLength(GuidelineLimits.NoteMax);
        builder.Ignore(v => v.IsPublic);
        builder.Ignore(v => v.IsEditable);
    }
}

internal sealed class GuidelineCommentConfiguration : IEntityTypeConfiguration<GuidelineComment>
{
    public void Configure(EntityTypeBuilder<GuidelineComment> builder)
    {
        builder.ToTable("GuidelineComments");
        builder.HasKey(c => c.Id);
        builder.HasOne<GuidelineVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.VersionId, c.CreatedAt });
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.Section).HasMaxLength(GuidelineLimits.SectionMax);
        builder.Property(c => c.Text).HasMaxLength(GuidelineLimits.CommentMax);
        builder.Ignore(c => c.IsWithdrawn);
    }
}
