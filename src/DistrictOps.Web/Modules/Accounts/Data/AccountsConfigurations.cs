using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Accounts.Data;

internal sealed class ManagedAccountConfiguration : IEntityTypeConfiguration<ManagedAccount>
{
    public void Configure(EntityTypeBuilder<ManagedAccount> builder)
    {
        builder.ToTable("accounts_accounts");
        builder.Property(a => a.Target).HasMaxLength(64);
        builder.Property(a => a.Username).HasMaxLength(UsernameClaim.MaxLength);
        builder.Property(a => a.Dn).HasMaxLength(ManagedAccount.DnMaxLength);
        builder.HasIndex(a => new { a.Target, a.PersonId }).IsUnique();
        builder.HasIndex(a => a.PersonId);
    }
}

internal sealed class UsernameClaimConfiguration : IEntityTypeConfiguration<UsernameClaim>
{
    public void Configure(EntityTypeBuilder<UsernameClaim> builder)
    {
        builder.ToTable("accounts_usernames");
        builder.HasKey(c => c.Username);
        builder.Property(c => c.Username).HasMaxLength(UsernameClaim.MaxLength);
        builder.HasIndex(c => c.PersonId);
    }
}

internal sealed class AccountRunConfiguration : IEntityTypeConfiguration<AccountRun>
{
    public void Configure(EntityTypeBuilder<AccountRun> builder)
    {
        builder.ToTable("accounts_runs");
        builder.Property(r => r.Target).HasMaxLength(64);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.By).HasMaxLength(256);
        builder.Property(r => r.Refused).HasMaxLength(1000);
        builder.HasIndex(r => new { r.Target, r.StartedAt });
    }
}

internal sealed class AccountOperationConfiguration : IEntityTypeConfiguration<AccountOperation>
{
    public void Configure(EntityTypeBuilder<AccountOperation> builder)
    {
        builder.ToTable("accounts_operations");
        builder.Property(o => o.Target).HasMaxLength(64);
        builder.Property(o => o.Username).HasMaxLength(UsernameClaim.MaxLength);
        builder.Property(o => o.Kind).HasMaxLength(16);
        builder.Property(o => o.Dn).HasMaxLength(ManagedAccount.DnMaxLength);
        builder.Property(o => o.Reason).HasMaxLength(500);
        builder.Property(o => o.Detail).HasMaxLength(AccountOperation.DetailMaxLength);
        builder.Property(o => o.Error).HasMaxLength(1000);
        builder.Property(o => o.By).HasMaxLength(256);
        builder.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(o => new { o.PersonId, o.Id });
        builder.HasIndex(o => new { o.RunId, o.Id });
        builder.HasIndex(o => new { o.Target, o.Id });
        builder.HasIndex(o => o.Username);
    }
}

internal sealed class InitialPasswordConfiguration : IEntityTypeConfiguration<InitialPassword>
{
    public void Configure(EntityTypeBuilder<InitialPassword> builder)
    {
        builder.ToTable("accounts_initial_passwords");
        builder.Property(p => p.Target).HasMaxLength(64);
        builder.Property(p => p.Protected).HasMaxLength(2000);
        builder.Property(p => p.ReleasedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.Target, p.PersonId }).IsUnique();
    }
}

internal sealed class SyncedImportConfiguration : IEntityTypeConfiguration<SyncedImport>
{
    public void Configure(EntityTypeBuilder<SyncedImport> builder)
    {
        builder.ToTable("accounts_synced_imports");
        builder.HasKey(s => s.Target);
        builder.Property(s => s.Target).HasMaxLength(64);
    }
}
