using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Devices.Data;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices_devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.AssetTag).HasMaxLength(Device.AssetTagMaxLength).IsOrdinalText();
        builder.Property(d => d.Serial).HasMaxLength(Device.SerialMaxLength).IsOrdinalText();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.HolderKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Room).HasMaxLength(Device.RoomMaxLength);
        builder.Property(d => d.HolderName).HasMaxLength(Device.NameMaxLength);
        builder.Property(d => d.PurchaseOrder).HasMaxLength(Device.PurchaseOrderMaxLength);
        builder.Property(d => d.Notes).HasMaxLength(Device.NotesMaxLength);
        builder.Property(d => d.Compliance).HasMaxLength(Device.ComplianceMaxLength);
        builder.Property(d => d.OsVersion).HasMaxLength(Device.OsVersionMaxLength);
        builder.Property(d => d.AccessoriesOut).HasConversion<int>();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.AssetTag).IsUnique();
        builder.HasIndex(d => d.Serial).IsUnique();
        // The list's filters, each with the tag as the last column so a filtered page is read in order from the index.
        builder.HasIndex(d => new { d.SiteId, d.Status, d.AssetTag });
        builder.HasIndex(d => new { d.Status, d.AssetTag });
        builder.HasIndex(d => new { d.StandardId, d.AssetTag });
        builder.HasIndex(d => d.HolderId);
        builder.HasIndex(d => d.PoolId);
        builder.HasIndex(d => d.LastSeenAt);
        builder.HasOne<DeviceStandard>().WithMany().HasForeignKey(d => d.StandardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundingSource>().WithMany().HasForeignKey(d => d.FundingSourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LoanerPool>().WithMany().HasForeignKey(d => d.PoolId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DeviceEventConfiguration : IEntityTypeConfiguration<DeviceEvent>
{
    public void Configure(EntityTypeBuilder<DeviceEvent> builder)
    {
        builder.ToTable("devices_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorName).HasMaxLength(Device.NameMaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Detail).HasMaxLength(DeviceEvent.DetailMaxLength);
        builder.HasIndex(e => new { e.DeviceId, e.Id });
        builder.HasIndex(e => new { e.Kind, e.At });
        builder.HasOne<Device>().WithMany().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FundingSourceConfiguration : IEntityTypeConfiguration<FundingSource>
{
    public void Configure(EntityTypeBuilder<FundingSource> builder)
    {
        builder.ToTable("devices_funding_sources");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(FundingSource.NameMaxLength);
        builder.HasIndex(f => f.Name).IsUnique();
    }
}

internal sealed class DeviceStandardConfiguration : IEntityTypeConfiguration<DeviceStandard>
{
    public void Configure(EntityTypeBuilder<DeviceStandard> builder)
    {
        builder.ToTable("devices_standards");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(DeviceStandard.NameMaxLength);
        builder.Property(s => s.Manufacturer).HasMaxLength(DeviceStandard.TextMaxLength);
        builder.Property(s => s.Model).HasMaxLength(DeviceStandard.TextMaxLength);
        builder.Property(s => s.Configuration).HasMaxLength(DeviceStandard.TextMaxLength);
        builder.Property(s => s.ImageName).HasMaxLength(DeviceStandard.TextMaxLength);
        builder.Property(s => s.ImageVersion).HasMaxLength(DeviceStandard.TextMaxLength);
        builder.Property(s => s.ApprovedByName).HasMaxLength(Device.NameMaxLength);
        builder.Property(s => s.Grades).HasMaxLength(DeviceStandard.GradesMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasMany(s => s.Checks).WithOne().HasForeignKey(c => c.StandardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StandardCheckConfiguration : IEntityTypeConfiguration<StandardCheck>
{
    public void Configure(EntityTypeBuilder<StandardCheck> builder)
    {
        builder.ToTable("devices_standard_checks");
        builder.HasKey(c => new { c.StandardId, c.Item });
        builder.Property(c => c.Item).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Notes).HasMaxLength(StandardCheck.NotesMaxLength);
        builder.Property(c => c.CheckedByName).HasMaxLength(Device.NameMaxLength);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("devices_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.HolderKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.HolderName).HasMaxLength(Device.NameMaxLength);
        builder.Property(a => a.Room).HasMaxLength(Device.RoomMaxLength);
        builder.Property(a => a.OutByName).HasMaxLength(Device.NameMaxLength);
        builder.Property(a => a.InByName).HasMaxLength(Device.NameMaxLength);
        builder.Property(a => a.ConditionIn).HasConversion<string>().HasMaxLength(1);
        builder.Property(a => a.AccessoriesOut).HasConversion<int>();
        builder.Property(a => a.AccessoriesIn).HasConversion<int>();
        builder.Property(a => a.NotesIn).HasMaxLength(Assignment.NotesMaxLength);
        // One open assignment per device, whatever races: the second check-out of a device fails on this index.
        builder.HasIndex(a => a.DeviceId).HasDatabaseName("IX_devices_assignments_Open").IsUnique().HasFilter("\"InAt\" IS NULL");
        builder.HasIndex(a => new { a.DeviceId, a.OutAt });
        builder.HasIndex(a => new { a.HolderId, a.OutAt });
        builder.HasIndex(a => new { a.PoolId, a.OutAt });
        builder.HasIndex(a => a.TicketId);
        builder.HasOne<Device>().WithMany().HasForeignKey(a => a.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeviceAgreementConfiguration : IEntityTypeConfiguration<DeviceAgreement>
{
    public void Configure(EntityTypeBuilder<DeviceAgreement> builder)
    {
        builder.ToTable("devices_agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.SchoolYear).HasMaxLength(DeviceAgreement.SchoolYearMaxLength);
        builder.Property(a => a.SignedByName).HasMaxLength(Device.NameMaxLength);
        builder.Property(a => a.RecordedByName).HasMaxLength(Device.NameMaxLength);
        builder.Property(a => a.Method).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.StudentId, a.SchoolYear }).IsUnique();
    }
}

internal sealed class LoanerPoolConfiguration : IEntityTypeConfiguration<LoanerPool>
{
    public void Configure(EntityTypeBuilder<LoanerPool> builder)
    {
        builder.ToTable("devices_loaner_pools");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(LoanerPool.NameMaxLength);
        builder.HasIndex(p => new { p.SiteId, p.Name }).IsUnique();
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("devices_incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Cause).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Responsibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.StatusBefore).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.PoliceReport).HasMaxLength(Incident.PoliceReportMaxLength);
        builder.Property(i => i.Description).HasMaxLength(Incident.TextMaxLength);
        builder.Property(i => i.DecisionReason).HasMaxLength(Incident.TextMaxLength);
        builder.Property(i => i.StudentName).HasMaxLength(Device.NameMaxLength);
        builder.Property(i => i.ReportedByName).HasMaxLength(Device.NameMaxLength);
        builder.Property(i => i.DecidedByName).HasMaxLength(Device.NameMaxLength);
        builder.HasIndex(i => new { i.DeviceId, i.ReportedAt });
        builder.HasIndex(i => new { i.StudentId, i.ReportedAt });
        builder.HasIndex(i => new { i.Responsibility, i.ReportedAt });
        builder.HasIndex(i => new { i.SiteId, i.ReportedAt });
        builder.HasIndex(i => i.ReportedAt);
        builder.HasOne<Device>().WithMany().HasForeignKey(i => i.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentPhotoConfiguration : IEntityTypeConfiguration<IncidentPhoto>
{
    public void Configure(EntityTypeBuilder<IncidentPhoto> builder)
    {
        builder.ToTable("devices_incident_photos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.FileName).HasMaxLength(255);
        builder.Property(p => p.ContentType).HasMaxLength(64);
        builder.HasIndex(p => p.IncidentId);
        builder.HasOne<Incident>().WithMany().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeeEntryConfiguration : IEntityTypeConfiguration<FeeEntry>
{
    public void Configure(EntityTypeBuilder<FeeEntry> builder)
    {
        builder.ToTable("devices_fee_entries");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Reason).HasMaxLength(FeeEntry.ReasonMaxLength);
        builder.Property(f => f.RecordedByName).HasMaxLength(Device.NameMaxLength);
        builder.Property(f => f.ApprovedByName).HasMaxLength(Device.NameMaxLength);
        builder.HasIndex(f => new { f.StudentId, f.At });
        builder.HasIndex(f => f.IncidentId);
        builder.HasIndex(f => f.RequestId).IsUnique();
        builder.HasOne<Incident>().WithMany().HasForeignKey(f => f.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RepairOrderConfiguration : IEntityTypeConfiguration<RepairOrder>
{
    public void Configure(EntityTypeBuilder<RepairOrder> builder)
    {
        builder.ToTable("devices_repairs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.StatusBefore).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.VendorRma).HasMaxLength(RepairOrder.RmaMaxLength);
        builder.Property(r => r.Problem).HasMaxLength(RepairOrder.TextMaxLength);
        builder.Property(r => r.Resolution).HasMaxLength(RepairOrder.TextMaxLength);
        builder.Property(r => r.OpenedByName).HasMaxLength(Device.NameMaxLength);
        builder.HasIndex(r => new { r.Status, r.OpenedAt });
        builder.HasIndex(r => new { r.DeviceId, r.OpenedAt });
        builder.HasIndex(r => r.TicketId);
        builder.HasIndex(r => r.ClosedAt);
        builder.HasMany(r => r.Parts).WithOne().HasForeignKey(p => p.RepairId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Device>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RepairPartConfiguration : IEntityTypeConfiguration<RepairPart>
{
    public void Configure(EntityTypeBuilder<RepairPart> builder)
    {
        builder.ToTable("devices_repair_parts");
        builder.HasKey(p => p.Id);
        builder.HasOne<Part>().WithMany().HasForeignKey(p => p.PartId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartConfiguration : IEntityTypeConfiguration<Part>
{
    public void Configure(EntityTypeBuilder<Part> builder)
    {
        builder.ToTable("devices_parts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Part.NameMaxLength);
        builder.Property(p => p.PartNumber).HasMaxLength(Part.NameMaxLength);
        builder.HasIndex(p => p.PartNumber).IsUnique();
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> builder)
    {
        builder.ToTable("devices_audits");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Audit.NameMaxLength);
        builder.Property(a => a.Room).HasMaxLength(Device.RoomMaxLength);
        builder.Property(a => a.StartedByName).HasMaxLength(Device.NameMaxLength);
        builder.HasIndex(a => new { a.SiteId, a.StartedAt });
    }
}

internal sealed class AuditItemConfiguration : IEntityTypeConfiguration<AuditItem>
{
    public void Configure(EntityTypeBuilder<AuditItem> builder)
    {
        builder.ToTable("devices_audit_items");
        builder.HasKey(i => new { i.AuditId, i.DeviceId });
        builder.Property(i => i.ScannedByName).HasMaxLength(Device.NameMaxLength);
        builder.HasIndex(i => i.DeviceId);
        builder.HasOne<Audit>().WithMany().HasForeignKey(i => i.AuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Device>().WithMany().HasForeignKey(i => i.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> builder)
    {
        builder.ToTable("devices_collections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.SchoolYear).HasMaxLength(DeviceAgreement.SchoolYearMaxLength);
        builder.Property(c => c.StartedByName).HasMaxLength(Device.NameMaxLength);
        builder.HasIndex(c => new { c.SiteId, c.SchoolYear }).IsUnique();
    }
}

internal sealed class CollectionItemConfiguration : IEntityTypeConfiguration<CollectionItem>
{
    public void Configure(EntityTypeBuilder<CollectionItem> builder)
    {
        builder.ToTable("devices_collection_items");
        builder.HasKey(i => new { i.CollectionId, i.DeviceId });
        builder.Property(i => i.HolderName).HasMaxLength(Device.NameMaxLength);
        builder.HasIndex(i => new { i.CollectionId, i.CollectedAt });
        builder.HasOne<Collection>().WithMany().HasForeignKey(i => i.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Device>().WithMany().HasForeignKey(i => i.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
