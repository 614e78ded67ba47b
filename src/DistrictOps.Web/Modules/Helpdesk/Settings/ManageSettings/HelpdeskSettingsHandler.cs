using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Settings.ManageSettings;

public sealed record IssueTypeNode(int Id, int? ParentId, string Name, string Path, bool Active, int Depth, int Tickets);

public sealed record TeamSettings(int Id, string Name, int Tier, int? EscalatesToTeamId, Guid? LeadUserId, IReadOnlyList<Guid> Members);

/// <summary>
/// The help desk's editable configuration: the tree of issue types, the priority matrix, teams and
/// their members, and macros. Issue types are renamed or retired, never deleted, so old tickets keep theirs.
/// </summary>
public sealed class HelpdeskSettingsHandler(AppDbContext db, IUserDirectory users)
{
    public async Task<IReadOnlyList<IssueTypeNode>> IssueTypesAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Set<IssueType>().AsNoTracking().OrderBy(c => c.Path).ToListAsync(cancellationToken);
        var counts = await db.Set<Ticket>().GroupBy(t => t.IssueTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return all.Select(c => new IssueTypeNode(c.Id, c.ParentId, c.Name, c.Path, c.Active, c.Path.Split(IssueTypePath.Separator).Length - 1, counts.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>Adds an issue type under a parent (or at the top), or renames, moves or retires one; the paths below follow.</summary>
    public async Task<Result<IssueTypeNode>> SaveIssueTypeAsync(int? id, string? name, int? parentId, bool active, CancellationToken cancellationToken = default)
    {
        var all = await db.Set<IssueType>().ToListAsync(cancellationToken);
        var issueType = id is { } existing ? all.SingleOrDefault(c => c.Id == existing) : null;
        if (id is not null && issueType is null)
        {
            return Result.NotFound($"There is no issue type {id}.");
        }

        name = name?.Trim() ?? "";
        if (name.Length is 0 or > IssueType.NameMaxLength || name.Contains('›'))
        {
            return Result.Invalid("name", $"Name the issue type in up to {IssueType.NameMaxLength} characters, without ›.");
        }

        var parent = parentId is { } p ? all.SingleOrDefault(c => c.Id == p) : null;
        if (parentId is not null && parent is null)
        {
            return Result.Invalid("parentId", $"There is no issue type {parentId}.");
        }

        for (var ancestor = parent; ancestor is not null; ancestor = all.SingleOrDefault(c => c.Id == ancestor.ParentId))
        {
            if (ancestor.Id == issueType?.Id)
            {
                return Result.Invalid("parentId", "An issue type cannot go under itself or one of its own.");
            }
        }

        var path = parent is null ? name : parent.Path + IssueTypePath.Separator + name;
        if (all.Any(c => c.Path == path && c.Id != issueType?.Id))
        {
            return Result.Invalid("name", $"“{path}” already exists.");
        }

        if (issueType is null)
        {
            issueType = new IssueType { Name = name, Path = path, ParentId = parentId, Active = active, SortOrder = all.Count };
            db.Set<IssueType>().Add(issueType);
        }
        else
        {
            var oldPath = issueType.Path;
            issueType.Name = name;
            issueType.ParentId = parentId;
            issueType.Active = active;
            issueType.Path = path;
            foreach (var below in all.Where(c => c.Path.StartsWith(oldPath + IssueTypePath.Separator, StringComparison.Ordinal)))
            {
                below.Path = path + below.Path[oldPath.Length..];
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new IssueTypeNode(issueType.Id, issueType.ParentId, issueType.Name, issueType.Path, issueType.Active, path.Split(IssueTypePath.Separator).Length - 1, 0);
    }

    public async Task<IReadOnlyList<PriorityCell>> MatrixAsync(CancellationToken cancellationToken = default) =>
        await db.Set<PriorityCell>().AsNoTracking().ToListAsync(cancellationToken);

    public async Task<Result<IReadOnlyList<PriorityCell>>> SaveMatrixAsync(IReadOnlyDictionary<(TicketImpact, TicketUrgency), int> cells, CancellationToken cancellationToken = default)
    {
        if (cells.Values.Any(v => v is < 1 or > 5))
        {
            return Result.Invalid("matrix", "Each cell is a priority from 1 (Critical) to 5 (Planning).");
        }

        var stored = await db.Set<PriorityCell>().ToListAsync(cancellationToken);
        foreach (var ((impact, urgency), priority) in cells)
        {
            var cell = stored.SingleOrDefault(c => c.Impact == impact && c.Urgency == urgency);
            if (cell is null)
            {
                db.Set<PriorityCell>().Add(new PriorityCell { Impact = impact, Urgency = urgency, Priority = priority });
            }
            else
            {
                cell.Priority = priority;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(await MatrixAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<TeamSettings>> TeamsAsync(CancellationToken cancellationToken = default)
    {
        var members = await db.Set<TeamMember>().AsNoTracking().ToListAsync(cancellationToken);
        return (await db.Set<Team>().AsNoTracking().OrderBy(t => t.Tier).ThenBy(t => t.Name).ToListAsync(cancellationToken))
            .Select(t => new TeamSettings(t.Id, t.Name, t.Tier, t.EscalatesToTeamId, t.LeadUserId, members.Where(m => m.TeamId == t.Id).Select(m => m.UserId).ToList()))
            .ToList();
    }

    /// <summary>Sets a team's members, lead and next tier; members and lead must be technicians.</summary>
    public async Task<Result<TeamSettings>> SaveTeamAsync(int id, IReadOnlyCollection<Guid> members, Guid? leadUserId, int? escalatesToTeamId, CancellationToken cancellationToken = default)
    {
        var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return Result.NotFound($"There is no team {id}.");
        }

        var wanted = members.Concat(leadUserId is { } lead ? [lead] : []).Distinct().ToList();
        var found = await users.FindAsync(wanted, cancellationToken);
        if (wanted.FirstOrDefault(w => !found.Any(u => u.Id == w && u.IsTechnician())) is { } stranger && stranger != Guid.Empty)
        {
            return Result.Invalid("members", "Only technicians can be members or leads of a team.");
        }

        if (escalatesToTeamId is { } next && (next == id || !await db.Set<Team>().AnyAsync(t => t.Id == next && t.Tier > team.Tier, cancellationToken)))
        {
            return Result.Invalid("escalatesToTeamId", "A team escalates to a team at a higher tier.");
        }

        team.LeadUserId = leadUserId;
        team.EscalatesToTeamId = escalatesToTeamId;
        var current = await db.Set<TeamMember>().Where(m => m.TeamId == id).ToListAsync(cancellationToken);
        db.Set<TeamMember>().RemoveRange(current.Where(m => !members.Contains(m.UserId)));
        db.Set<TeamMember>().AddRange(members.Distinct().Where(u => current.All(m => m.UserId != u)).Select(u => new TeamMember { TeamId = id, UserId = u }));
        await db.SaveChangesAsync(cancellationToken);
        return new TeamSettings(team.Id, team.Name, team.Tier, team.EscalatesToTeamId, team.LeadUserId, members.Distinct().ToList());
    }

    public async Task<IReadOnlyList<Macro>> MacrosAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Macro>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);

    public async Task<Result<Macro>> SaveMacroAsync(int? id, string? name, string? body, bool isPublic, TicketStatus? setStatus, bool active, CancellationToken cancellationToken = default)
    {
        var macro = id is { } existing ? await db.Set<Macro>().SingleOrDefaultAsync(m => m.Id == existing, cancellationToken) : null;
        if (id is not null && macro is null)
        {
            return Result.NotFound($"There is no macro {id}.");
        }

        name = name?.Trim() ?? "";
        body = body?.Trim() ?? "";
        var errors = new ErrorList();
        if (name.Length is 0 or > Macro.NameMaxLength)
        {
            errors.Add("name", $"Name the macro in up to {Macro.NameMaxLength} characters.");
        }
        else if (await db.Set<Macro>().AnyAsync(m => m.Name == name && m.Id != (id ?? 0), cancellationToken))
        {
            errors.Add("name", $"There is already a macro called “{name}”.");
        }

        if (body.Length is 0 or > Macro.BodyMaxLength)
        {
            errors.Add("body", "Write the reply or note the macro adds.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        macro ??= db.Set<Macro>().Add(new Macro { Name = name, Body = body }).Entity;
        (macro.Name, macro.Body, macro.IsPublic, macro.SetStatus, macro.Active) = (name, body, isPublic, setStatus, active);
        await db.SaveChangesAsync(cancellationToken);
        return macro;
    }
}
