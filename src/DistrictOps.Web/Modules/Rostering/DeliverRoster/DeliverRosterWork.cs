using System.Text.Json;
using DistrictOps.Web.Platform.Jobs.Background;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

/// <summary>A delivery asked for on the page or by the API, made in the background so a large package shows its progress.</summary>
public sealed class DeliverRosterWork(DeliveryHandler handler) : IBackgroundWork
{
    public async Task<string?> RunAsync(BackgroundJobContext job, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Deserialize<DeliverRosterInput>(job.Input) ?? throw new InvalidOperationException("The job has no input.");
        var progress = new Progress<(string Subject, int Percent)>(p => job.Report(p.Subject switch
        {
            "check" => "Checking the package by the import's rules",
            "sftp" => "Sending the package",
            _ => "Writing {0}",
        }, p.Subject, p.Percent));
        await handler.RunAsync(input.DeliveryId, progress, cancellationToken);
        return $"/rostering/apps/{input.AppId}/deliveries";
    }
}
