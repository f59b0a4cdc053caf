using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

/// <summary>Maps a <see cref="LocalizedText"/> to four columns: Name_Es, Name_En, Name_Pt, Name_Fr.</summary>
internal static class LocalizedTextMapping
{
    public static void Localized<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, LocalizedText?>> property, int? maxLength = null)
        where T : class
    {
        builder.ComplexProperty(property, text =>
        {
            text.IsRequired();
            if (maxLength is int max)
            {
                text.Property(t => t.Es).HasMaxLength(max);
                text.Property(t => t.En).HasMaxLength(max);
                text.Property(t => t.Pt).HasMaxLength(max);
                text.Property(t => t.Fr).HasMaxLength(max);
            }
        });
    }
}
