using System.Reflection;
using DistrictOps.Web.Platform.Data;
using Xunit.Sdk;

namespace DistrictOps.IntegrationTests.Infrastructure;

/// <summary>
/// One test case per database provider. PostgreSQL runs when scripts/test has started it; in CI
/// (CI=true) its case runs regardless, so a missing server fails the run instead of skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProvidersAttribute : DataAttribute
{
    /// <summary>Whether PostgreSQL's cases run: scripts/test started it, or CI, where a missing server must fail.</summary>
    internal static bool PostgresRuns => TestDatabase.PostgresServer is not null || TestDatabase.RunningInCi;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        if (PostgresRuns)
        {
            yield return [DatabaseProvider.Postgres];
        }
    }
}

/// <summary>
/// The PostgreSQL case alone, for what only PostgreSQL has (its planner's choices, its own indexes); skipped, saying why,
/// when scripts/test has not started PostgreSQL, and run regardless in CI like <see cref="ProvidersAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresOnlyAttribute : DataAttribute
{
    public PostgresOnlyAttribute()
    {
        if (!ProvidersAttribute.PostgresRuns)
        {
            Skip = $"PostgreSQL is not running: scripts/test starts it and sets {TestDatabase.PostgresVariable}.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Postgres];
    }
}

public static class ProviderCases
{
    /// <summary>Each value once per provider, as <see cref="ProvidersAttribute"/> gives the providers.</summary>
    public static TheoryData<string, DatabaseProvider> Each(IEnumerable<string> values)
    {
        var providers = new ProvidersAttribute().GetData(null!).Select(row => (DatabaseProvider)row[0]).ToList();
        var data = new TheoryData<string, DatabaseProvider>();
        foreach (var value in values)
        {
            foreach (var provider in providers)
            {
                data.Add(value, provider);
            }
        }

        return data;
    }
}
