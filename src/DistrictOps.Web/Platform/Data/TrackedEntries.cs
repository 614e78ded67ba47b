using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// <see cref="ChangeTracker.Entries{TEntity}"/> compares every tracked entity with its snapshot on each call. Interceptors that
/// run before every save only need the entries as the last detection left them (what was added, or what their own single
/// detection found), and without this each one repeated the whole comparison.
/// </summary>
public static class TrackedEntries
{
    /// <summary>The tracked entries of <typeparamref name="TEntity"/> with their states as last detected; detects nothing.</summary>
    public static List<EntityEntry<TEntity>> EntriesAsDetected<TEntity>(this ChangeTracker tracker)
        where TEntity : class
    {
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<TEntity>().ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
