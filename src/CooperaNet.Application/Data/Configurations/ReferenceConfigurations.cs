using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class MemberStateConfiguration : IEntityTypeConfiguration<MemberState>
{
    public void Configure(EntityTypeBuilder<MemberState> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(2);
        builder.Property(s => s.Alpha3).HasMaxLength(3);
        builder.Property(s => s.Numeric).HasMaxLength(3);
        builder.Property(s => s.Subregion).HasMaxLength(40);
        builder.Localized(s => s.Name, 120);
        builder.Localized(s => s.OfficialName, 200);
        builder.HasIndex(s => s.Alpha3).IsUnique();
        builder.HasMany(s => s.Memberships).WithOne().HasForeignKey(m => m.StateCode);
    }
}

internal sealed class StateGroupConfiguration : IEntityTypeConfiguration<StateGroup>
{
    public void Configure(EntityTypeBuilder<StateGroup> builder)
    {
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasMaxLength(20);
        builder.Localized(g => g.Name, 200);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupCode);
    }
}

internal sealed class StateGroupMembershipConfiguration : IEntityTypeConfiguration<StateGroupMembership>
{
    public void Configure(EntityTypeBuilder<StateGroupMembership> builder)
    {
        builder.HasKey(m => new { m.GroupCode, m.StateCode });
        builder.Property(m => m.Status).HasMaxLength(20);
    }
}

internal sealed class SectorCategoryConfiguration : IEntityTypeConfiguration<SectorCategory>
{
    public void Configure(EntityTypeBuilder<SectorCategory> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(3);
        builder.Localized(c => c.Name, 300);
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(5);
        builder.Property(s => s.CategoryCode).HasMaxLength(3);
        builder.Localized(s => s.Name, 300);
        builder.HasOne<SectorCategory>().WithMany().HasForeignKey(s => s.CategoryCode);
    }
}

internal sealed class SdgGoalConfiguration : IEntityTypeConfiguration<SdgGoal>
{
    public void Configure(EntityTypeBuilder<SdgGoal> builder)
    {
        builder.HasKey(g => g.Number);
        builder.Property(g => g.Number).ValueGeneratedNever();
        builder.Localized(g => g.Title, 300);
        builder.Localized(g => g.ShortName, 100);
    }
}

internal sealed class SdgTargetConfiguration : IEntityTypeConfiguration<SdgTarget>
{
    public void Configure(EntityTypeBuilder<SdgTarget> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(5);
        builder.Localized(t => t.Title, 1000);
        builder.HasOne<SdgGoal>().WithMany().HasForeignKey(t => t.GoalNumber);
    }
}

internal sealed class ReferenceDatasetConfiguration : IEntityTypeConfiguration<ReferenceDataset>
{
    public void Configure(EntityTypeBuilder<ReferenceDataset> builder)
    {
        builder.HasKey(d => d.Name);
        builder.Property(d => d.Name).HasMaxLength(40);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
    }
}
