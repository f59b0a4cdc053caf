using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class CatalogEntryConfiguration : IEntityTypeConfiguration<CatalogEntry>
{
    public void Configure(EntityTypeBuilder<CatalogEntry> builder)
    {
        builder.ToTable("Entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Modality).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.StateCode).HasMaxLength(2);
        builder.Property(e => e.Language).HasMaxLength(2);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Summary).HasMaxLength(1000);
        builder.Property(e => e.Description).HasMaxLength(10000);
        builder.Property(e => e.WorkingLanguages).HasMaxLength(20);
        builder.Property(e => e.OpenTo).HasMaxLength(400);
        builder.Property(e => e.Institution).HasMaxLength(200);
        builder.Property(e => e.ContactName).HasMaxLength(200);
        builder.Property(e => e.ContactEmail).HasMaxLength(320);
        builder.Property(e => e.CostSharing).HasMaxLength(1000);
        builder.Property(e => e.ReturnComment).HasMaxLength(2000);
        builder.Ignore(e => e.IsEditableByState);
        builder.HasOne<MemberState>().WithMany().HasForeignKey(e => e.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Translations).WithOne().HasForeignKey(t => t.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Sectors).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Sdgs).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.SearchTerms).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        // Deleted entries disappear from every query; the secretariat's restore uses IgnoreQueryFilters.
        builder.HasQueryFilter(e => e.DeletedAt == null);
        // The catalog lists published entries newest first. This index is read in that order and holds
        // every column the common filters test, so neither the page nor the count reads the wide rows.
        builder.HasIndex(e => new { e.Status, e.Kind, e.PublishedAt, e.Id, e.DeletedAt, e.Modality, e.StateCode }).HasDatabaseName("IX_Entries_Listing");

        // The matching indexes of every app instance read the entries changed since their last look.
        builder.HasIndex(e => e.UpdatedAt);
        // A text search starts from the term index and checks each entry it finds here, again without the rows.
        builder.HasIndex(e => new { e.Id, e.Status, e.Kind, e.DeletedAt, e.Modality, e.StateCode, e.PublishedAt }).HasDatabaseName("IX_Entries_Lookup");
        // The same, for one state's entries: a state filter then reads only that state's part.
        builder.HasIndex(e => new { e.StateCode, e.Status, e.Kind, e.PublishedAt, e.Id, e.DeletedAt, e.Modality }).HasDatabaseName("IX_Entries_StateListing");
    }
}

internal sealed class EntryTranslationConfiguration : IEntityTypeConfiguration<EntryTranslation>
{
    public void Configure(EntityTypeBuilder<EntryTranslation> builder)
    {
        builder.ToTable("EntryTranslations");
        builder.HasKey(t => new { t.EntryId, t.Language });
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Summary).HasMaxLength(1000);
        builder.Property(t => t.Description).HasMaxLength(10000);
    }
}

internal sealed class EntrySectorConfiguration : IEntityTypeConfiguration<EntrySector>
{
    public void Configure(EntityTypeBuilder<EntrySector> builder)
    {
        builder.ToTable("EntrySectors");
        builder.HasKey(s => new { s.EntryId, s.SectorCode });
        builder.Property(s => s.SectorCode).HasMaxLength(5);
        builder.HasOne<Sector>().WithMany().HasForeignKey(s => s.SectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SectorCode, s.EntryId });
    }
}

internal sealed class EntrySdgConfiguration : IEntityTypeConfiguration<EntrySdg>
{
    public void Configure(EntityTypeBuilder<EntrySdg> builder)
    {
        builder.ToTable("EntrySdgs");
        builder.HasKey(s => new { s.EntryId, s.Code });
        builder.Property(s => s.Code).HasMaxLength(5);
        builder.HasIndex(s => new { s.Code, s.EntryId });
    }
}

internal sealed class EntrySearchTermConfiguration : IEntityTypeConfiguration<EntrySearchTerm>
{
    public void Configure(EntityTypeBuilder<EntrySearchTerm> builder)
    {
        builder.ToTable("EntrySearchTerms");
        builder.HasKey(s => new { s.Term, s.EntryId });
        builder.Property(s => s.Term).HasMaxLength(60);
        builder.HasIndex(s => s.EntryId);
    }
}

internal sealed class EntryAttachmentConfiguration : IEntityTypeConfiguration<EntryAttachment>
{
    public void Configure(EntityTypeBuilder<EntryAttachment> builder)
    {
        builder.ToTable("EntryAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.EntryId);
    }
}
