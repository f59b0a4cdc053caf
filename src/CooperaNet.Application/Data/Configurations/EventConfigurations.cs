using CooperaNet.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("Events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Title).HasMaxLength(EventValidation.TitleMax);
        builder.Property(e => e.Description).HasMaxLength(EventValidation.DescriptionMax);
        builder.Property(e => e.CoOrganisers).HasMaxLength(EventValidation.DescriptionMax);
        builder.Property(e => e.OnlineUrl).HasMaxLength(EventValidation.UrlMax);
        builder.Property(e => e.Venue).HasMaxLength(EventValidation.TextMax);
        builder.Property(e => e.City).HasMaxLength(EventValidation.TextMax);
        builder.Property(e => e.CountryCode).HasMaxLength(2);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Ignore(e => e.IsOnline);
        builder.Ignore(e => e.IsPublic);
        builder.Ignore(e => e.LocalStart);
        builder.Ignore(e => e.LocalEnd);
        builder.HasMany(e => e.Materials).WithOne().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.Status, e.StartsAt });
        builder.HasIndex(e => e.ProposedById);
    }
}

internal sealed class EventMaterialConfiguration : IEntityTypeConfiguration<EventMaterial>
{
    public void Configure(EntityTypeBuilder<EventMaterial> builder)
    {
        builder.ToTable("EventMaterials");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(EventValidation.TextMax);
        builder.Property(m => m.Url).HasMaxLength(EventValidation.UrlMax);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.HasKey(r => r.Id);
        builder.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => new { r.EventId, r.Waiting, r.RegisteredAt });
    }
}
