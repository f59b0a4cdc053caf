using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> builder)
    {
        builder.ToTable("ExpertProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.FullName).HasMaxLength(ExpertProfile.NameMax);
        builder.Property(p => p.Nationality).HasMaxLength(2);
        builder.Property(p => p.Residence).HasMaxLength(2);
        builder.Property(p => p.Summary).HasMaxLength(ExpertProfile.SummaryMax);
        builder.Property(p => p.Education).HasMaxLength(ExpertProfile.TextMax);
        builder.Property(p => p.CurrentPosition).HasMaxLength(ExpertProfile.TextMax);
        builder.Property(p => p.Availability).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.ConsentVersion).HasMaxLength(64);
        builder.HasMany(p => p.Languages).WithOne().HasForeignKey(l => l.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Sectors).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Sdgs).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.InRosterSince, p.Availability });
        builder.Ignore(p => p.IsInRoster);
    }
}

internal sealed class ExpertLanguageConfiguration : IEntityTypeConfiguration<ExpertLanguage>
{
    public void Configure(EntityTypeBuilder<ExpertLanguage> builder)
    {
        builder.ToTable("ExpertLanguages");
        builder.HasKey(l => new { l.ExpertId, l.Language });
        builder.Property(l => l.Language).HasMaxLength(2);
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(l => new { l.Language, l.ExpertId });
    }
}

internal sealed class ExpertSectorConfiguration : IEntityTypeConfiguration<ExpertSector>
{
    public void Configure(EntityTypeBuilder<ExpertSector> builder)
    {
        builder.ToTable("ExpertSectors");
        builder.HasKey(s => new { s.ExpertId, s.SectorCode });
        builder.Property(s => s.SectorCode).HasMaxLength(5);
        builder.HasOne<Sector>().WithMany().HasForeignKey(s => s.SectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SectorCode, s.ExpertId });
    }
}

internal sealed class ExpertSdgConfiguration : IEntityTypeConfiguration<ExpertSdg>
{
    public void Configure(EntityTypeBuilder<ExpertSdg> builder)
    {
        builder.ToTable("ExpertSdgs");
        builder.HasKey(s => new { s.ExpertId, s.Code });
        builder.Property(s => s.Code).HasMaxLength(6);
    }
}

internal sealed class ExpertCvConfiguration : IEntityTypeConfiguration<ExpertCv>
{
    public void Configure(EntityTypeBuilder<ExpertCv> builder)
    {
        builder.ToTable("ExpertCvs");
        builder.HasKey(c => c.ExpertId);
        builder.HasOne<ExpertProfile>().WithOne().HasForeignKey<ExpertCv>(c => c.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.FileName).HasMaxLength(200);
        builder.Property(c => c.Sha256).HasMaxLength(64);
    }
}
