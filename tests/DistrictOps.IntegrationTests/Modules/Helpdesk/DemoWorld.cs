using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>
/// The 600-student demo district with its help desk history, seeded as of <see cref="Now"/>. Seeding takes seconds, so
/// each test process seeds it once per provider and every test starts the app on a copy of its own.
/// </summary>
public static class DemoWorld
{
    /// <summary>A Wednesday in December of the demo school year, 10:30 in Bayview.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 9, 18, 30, 0, TimeSpan.Zero);

    public static Task<TestDatabase> CopyAsync(DatabaseProvider provider) =>
        TestDatabase.CreateFromAsync(provider, nameof(DemoWorld), async db =>
        {
            await using var app = Start(db);
            await using var scope = app.Services.CreateAsyncScope();
        });

    /// <summary>The app on <paramref name="db"/>, in demo mode with the clock stopped at <see cref="Now"/>.</summary>
    public static DistrictOpsFactory Start(TestDatabase db) =>
        new(db, new Dictionary<string, string?> { ["Demo:Students"] = "600" }, s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
}
