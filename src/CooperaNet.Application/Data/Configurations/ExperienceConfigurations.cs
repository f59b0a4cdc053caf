using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Experiences;
using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class ExperienceConfiguration : IEntityTypeConfiguration<Experience>
{
    public void Configure(EntityTypeBuilder<Experience> builder)
    {
        builder.ToTable("Experiences");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.AuthorRole).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.StateCode).HasMaxLength(2);
        builder.Property(e => e.AuthorName).HasMaxLength(200);
        builder.Property(e => e.Language).HasMaxLength(2);
        builder.Property(e => e.Title).HasMaxLength(ExperienceValidation.TitleMax);
        builder.Property(e => e.Summary).HasMaxLength(ExperienceValidation.SummaryMax);
        builder.Property(e => e.Body).HasMaxLength(ExperienceValidation.BodyMax);
        builder.Property(e => e.VideoUrl).HasMaxLength(ExperienceValidation.VideoUrlMax);
        builder.Property(e => e.ReturnComment).HasMaxLength(2000);
        builder.Ignore(e => e.IsEditableByAuthor);
        builder.Ignore(e => e.IsPublic);
        builder.HasOne<MemberState>().WithMany().HasForeignKey(e => e.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(e => e.InitiativeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.States).WithOne().HasForeignKey(s => s.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Sectors).WithOne().HasForeignKey(s => s.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Sdgs).WithOne().HasForeignKey(s => s.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Translations).WithOne().HasForeignKey(t => t.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        // Deleted experiences disappear from every query; the secretariat's restore uses IgnoreQueryFilters.
        builder.HasQueryFilter(e => e.DeletedAt == null);
        builder.HasIndex(e => new { e.Status, e.PublishedAt, e.Kind });
        builder.HasIndex(e => e.AuthorId);
        builder.HasIndex(e => e.InitiativeId);
    }
}

internal sealed class ExperienceTranslationConfiguration : IEntityTypeConfiguration<ExperienceTranslation>
{
    public void Configure(EntityTypeBuilder<ExperienceTranslation> builder)
    {
        builder.ToTable("ExperienceTranslations");
        builder.HasKey(t => new { t.ExperienceId, t.Language });
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Title).HasMaxLength(ExperienceValidation.TitleMax);
        builder.Property(t => t.Summary).HasMaxLength(ExperienceValidation.SummaryMax);
        builder.Property(t => t.Body).HasMaxLength(ExperienceValidation.BodyMax);
        builder.Property(t => t.TranslatedBy).HasMaxLength(256);
    }
}

internal sealed class ExperienceStateConfiguration : IEntityTypeConfiguration<ExperienceState>
{
    public void Configure(EntityTypeBuilder<ExperienceState> builder)
    {
        builder.ToTable("ExperienceStates");
        builder.HasKey(s => new { s.ExperienceId, s.StateCode });
        builder.Property(s => s.StateCode).HasMaxLength(2);
        builder.HasOne<MemberState>().WithMany().HasForeignKey(s => s.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.StateCode, s.ExperienceId });
    }
}

internal sealed class ExperienceSectorConfiguration : IEntityTypeConfiguration<ExperienceSector>
{
    public void Configure(EntityTypeBuilder<ExperienceSector> builder)
    {
        builder.ToTable("ExperienceSectors");
        builder.HasKey(s => new { s.ExperienceId, s.SectorCode });
        builder.Property(s => s.SectorCode).HasMaxLength(5);
        builder.HasOne<Sector>().WithMany().HasForeignKey(s => s.SectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SectorCode, s.ExperienceId });
    }
}

internal sealed class ExperienceSdgConfiguration : IEntityTypeConfiguration<ExperienceSdg>
{
    public void Configure(EntityTypeBuilder<ExperienceSdg> builder)
    {
        builder.ToTable("ExperienceSdgs");
        builder.HasKey(s => new { s.ExperienceId, s.Code });
        builder.Property(s => s.Code).HasMaxLength(5);
        builder.HasIndex(s => new { s.Code, s.ExperienceId });
    }
}

internal sealed class ExperienceImageConfiguration : IEntityTypeConfiguration<ExperienceImage>
{
    public void Configure(EntityTypeBuilder<ExperienceImage> builder)
    {
        builder.ToTable("ExperienceImages");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.AltText).HasMaxLength(ExperienceImage.AltMax);
        builder.Property(i => i.ContentType).HasMaxLength(20);
        builder.HasOne<Experience>().WithMany().HasForeignKey(i => i.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ExperienceId);
    }
}

internal sealed class ExperienceAttachmentConfiguration : IEntityTypeConfiguration<ExperienceAttachment>
{
    public void Configure(EntityTypeBuilder<ExperienceAttachment> builder)
    {
        builder.ToTable("ExperienceAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasOne<Experience>().WithMany().HasForeignKey(a => a.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ExperienceId);
    }
}
