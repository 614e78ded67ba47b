using System.Globalization;
using System.Text.Json;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Platform.Jobs.Background;

namespace DistrictOps.Web.Modules.Accounts.PlanAccounts;

public sealed record ApplyAccountsInput(string Target, bool Override);

/// <summary>
/// Applies a target from the page in the background, so a plan of tens of thousands of changes shows its progress and
/// survives the browser being closed. The person's permission to apply (and to override) was checked when it was asked for.
/// </summary>
public sealed class ApplyAccountsWork(AccountSync sync) : IBackgroundWork
{
    public const string Kind = "accounts.apply";

    public async Task<string?> RunAsync(BackgroundJobContext job, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Deserialize<ApplyAccountsInput>(job.Input) ?? throw new InvalidOperationException("The job has no input.");
        var progress = new Progress<ApplyProgress>(p => job.Report(
            p.Total == 0 ? "Reading the directory and planning" : "Applying change {0}",
            p.Total == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{p.Done + 1:N0} / {p.Total:N0}"),
            p.Total == 0 ? 0 : p.Done * 100 / p.Total));
        var result = await sync.ApplyAsync(input.Target, input.Override, job.RequestedBy, cancellationToken, progress);
        return result.Succeeded
            ? $"/accounts/changes?run={result.Value.RunId}"
            : throw new BackgroundWorkFailedException(result.Failure.Message, $"/accounts/{Uri.EscapeDataString(input.Target)}");
    }
}
