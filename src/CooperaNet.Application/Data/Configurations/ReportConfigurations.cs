using CooperaNet.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class SemesterReportConfiguration : IEntityTypeConfiguration<SemesterReport>
{
    public void Configure(EntityTypeBuilder<SemesterReport> builder)
    {
        builder.ToTable("SemesterReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Semester).HasMaxLength(6);
        builder.HasIndex(r => r.Semester).IsUnique();
        builder.Property(r => r.IssuedByName).HasMaxLength(200);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.HasMany(r => r.Proposals).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.IsIssued);
    }
}

internal sealed class ReportProposalConfiguration : IEntityTypeConfiguration<ReportProposal>
{
    public void Configure(EntityTypeBuilder<ReportProposal> builder)
    {
        builder.ToTable("ReportProposals");
        builder.HasKey(p => p.Id);
        // Keys are made by the report: a proposal found through its report's collection is a new row.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Key).HasMaxLength(ReportProposal.KeyMax);
        builder.HasIndex(p => new { p.ReportId, p.Key }).IsUnique();
        builder.Property(p => p.Text).HasMaxLength(ReportProposal.TextMax);
        builder.Property(p => p.TextLanguage).HasMaxLength(2);
        builder.Property(p => p.Decision).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.DecidedByName).HasMaxLength(200);
        builder.Ignore(p => p.IsOwn);
    }
}
