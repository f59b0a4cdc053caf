using CooperaNet.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class NewsletterSubscriptionConfiguration : IEntityTypeConfiguration<NewsletterSubscription>
{
    public void Configure(EntityTypeBuilder<NewsletterSubscription> builder)
    {
        builder.ToTable("NewsletterSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Email).HasMaxLength(NewsletterSubscription.EmailMax);
        builder.Property(s => s.Audience).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Language).HasMaxLength(2);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ConfirmationHash).HasMaxLength(64);
        builder.HasIndex(s => new { s.Email, s.Audience, s.Language }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.Language });
    }
}

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> builder)
    {
        builder.ToTable("NewsletterIssues");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Language).HasMaxLength(2);
        builder.Property(i => i.Audience).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Title).HasMaxLength(NewsletterIssue.TitleMax);
        builder.Property(i => i.Introduction).HasMaxLength(NewsletterIssue.IntroductionMax);
        // Two "send" requests at once: the second one's update finds the status changed and fails.
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        builder.Property(i => i.BaseUrl).HasMaxLength(300);
        builder.Ignore(i => i.IsPublic);
        builder.HasMany(i => i.Items).WithOne().HasForeignKey(i => i.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.Status, i.SentAt });
    }
}

internal sealed class NewsletterItemConfiguration : IEntityTypeConfiguration<NewsletterItem>
{
    public void Configure(EntityTypeBuilder<NewsletterItem> builder)
    {
        builder.ToTable("NewsletterItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Summary).HasMaxLength(400);
        builder.Property(i => i.Path).HasMaxLength(200);
        builder.HasIndex(i => new { i.IssueId, i.Kind, i.SourceId }).IsUnique();
    }
}

internal sealed class NewsletterDeliveryConfiguration : IEntityTypeConfiguration<NewsletterDelivery>
{
    public void Configure(EntityTypeBuilder<NewsletterDelivery> builder)
    {
        builder.ToTable("NewsletterDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UnsubscribeHash).HasMaxLength(64);
        builder.HasOne<NewsletterIssue>().WithMany().HasForeignKey(d => d.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NewsletterSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.IssueId, d.SubscriptionId }).IsUnique();
        builder.HasIndex(d => new { d.QueuedAt, d.LockedUntil });
    }
}
