namespace DistrictOps.Web.Platform.Jobs.Background;

/// <summary>Where a running job stands: an English step template (at most one <c>{0}</c>), what fills it, and how far along it is.</summary>
public sealed record BackgroundProgress(string Step, string? Subject, int Percent);

/// <summary>One job as its work sees it: its id, its input, who asked for it, and where to report progress.</summary>
public sealed class BackgroundJobContext(Guid id, string input, string requestedBy, IProgress<BackgroundProgress> progress)
{
    public Guid Id { get; } = id;

    public string Input { get; } = input;

    public string RequestedBy { get; } = requestedBy;

    public void Report(string step, string? subject, int percent) => progress.Report(new BackgroundProgress(step, subject, Math.Clamp(percent, 0, 100)));
}

/// <summary>
/// Work a module runs in the background under a declared kind. It returns the address where the person sees the result; a
/// failure it can explain is a <see cref="BackgroundWorkFailedException"/>, any other exception is shown by its type and message.
/// </summary>
public interface IBackgroundWork
{
    Task<string?> RunAsync(BackgroundJobContext job, CancellationToken cancellationToken);
}

/// <summary>A kind of background work as a module declares it.</summary>
public sealed record BackgroundWorkKind(string Kind, Type WorkType);

/// <summary>The work ended without its result, for a reason the person can act on; the job still links to <see cref="ResultUrl"/>.</summary>
public sealed class BackgroundWorkFailedException(string message, string? resultUrl) : Exception(message)
{
    public string? ResultUrl { get; } = resultUrl;
}
