using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static System.FormattableString;

namespace DistrictOps.Web.Modules.Helpdesk.Problems;

public sealed record ProblemRow(
    long Id,
    string Number,
    string Title,
    string Status,
    string? IssueType,
    string? DeviceModel,
    string? Site,
    int Tickets,
    int OpenTickets,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record LinkedTicket(string Number, string Title, string Status, string Site, DateTimeOffset CreatedAt);

public sealed record ProblemDetail(
    long Id,
    string Number,
    string Title,
    string? RootCause,
    string? Workaround,
    string Status,
    int? IssueTypeId,
    string? IssueType,
    string? DeviceModel,
    Guid? SiteId,
    string? Site,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<string> TicketNumbers,
    IReadOnlyList<LinkedTicket> Tickets,
    int HiddenTickets,
    bool CanEdit);

/// <summary>A problem as created or replaced; on PATCH a null leaves the field as it is.</summary>
public sealed record SaveProblemCommand(
    string? Title,
    string? RootCause = null,
    string? Workaround = null,
    string? Status = null,
    int? IssueTypeId = null,
    string? DeviceModel = null,
    Guid? SiteId = null);

public sealed record LinkTicketCommand(string? Number);

/// <summary>
/// Problem records: the list, one problem with the tickets the viewer may see (the rest only counted),
/// create, edit, and linking tickets by number. Every link and unlink is an internal event on the ticket.
/// Technicians read problems; the central help desk and managers create and change them.
/// </summary>
public sealed class ProblemsHandler(AppDbContext db, ISiteDirectory sites, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public static bool CanEdit(Viewer viewer) => viewer.SeesAll || viewer.Manages;

    public async Task<Result<PagedResult<ProblemRow>>> ListAsync(string? status, PageRequest page, CancellationToken cancellationToken = default)
    {
        var problems = db.Set<Problem>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ParseStatus(status) is not { } wanted)
            {
                return Result.Invalid("status", StatusError(status));
            }

            problems = problems.Where(p => p.Status == wanted);
        }

        var rows = await problems.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.Status, p.IssueTypeId, p.DeviceModel, p.SiteId, p.CreatedAt, p.UpdatedAt,
                Tickets = db.Set<Ticket>().Count(t => t.ProblemId == p.Id),
                OpenTickets = db.Set<Ticket>().Count(t => t.ProblemId == p.Id && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed),
            })
            .ToPagedResultAsync(page, cancellationToken);
        var issueTypes = await IssueTypePathsAsync(cancellationToken);
        var siteNames = await SiteNamesAsync(cancellationToken);
        return new PagedResult<ProblemRow>(
            rows.Items.Select(p => new ProblemRow(
                p.Id, ProblemNumber.Format(p.Id), p.Title, p.Status.ToString(),
                p.IssueTypeId is { } c ? issueTypes.GetValueOrDefault(c) : null, p.DeviceModel,
                p.SiteId is { } s ? siteNames.GetValueOrDefault(s) : null,
                p.Tickets, p.OpenTickets, p.CreatedAt, p.UpdatedAt)).ToList(),
            rows.Total, rows.Page, rows.PageSize);
    }

    public async Task<ProblemDetail?> FindAsync(long id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var problem = await db.Set<Problem>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (problem is null)
        {
            return null;
        }

        var linked = db.Set<Ticket>().AsNoTracking().Where(t => t.ProblemId == id);
        var total = await linked.CountAsync(cancellationToken);
        var visible = await viewer.Visible(linked).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new { t.Id, t.Title, t.Status, t.SiteId, t.CreatedAt })
            .ToListAsync(cancellationToken);
        var issueTypes = await IssueTypePathsAsync(cancellationToken);
        var siteNames = await SiteNamesAsync(cancellationToken);
        var prefix = options.Value.NumberPrefix;
        var tickets = visible.Select(t => new LinkedTicket(TicketNumber.Format(prefix, t.Id), t.Title, t.Status.ToString(), siteNames.GetValueOrDefault(t.SiteId) ?? "", t.CreatedAt)).ToList();
        return new ProblemDetail(
            problem.Id, ProblemNumber.Format(problem.Id), problem.Title, problem.RootCause, problem.Workaround, problem.Status.ToString(),
            problem.IssueTypeId, problem.IssueTypeId is { } c ? issueTypes.GetValueOrDefault(c) : null, problem.DeviceModel,
            problem.SiteId, problem.SiteId is { } s ? siteNames.GetValueOrDefault(s) : null,
            problem.CreatedByName, problem.CreatedAt, problem.UpdatedAt, problem.ResolvedAt,
            tickets.Select(t => t.Number).ToList(), tickets, total - tickets.Count, CanEdit(viewer));
    }

    public async Task<Result<ProblemDetail>> CreateAsync(SaveProblemCommand command, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!CanEdit(viewer))
        {
            return Result.Forbidden("Only the help desk and managers open problem records.");
        }

        var errors = await ValidateAsync(command, partial: false, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var problem = new Problem { Title = "", CreatedByName = viewer.Name, CreatedByUserId = viewer.UserId, CreatedAt = now };
        Apply(problem, command, partial: false, now);
        db.Set<Problem>().Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(problem.Id, viewer, cancellationToken))!;
    }

    /// <summary>Replaces the problem's fields (PUT) or changes the ones given (PATCH, <paramref name="partial"/>).</summary>
    public async Task<Result<ProblemDetail>> UpdateAsync(long id, SaveProblemCommand command, bool partial, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!CanEdit(viewer))
        {
            return Result.Forbidden("Only the help desk and managers change problem records.");
        }

        var problem = await db.Set<Problem>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (problem is null)
        {
            return Result.NotFound($"There is no problem {ProblemNumber.Format(id)}.");
        }

        var errors = await ValidateAsync(command, partial, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        Apply(problem, command, partial, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, viewer, cancellationToken))!;
    }

    /// <summary>Links a ticket by its number; linking it again changes nothing; a ticket belongs to one problem at a time.</summary>
    public async Task<Result<ProblemDetail>> LinkAsync(long id, string? number, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!CanEdit(viewer))
        {
            return Result.Forbidden("Only the help desk and managers link tickets to problems.");
        }

        var problem = await db.Set<Problem>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (problem is null)
        {
            return Result.NotFound($"There is no problem {ProblemNumber.Format(id)}.");
        }

        var prefix = options.Value.NumberPrefix;
        var ticketId = TicketNumber.Parse(number, prefix);
        var ticket = ticketId is null ? null : await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null || !viewer.CanSee(ticket))
        {
            return Result.Invalid("number", $"There is no ticket '{number}'. Give a number like {TicketNumber.Format(prefix, 123)}.");
        }

        if (ticket.ProblemId is { } other && other != id)
        {
            return Result.Conflict($"{TicketNumber.Format(prefix, ticket.Id)} is already part of {ProblemNumber.Format(other)}; unlink it there first.");
        }

        if (ticket.ProblemId is null)
        {
            Link(db, ticket, problem, viewer, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await FindAsync(id, viewer, cancellationToken))!;
    }

    public async Task<Result<ProblemDetail>> UnlinkAsync(long id, string? number, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!CanEdit(viewer))
        {
            return Result.Forbidden("Only the help desk and managers unlink tickets from problems.");
        }

        var problem = await db.Set<Problem>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var ticketId = TicketNumber.Parse(number, options.Value.NumberPrefix);
        var ticket = problem is null || ticketId is null ? null
            : await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == ticketId && t.ProblemId == id, cancellationToken);
        if (problem is null || ticket is null)
        {
            return Result.NotFound($"Ticket '{number}' is not part of problem {ProblemNumber.Format(id)}.");
        }

        var now = clock.GetUtcNow();
        ticket.ProblemId = null;
        db.Add(ticket, viewer, TicketEventKind.ProblemLinked, now, $"No longer part of problem {ProblemNumber.Format(problem.Id)}: {problem.Title}");
        problem.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, viewer, cancellationToken))!;
    }

    /// <summary>The internal timeline line and the link itself, in the caller's unit of work.</summary>
    internal static void Link(AppDbContext db, Ticket ticket, Problem problem, Viewer? actor, DateTimeOffset at)
    {
        ticket.ProblemId = problem.Id;
        var body = $"Part of problem {ProblemNumber.Format(problem.Id)}: {problem.Title}";
        db.Add(ticket, actor, TicketEventKind.ProblemLinked, at, body);
        problem.UpdatedAt = at;
    }

    internal static ProblemStatus? ParseStatus(string? text) =>
        Enum.TryParse<ProblemStatus>(text, ignoreCase: true, out var status) && !int.TryParse(text, out _) ? status : null;

    private static string StatusError(string? text) => $"'{text}' is not one of {string.Join(", ", Enum.GetNames<ProblemStatus>())}.";

    private static void Apply(Problem problem, SaveProblemCommand command, bool partial, DateTimeOffset now)
    {
        if (!partial || command.Title is not null)
        {
            problem.Title = command.Title!.Trim();
        }

        if (!partial || command.RootCause is not null)
        {
            problem.RootCause = Blank(command.RootCause);
        }

        if (!partial || command.Workaround is not null)
        {
            problem.Workaround = Blank(command.Workaround);
        }

        if (!partial || command.IssueTypeId is not null)
        {
            problem.IssueTypeId = command.IssueTypeId;
        }

        if (!partial || command.DeviceModel is not null)
        {
            problem.DeviceModel = Blank(command.DeviceModel);
        }

        if (!partial || command.SiteId is not null)
        {
            problem.SiteId = command.SiteId;
        }

        if (ParseStatus(command.Status) is { } status && status != problem.Status)
        {
            problem.Status = status;
            problem.ResolvedAt = status is ProblemStatus.Resolved or ProblemStatus.Closed ? problem.ResolvedAt ?? now : null;
        }

        problem.UpdatedAt = now;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<ErrorList> ValidateAsync(SaveProblemCommand command, bool partial, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if ((!partial || command.Title is not null) && (string.IsNullOrWhiteSpace(command.Title) || command.Title.Trim().Length > Problem.TitleMaxLength))
        {
            errors.Add(nameof(command.Title), $"Give the problem a title of up to {Problem.TitleMaxLength} characters.");
        }

        if (command.RootCause?.Trim().Length > Problem.TextMaxLength)
        {
            errors.Add(nameof(command.RootCause), Invariant($"The root cause is limited to {Problem.TextMaxLength:N0} characters."));
        }

        if (command.Workaround?.Trim().Length > Problem.TextMaxLength)
        {
            errors.Add(nameof(command.Workaround), Invariant($"The workaround is limited to {Problem.TextMaxLength:N0} characters."));
        }

        if (command.DeviceModel?.Trim().Length > Ticket.DeviceModelMaxLength)
        {
            errors.Add(nameof(command.DeviceModel), $"The device model is limited to {Ticket.DeviceModelMaxLength} characters.");
        }

        if (command.Status is not null && ParseStatus(command.Status) is null)
        {
            errors.Add(nameof(command.Status), StatusError(command.Status));
        }

        if (command.IssueTypeId is { } issueType && !await db.Set<IssueType>().AnyAsync(c => c.Id == issueType, cancellationToken))
        {
            errors.Add(nameof(command.IssueTypeId), $"There is no issue type {issueType}.");
        }

        if (command.SiteId is { } site && await sites.FindAsync(site, cancellationToken) is null)
        {
            errors.Add(nameof(command.SiteId), $"There is no site {site}.");
        }

        return errors;
    }

    private async Task<Dictionary<int, string>> IssueTypePathsAsync(CancellationToken cancellationToken) =>
        await db.Set<IssueType>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Path, cancellationToken);

    private async Task<Dictionary<Guid, string>> SiteNamesAsync(CancellationToken cancellationToken) =>
        (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
}
