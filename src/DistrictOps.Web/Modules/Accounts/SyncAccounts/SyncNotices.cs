using System.Globalization;
using System.Text;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;

namespace DistrictOps.Web.Modules.Accounts.SyncAccounts;

/// <summary>
/// How one target's scheduled sync ended: applied (<see cref="Report"/>, perhaps with failed changes), refused by the guard
/// (<see cref="ApplyReport.Refused"/>), or its directory did not answer (<see cref="Unanswered"/>); with the help desk ticket
/// a failure opened, or why none could be.
/// </summary>
public sealed record TargetSync(string Target, ImportRunSummary Import, ApplyReport? Report, string? Unanswered)
{
    public TicketOpenedOnce? Ticket { get; init; }

    public string? TicketProblem { get; init; }

    /// <summary>Worth an email: changes made or failed, a refusal, or a directory that did not answer, told once a day with its ticket.</summary>
    public bool IsNews => Report is { Refused: not null } or { Planned: > 0 } || (Unanswered is not null && Ticket?.OpenedNow != false);
}

/// <summary>Where the emails and tickets send people: the accounts page, and the run's changes in the audit (API).</summary>
public sealed record SyncLinks(string Accounts, string? RunAudit);

/// <summary>The words of the scheduled sync: the job run's summary (counts only, no names), the help desk ticket, the email.</summary>
public static class SyncNotices
{
    private const string Automation = "accounts.sync";
    private const int ListedFailures = 50;

    public static string Summary(IEnumerable<TargetSync> synced) => string.Join(" ", synced.Select(s => s switch
    {
        { Unanswered: not null } => $"{s.Target}: did not answer; the next run tries again.",
        { Report.Refused: not null } => $"{s.Target}: refused by the guard ({N(s.Report.Planned)} change(s) planned), nothing applied.",
        _ => $"{s.Target}: {N(s.Report!.Done)} of {N(s.Report.Planned)} change(s) made, {N(s.Report.Failed)} failed.",
    } + (s.Ticket is { } t ? $" Ticket {t.Number}{(t.OpenedNow ? " opened" : "")}." : "") + (s.TicketProblem is { } p ? $" No ticket: {p}" : "")));

    /// <summary>The ticket a failed sync opens: one per target and district day (its key), listing what failed.</summary>
    public static AutomationTicketRequest Ticket(TargetSync failed, DateOnly today, SyncLinks links)
    {
        var key = $"{Automation}:{failed.Target}:{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (failed.Unanswered is { } why)
        {
            return new AutomationTicketRequest(key, Automation, "Accounts", $"Account sync: the directory {failed.Target} did not answer", $"""
                The scheduled account sync ({Automation}) could not reach {failed.Target} after a Directory import: {why}

                Nothing was changed there. The sync tries again at each run until the directory answers. Check the domain controller or LDAP server, the network path to it and the bind account (Accounts:Targets in the configuration).
                DistrictOps opens one ticket a day per directory.
                """);
        }

        var report = failed.Report!;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"The scheduled account sync ({Automation}) could not make {N(report.Failed)} of {N(report.Planned)} change(s) in {failed.Target}:\n\n");
        AppendFailures(text, report, "- ");
        text.Append(CultureInfo.InvariantCulture, $"""

            Each change, with whom it is for and why: {links.Accounts} (the audit){(links.RunAudit is { } audit ? $", or {audit}" : "")}.
            The sync tries the failed changes again after the next import; to try now: districtops accounts apply --target {failed.Target}
            DistrictOps opens one ticket a day per directory; later failures today are in the audit and the sync's emails.
            """);
        return new AutomationTicketRequest(key, Automation, "Accounts", $"Account sync: {N(report.Failed)} change(s) in {failed.Target} failed", text.ToString());
    }

    /// <summary>The summary email to one person who may apply plans: every target the run synced, what it did and where to look.</summary>
    public static (string Subject, string Text) Email(string name, string imported, IReadOnlyList<TargetSync> synced, Func<TargetSync, SyncLinks> links)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Hello {name},\n\nThe account sync ({Automation}) ran after the Directory import of {imported}.\n");
        foreach (var s in synced)
        {
            text.Append('\n');
            AppendTarget(text, s, links(s));
        }

        var subject = string.Join("; ", synced.Where(s => s.IsNews).Select(s => s switch
        {
            { Unanswered: not null } => $"{s.Target} did not answer",
            { Report.Refused: not null } => $"{s.Target} needs an IT manager's override",
            { Report.Failed: > 0 } => $"{s.Target} {N(s.Report.Done)} made, {N(s.Report.Failed)} failed",
            _ => $"{s.Target} {N(s.Report!.Done)} made",
        }));
        return ($"Account sync: {subject}", text.ToString());
    }

    private static void AppendTarget(StringBuilder text, TargetSync s, SyncLinks links)
    {
        if (s.Unanswered is { } why)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Target}: nothing was changed. {why}\n  The sync tries again at each run until it answers.\n");
        }
        else if (s.Report is { Refused: { } refused } refusedReport)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                {s.Target}: nothing was applied ({N(refusedReport.Planned)} change(s) planned). {refused}
                  Look at the plan on {links.Accounts} or with: districtops accounts plan --target {s.Target}
                  If it is right, an IT manager applies it with the override (districtops accounts apply --target {s.Target} --override); if it is not, correct the Directory, and the sync plans again after the next import.

                """);
        }
        else if (s.Report is { Planned: 0 })
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Target}: nothing to change.\n");
        }
        else
        {
            var report = s.Report!;
            text.Append(CultureInfo.InvariantCulture, $"{s.Target}: {N(report.Done)} of {N(report.Planned)} change(s) made, {N(report.Failed)} failed.\n");
            AppendFailures(text, report, "  - ");
            text.Append(CultureInfo.InvariantCulture, $"  Every change, with its reason: {links.Accounts}{(links.RunAudit is { } audit ? $" or {audit}" : "")}\n");
        }

        if (s.Ticket is { } ticket)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Help desk ticket {ticket.Number} follows it.\n");
        }
        else if (s.TicketProblem is { } problem)
        {
            text.Append(CultureInfo.InvariantCulture, $"  The help desk ticket could not be opened: {problem}\n");
        }
    }

    private static void AppendFailures(StringBuilder text, ApplyReport report, string bullet)
    {
        foreach (var failure in report.Failures.Take(ListedFailures))
        {
            text.Append(bullet).Append(failure.Length <= 400 ? failure : string.Concat(failure.AsSpan(0, 399), "…")).Append('\n');
        }

        if (report.Failures.Count > ListedFailures)
        {
            text.Append(CultureInfo.InvariantCulture, $"{bullet}and {N(report.Failures.Count - ListedFailures)} more in the audit.\n");
        }
    }

    private static string N(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
