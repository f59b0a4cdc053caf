using CooperaNet.Application.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class SignInAttemptWindowConfiguration : IEntityTypeConfiguration<SignInAttemptWindow>
{
    public void Configure(EntityTypeBuilder<SignInAttemptWindow> builder)
    {
        // SignInAttemptCounter writes this table with one raw upsert: keep its names in step.
        builder.ToTable("SignInAttempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(64);
        builder.HasIndex(a => a.WindowStart);
    }
}
