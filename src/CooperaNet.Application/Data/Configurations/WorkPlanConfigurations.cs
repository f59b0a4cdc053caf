using CooperaNet.Domain.Reference;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperaNet.Application.Data.Configurations;

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Document).HasMaxLength(60);
        builder.Property(p => p.WorkingGroupCode).HasMaxLength(10);
        builder.Property(p => p.CopiedFromCode).HasMaxLength(40);
        builder.Ignore(p => p.IsEditable);
        builder.Localized(p => p.Title, 400);
        builder.Localized(p => p.Objective);
        builder.HasOne(p => p.WorkingGroup).WithMany().HasForeignKey(p => p.WorkingGroupCode);
        builder.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.WorkPlanCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> builder)
    {
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasMaxLength(10);
        builder.Localized(g => g.Name, 200);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.WorkingGroupCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> builder)
    {
        builder.HasKey(m => new { m.WorkingGroupCode, m.StateCode });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<MemberState>().WithMany().HasForeignKey(m => m.StateCode);
    }
}

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> builder)
    {
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(60);
        builder.Property(m => m.Resolution).HasMaxLength(50);
        builder.Localized(m => m.Summary, 300);
        builder.Localized(m => m.Text);
    }
}

internal sealed class WorkPlanActionConfiguration : IEntityTypeConfiguration<WorkPlanAction>
{
    public void Configure(EntityTypeBuilder<WorkPlanAction> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.WorkPlanCode, a.Number }).IsUnique();
        builder.Localized(a => a.Title, 400);
        builder.Localized(a => a.ExpectedResult);
        builder.Localized(a => a.Calendar, 100);
        builder.Localized(a => a.Responsible, 300);
        builder.HasMany(a => a.Mandates).WithOne().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkPlanActionMandateConfiguration : IEntityTypeConfiguration<WorkPlanActionMandate>
{
    public void Configure(EntityTypeBuilder<WorkPlanActionMandate> builder)
    {
        builder.HasKey(m => new { m.ActionId, m.MandateCode });
        builder.HasOne(m => m.Mandate).WithMany().HasForeignKey(m => m.MandateCode);
    }
}

internal sealed class WorkPlanStepConfiguration : IEntityTypeConfiguration<WorkPlanStep>
{
    public void Configure(EntityTypeBuilder<WorkPlanStep> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Localized(s => s.Text, 2000);
    }
}
