using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> builder)
    {
        builder.ToTable("PartnerOrganisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(PartnerLimits.NameMax);
        builder.Property(o => o.Acronym).HasMaxLength(PartnerLimits.AcronymMax);
        builder.Property(o => o.Scope).HasConversion<string>().HasMaxLength(12);
        builder.Property(o => o.Website).HasMaxLength(PartnerLimits.UrlMax);
        builder.Property(o => o.MemberStates).HasMaxLength(PartnerLimits.ShortMax);
        builder.Localized(o => o.Description, PartnerLimits.TextMax);
        builder.Ignore(o => o.IsDeleted);
        builder.Ignore(o => o.MemberStateCodes);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.Scope, o.Name });
    }
}

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> builder)
    {
        builder.ToTable("PartnerContacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(PartnerLimits.ShortMax);
        builder.Property(c => c.Position).HasMaxLength(PartnerLimits.ShortMax);
        builder.Property(c => c.Email).HasMaxLength(PartnerLimits.ShortMax);
        builder.Property(c => c.Phone).HasMaxLength(PartnerLimits.ShortMax);
        builder.Property(c => c.Languages).HasMaxLength(PartnerLimits.ShortMax);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerAgreementConfiguration : IEntityTypeConfiguration<PartnerAgreement>
{
    public void Configure(EntityTypeBuilder<PartnerAgreement> builder)
    {
        builder.ToTable("PartnerAgreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(PartnerLimits.NameMax);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementDocumentConfiguration : IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<AgreementDocument> builder)
    {
        builder.ToTable("AgreementDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasOne<PartnerAgreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.AgreementId, d.RemovedAt });
    }
}

internal sealed class EngagementEntryConfiguration : IEntityTypeConfiguration<EngagementEntry>
{
    public void Configure(EntityTypeBuilder<EngagementEntry> builder)
    {
        builder.ToTable("EngagementEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Summary).HasMaxLength(PartnerLimits.TextMax);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.OrganisationId, e.OccurredOn });
    }
}

internal sealed class PilotMilestoneConfiguration : IEntityTypeConfiguration<PilotMilestone>
{
    public void Configure(EntityTypeBuilder<PilotMilestone> builder)
    {
        builder.ToTable("PilotMilestones");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(PartnerLimits.NameMax * 2);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(m => m.Note).HasMaxLength(PartnerLimits.TextMax);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A partner user's account belongs to one organisation.</summary>
internal sealed class PartnerUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder) =>
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(u => u.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
}
