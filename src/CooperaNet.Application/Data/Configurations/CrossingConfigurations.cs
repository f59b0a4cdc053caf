using CooperaNet.Application.Matching;
using CooperaNet.Application.Notifications;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class PairConfiguration : IEntityTypeConfiguration<Pair>
{
    public void Configure(EntityTypeBuilder<Pair> builder)
    {
        builder.ToTable("Pairs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.OfferState).HasMaxLength(2);
        builder.Property(p => p.DemandState).HasMaxLength(2);
        builder.Property(p => p.Reasons).HasMaxLength(8000);
        builder.Property(p => p.DeclineReason).HasMaxLength(Pair.ReasonMax);
        builder.Property(p => p.OfferInterest).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.DemandInterest).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Status);
        builder.Ignore(p => p.IsOpen);
        builder.Ignore(p => p.IsUnanswered);
        builder.HasOne<CatalogEntry>().WithMany().HasForeignKey(p => p.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CatalogEntry>().WithMany().HasForeignKey(p => p.DemandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.OfferId, p.DemandId }).IsUnique();
        builder.HasIndex(p => p.DemandId);
        builder.HasIndex(p => new { p.OfferState, p.Score });
        builder.HasIndex(p => new { p.DemandState, p.Score });
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.ToTable("Initiatives");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Title).HasMaxLength(Initiative.TitleMax);
        builder.Property(i => i.Language).HasMaxLength(2);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Modality).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasMany(i => i.Participants).WithOne().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.PrimitiveCollection(i => i.Sectors);
        builder.PrimitiveCollection(i => i.Sdgs);
        builder.HasIndex(i => i.PairId);
    }
}

internal sealed class InitiativeParticipantConfiguration : IEntityTypeConfiguration<InitiativeParticipant>
{
    public void Configure(EntityTypeBuilder<InitiativeParticipant> builder)
    {
        builder.ToTable("InitiativeParticipants");
        builder.HasKey(p => new { p.InitiativeId, p.StateCode });
        builder.Property(p => p.StateCode).HasMaxLength(2);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(14);
        builder.Property(p => p.BudgetedCost).HasPrecision(18, 2);
        builder.Property(p => p.ExecutedCost).HasPrecision(18, 2);
        builder.HasIndex(p => p.StateCode);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Arguments).HasMaxLength(2000);
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}

internal sealed class MatchingRequestConfiguration : IEntityTypeConfiguration<MatchingRequest>
{
    public void Configure(EntityTypeBuilder<MatchingRequest> builder)
    {
        builder.ToTable("MatchingRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.HasIndex(r => r.RequestedAt);
    }
}
