using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// The one unit of work for every module. Provider subclasses own their migration sets;
/// modules contribute entity configurations and prefix their tables with the module name.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    /// <summary>
    /// A save inside a transaction of ours sets no savepoint (ADR 0044): every such transaction is one unit that a failed
    /// save abandons whole, so the savepoint EF would wrap around each save only cost two more round trips per save.
    /// </summary>
    protected AppDbContext(DbContextOptions options)
        : base(options) => Database.AutoSavepointsEnabled = false;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<UserSite> UserSites => Set<UserSite>();

    /// <summary>
    /// What the platform's interceptors remember about this unit of work (the SQLite write turn it holds, outbox mail not yet
    /// committed). Kept on the context, not in tables keyed by context: a ConditionalWeakTable entry per request left its
    /// dead entries to the finalizer, which then held the table's lock against every request (issue 14's load profile).
    /// </summary>
    internal InterceptorNotes Notes { get; } = new();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>().ToTable("auth_users").HasIndex(u => u.PersonId);
        builder.Entity<IdentityRole<Guid>>().ToTable("auth_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("auth_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("auth_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("auth_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("auth_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("auth_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

/// <summary>See <see cref="AppDbContext.Notes"/>. A context is used by one request at a time, so the fields need no locks.</summary>
internal sealed class InterceptorNotes
{
    public SqliteWriteTurn WriteTurn { get; set; }

    public bool OutboxPending { get; set; }
}

/// <summary>Whether this unit of work holds the SQLite write gate (<see cref="SqliteWriteQueue"/>), and for what.</summary>
internal enum SqliteWriteTurn
{
    None,
    Transaction,
    Save,
}
