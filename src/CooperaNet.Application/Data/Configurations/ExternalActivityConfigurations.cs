using CooperaNet.Domain.Interop;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class ExternalActivityConfiguration : IEntityTypeConfiguration<ExternalActivity>
{
    public void Configure(EntityTypeBuilder<ExternalActivity> builder)
    {
        builder.ToTable("ExternalActivities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.IatiIdentifier).HasMaxLength(ExternalActivity.IdentifierMax);
        builder.HasIndex(a => a.IatiIdentifier).IsUnique();
        builder.Property(a => a.ReportingOrgRef).HasMaxLength(ExternalActivity.IdentifierMax);
        builder.Property(a => a.ReportingOrgName).HasMaxLength(ExternalActivity.NameMax);
        builder.Property(a => a.Language).HasMaxLength(2);
        builder.Property(a => a.Status).HasMaxLength(2);
        builder.Property(a => a.ContentHash).HasMaxLength(64);

        // Short lists of codes, read with the activity: one column each.
        builder.PrimitiveCollection(a => a.Countries);
        builder.PrimitiveCollection(a => a.Sectors);
        builder.PrimitiveCollection(a => a.Sdgs);
        builder.HasMany(a => a.Texts).WithOne().HasForeignKey(t => t.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExternalActivityTextConfiguration : IEntityTypeConfiguration<ExternalActivityText>
{
    public void Configure(EntityTypeBuilder<ExternalActivityText> builder)
    {
        builder.ToTable("ExternalActivityTexts");
        builder.HasKey(t => new { t.ActivityId, t.Language });
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Title).HasMaxLength(ExternalActivity.TitleMax);
        builder.Property(t => t.Description).HasMaxLength(ExternalActivity.DescriptionMax);
    }
}
