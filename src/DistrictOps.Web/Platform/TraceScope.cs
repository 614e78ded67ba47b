using System.Diagnostics;

namespace DistrictOps.Web.Platform;

/// <summary>
/// Every log line carries a trace id, in a request or not (ADR 0005). ASP.NET Core starts a request activity only when
/// something listens to it, and work outside requests — a job run, the demo seeding, a command-line command — has none
/// at all; without one the trace id in the log scope (and in ProblemDetails) would be empty.
/// </summary>
public static class TraceScope
{
    /// <summary>A new activity, or null when one is running already (the request's that started this work).</summary>
    public static Activity? StartIfNone(string activityName) => Activity.Current is null ? new Activity(activityName).Start() : null;

    /// <summary>Work of its own: an activity unless one runs, and a log scope <c>{Work} trace {TraceId}</c>; disposing ends both.</summary>
    public static IDisposable Begin(ILogger logger, string activityName, string work)
    {
        var activity = StartIfNone(activityName);
        return new Both(logger.BeginScope("{Work} trace {TraceId}", work, Activity.Current?.TraceId.ToString()), activity);
    }

    private sealed class Both(IDisposable? scope, Activity? activity) : IDisposable
    {
        public void Dispose()
        {
            scope?.Dispose();
            activity?.Dispose();
        }
    }
}
