using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Rostering.Data;

internal sealed class RosterAppConfiguration : IEntityTypeConfiguration<RosterApp>
{
    public void Configure(EntityTypeBuilder<RosterApp> builder)
    {
        builder.ToTable("rostering_apps");
        builder.Property(a => a.Name).HasMaxLength(RosterApp.NameMaxLength);
        foreach (var name in new[] { nameof(RosterApp.Vendor), nameof(RosterApp.ContactName), nameof(RosterApp.ContactEmail), nameof(RosterApp.PrivacyAgreement) })
        {
            builder.Property(name).HasMaxLength(RosterApp.TextMaxLength);
        }

        builder.Property(a => a.ContactPhone).HasMaxLength(32);
        builder.Property(a => a.Notes).HasMaxLength(RosterApp.NotesMaxLength);
        builder.Property(a => a.ClientId).HasMaxLength(100);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => a.ClientId).IsUnique();
    }
}

internal sealed class SharingAgreementConfiguration : IEntityTypeConfiguration<SharingAgreement>
{
    public void Configure(EntityTypeBuilder<SharingAgreement> builder)
    {
        builder.ToTable("rostering_agreements");
        builder.Property(a => a.SiteIds).HasMaxLength(SharingAgreement.ListMaxLength);
        builder.Property(a => a.ClassValues).HasMaxLength(SharingAgreement.ListMaxLength);
        builder.Property(a => a.Classes).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SftpAuth).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Schedule).HasMaxLength(120);
        builder.Property(a => a.SftpHost).HasMaxLength(255);
        builder.Property(a => a.SftpUsername).HasMaxLength(128);
        builder.Property(a => a.SftpSecret).HasMaxLength(16000);
        builder.Property(a => a.SftpHostKey).HasMaxLength(128);
        builder.Property(a => a.SftpFolder).HasMaxLength(255);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(a => a.AppId).IsUnique();
        builder.HasOne<RosterApp>().WithMany().HasForeignKey(a => a.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RosterDeliveryConfiguration : IEntityTypeConfiguration<RosterDelivery>
{
    public void Configure(EntityTypeBuilder<RosterDelivery> builder)
    {
        builder.ToTable("rostering_deliveries");
        builder.Property(d => d.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Mode).HasConversion<string>().HasMaxLength(8);
        builder.Property(d => d.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Target).HasMaxLength(1024);
        builder.Property(d => d.RequestedBy).HasMaxLength(256);
        builder.Property(d => d.FilesJson).HasMaxLength(4000);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Error).HasMaxLength(RosterDelivery.ErrorMaxLength);
        builder.HasIndex(d => new { d.AppId, d.StartedAt });
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasOne<RosterApp>().WithMany().HasForeignKey(d => d.AppId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SharedPersonConfiguration : IEntityTypeConfiguration<SharedPerson>
{
    public void Configure(EntityTypeBuilder<SharedPerson> builder)
    {
        builder.ToTable("rostering_shared_people");
        builder.HasKey(s => new { s.PersonId, s.AppId });
        builder.HasIndex(s => new { s.AppId, s.PersonId });
    }
}
