using CooperaNet.Domain.Communications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class AudienceMessageConfiguration : IEntityTypeConfiguration<AudienceMessage>
{
    public void Configure(EntityTypeBuilder<AudienceMessage> builder)
    {
        builder.ToTable("AudienceMessages");
        builder.HasKey(m => m.Audience);
        builder.Property(m => m.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Localized(m => m.Description, CommunicationRules.DescriptionMax);
        builder.Localized(m => m.Message, CommunicationRules.MessageMax);
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("CommunicationChannels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(CommunicationRules.NameMax);
        builder.Property(c => c.Address).HasMaxLength(CommunicationRules.AddressMax);
        builder.Property(c => c.Audiences).AudienceList();
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class CommunicationPlanConfiguration : IEntityTypeConfiguration<CommunicationPlan>
{
    public void Configure(EntityTypeBuilder<CommunicationPlan> builder)
    {
        builder.ToTable("CommunicationPlans");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.Year, p.Half }).IsUnique();
        builder.Ignore(p => p.Start);
        builder.Ignore(p => p.End);
        builder.Ignore(p => p.Months);
        builder.Ignore(p => p.Key);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Pieces).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> builder)
    {
        builder.ToTable("CommunicationPlanItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Owner).HasMaxLength(CommunicationRules.OwnerMax);
        builder.Localized(i => i.Message, CommunicationRules.MessageMax);
        builder.HasOne<Channel>().WithMany().HasForeignKey(i => i.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PlanId, i.PlannedOn });
    }
}

internal sealed class ContentPieceConfiguration : IEntityTypeConfiguration<ContentPiece>
{
    public void Configure(EntityTypeBuilder<ContentPiece> builder)
    {
        builder.ToTable("CommunicationContentPieces");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Title).HasMaxLength(CommunicationRules.TitleMax);
        builder.Property(p => p.ExternalUrl).HasMaxLength(CommunicationRules.AddressMax);
        builder.Property(p => p.Audiences).AudienceList();
        builder.HasOne<Channel>().WithMany().HasForeignKey(p => p.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PlanId, p.PlannedOn });
    }
}

/// <summary>Stores a list of audiences as their keys separated by commas ("experts,media"), the same on both databases.</summary>
internal static class AudienceListMapping
{
    public static PropertyBuilder<List<Audience>> AudienceList(this PropertyBuilder<List<Audience>> property) =>
        property.HasConversion(
                list => string.Join(',', list.Select(AudienceNames.Key)),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => AudienceNames.Parse(k)!.Value).ToList(),
                new ValueComparer<List<Audience>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (h, a) => HashCode.Combine(h, a)), list => list.ToList()))
            .HasMaxLength(200);
}
