using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Staffing.Data;

internal sealed class StaffingScenarioConfiguration : IEntityTypeConfiguration<StaffingScenario>
{
    public void Configure(EntityTypeBuilder<StaffingScenario> builder)
    {
        builder.ToTable("staffing_scenarios");
        builder.Property(s => s.Name).HasMaxLength(StaffingScenario.NameMaxLength);
        builder.Property(s => s.Notes).HasMaxLength(StaffingScenario.NotesMaxLength);
        builder.Property(s => s.AdministrativeFte).HasPrecision(6, 2);
        builder.Property(s => s.Tier1CostPerFte).HasPrecision(12, 2);
        builder.Property(s => s.Tier2CostPerPosition).HasPrecision(12, 2);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class SiteTypeRatioConfiguration : IEntityTypeConfiguration<SiteTypeRatio>
{
    public void Configure(EntityTypeBuilder<SiteTypeRatio> builder)
    {
        builder.ToTable("staffing_site_type_ratios");
        builder.HasKey(r => new { r.ScenarioId, r.SiteType });
        builder.Property(r => r.SiteType).HasMaxLength(32);
        builder.Property(r => r.FtePerSite).HasPrecision(6, 2);
        builder.HasOne<StaffingScenario>().WithMany().HasForeignKey(r => r.ScenarioId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("staffing_positions");
        builder.Property(p => p.Structure).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Title).HasMaxLength(Position.TitleMaxLength);
        builder.Property(p => p.JobFamily).HasMaxLength(64);
        builder.Property(p => p.Fte).HasPrecision(4, 2);
        builder.Property(p => p.Change).HasMaxLength(Position.ChangeMaxLength);
        builder.HasIndex(p => new { p.Structure, p.ReportsToId, p.Order });
        builder.HasIndex(p => p.PersonId);
        builder.HasOne<Position>().WithMany().HasForeignKey(p => p.ReportsToId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffingPhaseConfiguration : IEntityTypeConfiguration<StaffingPhase>
{
    public void Configure(EntityTypeBuilder<StaffingPhase> builder)
    {
        builder.ToTable("staffing_phases");
        builder.Property(p => p.Name).HasMaxLength(StaffingPhase.NameMaxLength);
        builder.Property(p => p.Tier1FteAdded).HasPrecision(6, 2);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Decision).HasMaxLength(StaffingPhase.NotesMaxLength);
        builder.Property(p => p.ReviewedBy).HasMaxLength(256);
        builder.HasIndex(p => p.Number).IsUnique();
    }
}
