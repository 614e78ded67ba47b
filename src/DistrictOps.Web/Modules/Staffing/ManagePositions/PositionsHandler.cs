using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>
/// A new position (<see cref="Id"/> chosen by the caller makes a retried add add once) or a changed one. <see cref="PersonId"/> is a
/// current staff member or null for vacant; <see cref="ReportsToId"/> a position of the same structure, null for the top.
/// </summary>
public sealed record SavePositionCommand(
    Guid? Id, OrgStructure? Structure, string? Title, string? JobFamily, decimal? Fte, Guid? ReportsToId, int? SupportTier, Guid? PersonId, string? Change);

/// <summary>A position as pages and the API show it, in chart order; <see cref="Depth"/> is how far below the top it sits.</summary>
public sealed record PositionRow(
    Guid Id, OrgStructure Structure, string Title, string JobFamily, decimal Fte, Guid? ReportsToId, string? ReportsTo, int? SupportTier,
    Guid? PersonId, string? Person, bool Filled, string? Change, int Order, int Depth);

public sealed record StructureTotals(int Positions, decimal Fte, int Filled, int Vacant, decimal FilledFte, decimal VacantFte);

public sealed record StructurePositions(OrgStructure Structure, StructureTotals Totals, IReadOnlyList<PositionRow> Positions, OrgChartLayout Chart);

/// <summary>The structures asked for, and with both, what the proposal changes title by title.</summary>
public sealed record PositionsOverview(IReadOnlyList<StructurePositions> Structures, IReadOnlyList<TitleChange>? Changes)
{
    public StructurePositions? Of(OrgStructure structure) => Structures.FirstOrDefault(s => s.Structure == structure);
}

/// <summary>The department's positions in the current and the proposed structure: who holds each, whom it reports to, and the org charts.</summary>
public sealed class PositionsHandler(AppDbContext db, IPeopleDirectory people)
{
    public const int JobFamilyMaxLength = 64;
    public const decimal MinFte = 0.05m;
    public const decimal MaxFte = 1.00m;

    /// <summary>The families the review's department uses, offered on the form; others may be typed.</summary>
    public static readonly IReadOnlyList<string> JobFamilies = ["Leadership", "Site support", "Help desk", "Network", "Systems", "Data services", "Administration"];

    public async Task<PositionsOverview> OverviewAsync(OrgStructure? only, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var positions = await db.Set<Position>().AsNoTracking().Where(p => only == null || p.Structure == only).ToListAsync(cancellationToken);
        var names = await NamesAsync(positions, reader, cancellationToken);
        var structures = Enum.GetValues<OrgStructure>().Where(s => only is null || s == only)
            .Select(s => Structure(s, positions.Where(p => p.Structure == s).ToList(), names)).ToList();
        var changes = only is null
            ? TitleChanges.Compare(Titled(positions, OrgStructure.Current), Titled(positions, OrgStructure.Proposed))
            : null;
        return new PositionsOverview(structures, changes);
    }

    public async Task<Result<PositionRow>> GetAsync(Guid id, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var structure = await db.Set<Position>().AsNoTracking().Where(p => p.Id == id).Select(p => (OrgStructure?)p.Structure).SingleOrDefaultAsync(cancellationToken);
        if (structure is null)
        {
            return Missing(id);
        }

        var overview = await OverviewAsync(structure, reader, cancellationToken);
        return overview.Structures[0].Positions.Single(p => p.Id == id);
    }

    public async Task<Result<PositionRow>> CreateAsync(SavePositionCommand command, DirectoryReader reader, CancellationToken cancellationToken)
    {
        if (command.Id is { } requested && await db.Set<Position>().AnyAsync(p => p.Id == requested, cancellationToken))
        {
            return await GetAsync(requested, reader, cancellationToken);
        }

        var errors = new ErrorList();
        if (command.Id == Guid.Empty)
        {
            errors.Add("id", "Leave the id out, or send a new GUID so a retried add adds the position once.");
        }

        var structure = command.Structure;
        if (structure is null || !Enum.IsDefined(structure.Value))
        {
            errors.Add("structure", "Say which structure the position belongs to: Current or Proposed.");
            return Result.Invalid(errors);
        }

        var position = new Position { Id = command.Id ?? Guid.NewGuid(), Structure = structure.Value, Title = "", JobFamily = "" };
        if (!(await ApplyAsync(command, position, isNew: true, errors, cancellationToken)).Any)
        {
            db.Add(position);
            await db.SaveChangesAsync(cancellationToken);
        }

        return errors.Any ? Result.Invalid(errors) : await GetAsync(position.Id, reader, cancellationToken);
    }

    public async Task<Result<PositionRow>> UpdateAsync(Guid id, SavePositionCommand command, DirectoryReader reader, CancellationToken cancellationToken)
    {
        if (await db.Set<Position>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } position)
        {
            return Missing(id);
        }

        var errors = new ErrorList();
        if (command.Structure is { } structure && structure != position.Structure)
        {
            errors.Add("structure", $"A position stays in its structure ({position.Structure}); add a position to the {structure} structure instead.");
        }

        if ((await ApplyAsync(command, position, isNew: false, errors, cancellationToken)).Any)
        {
            return Result.Invalid(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, reader, cancellationToken);
    }

    /// <summary>Deletes a position no other position reports to.</summary>
    public async Task<Result<PositionRow>> DeleteAsync(Guid id, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var found = await GetAsync(id, reader, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var reports = await db.Set<Position>().CountAsync(p => p.ReportsToId == id, cancellationToken);
        if (reports > 0)
        {
            return Result.Conflict($"{reports} position{(reports == 1 ? "" : "s")} report to {found.Value.Title}: move {(reports == 1 ? "it" : "them")} to another manager or delete {(reports == 1 ? "it" : "them")} first.");
        }

        await db.Set<Position>().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        return found;
    }

    /// <summary>Current staff (never students or guardians) whose name has a word starting with each word typed, or whose email starts with it or employee id is it.</summary>
    public async Task<IReadOnlyList<PersonSummary>> FindStaffAsync(string? query, int take, CancellationToken cancellationToken)
    {
        var words = (query ?? "").Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var term = query!.Trim();
        return (await people.CurrentStaffAsync(cancellationToken)).Where(p =>
                words.All(w => p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(n => n.StartsWith(w, StringComparison.OrdinalIgnoreCase)))
                || (words.Length == 1 && (p.Email?.StartsWith(term, StringComparison.OrdinalIgnoreCase) == true || p.EmployeeId == term)))
            .Take(take).ToList();
    }

    /// <summary>A staff member the form shows as the chosen holder; null for anyone else.</summary>
    public async Task<PersonSummary?> StaffMemberAsync(Guid personId, DirectoryReader reader, CancellationToken cancellationToken) =>
        (await people.FindManyAsync([personId], reader, cancellationToken)).FirstOrDefault(p => p.Kind is not ("Student" or "Guardian"));

    /// <summary>Both structures, one row per position in chart order, for CSV and XLSX.</summary>
    public async Task<ExportTable> ExportAsync(DirectoryReader reader, CancellationToken cancellationToken)
    {
        var overview = await OverviewAsync(null, reader, cancellationToken);
        var rows = overview.Structures.SelectMany(s => s.Positions).Select(p => (IReadOnlyList<object?>)
        [
            p.Structure.ToString(), p.Title, p.JobFamily, p.Fte, p.ReportsTo, p.SupportTier, p.Filled ? "Filled" : "Vacant", p.Person, p.Change, p.Depth, p.Id.ToString(), p.ReportsToId?.ToString(),
        ]).ToList();
        return new ExportTable("Positions",
        [
            new("structure"), new("title"), new("job_family"), new("fte", ExportKind.Number), new("reports_to"), new("support_tier", ExportKind.Number), new("status"),
            new("person"), new("change"), new("level", ExportKind.Number), new("position_id"), new("reports_to_id"),
        ], rows);
    }

    private async Task<ErrorList> ApplyAsync(SavePositionCommand command, Position position, bool isNew, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Required("title", command.Title, "Give the position's title, e.g. Technology Support Specialist 1.");
        errors.MaxLength("title", title, Position.TitleMaxLength);
        var family = errors.Required("jobFamily", command.JobFamily, $"Give the job family, e.g. {string.Join(", ", JobFamilies)}.");
        errors.MaxLength("jobFamily", family, JobFamilyMaxLength);
        if (command.Fte is not { } fte || fte < MinFte || fte > MaxFte || decimal.Round(fte, 2) != fte)
        {
            errors.Add("fte", "Give the FTE as a number from 0.05 to 1.00 with at most two decimals (1.00 full time, 0.50 half time).");
        }

        if (command.SupportTier is { } tier && tier is not (1 or 2))
        {
            errors.Add("supportTier", "The support tier is 1 (site technician), 2 (second tier) or empty for other positions.");
        }

        errors.MaxLength("change", command.Change, Position.ChangeMaxLength);
        var others = await db.Set<Position>().AsNoTracking().Where(p => p.Structure == position.Structure && p.Id != position.Id).ToListAsync(cancellationToken);
        CheckReportsTo(command.ReportsToId, position, others, errors);
        await CheckPersonAsync(command.PersonId, command.Fte ?? 0, position, others, errors, cancellationToken);
        if (errors.Any)
        {
            return errors;
        }

        if (isNew || position.ReportsToId != command.ReportsToId)
        {
            position.Order = others.Where(p => p.ReportsToId == command.ReportsToId).Select(p => p.Order + 1).DefaultIfEmpty(0).Max();
        }

        (position.Title, position.JobFamily, position.Fte, position.ReportsToId) = (title!, family!, command.Fte!.Value, command.ReportsToId);
        (position.SupportTier, position.PersonId, position.Change) = (command.SupportTier, command.PersonId, string.IsNullOrWhiteSpace(command.Change) ? null : command.Change.Trim());
        return errors;
    }

    /// <summary>The manager is a position of the same structure that is not this one or below it; only one position is the top.</summary>
    private static void CheckReportsTo(Guid? reportsToId, Position position, List<Position> others, ErrorList errors)
    {
        if (reportsToId is not { } managerId)
        {
            if (others.FirstOrDefault(p => p.ReportsToId is null) is { } top)
            {
                errors.Add("reportsToId", $"{top.Title} is the top of the {position.Structure.ToString().ToLowerInvariant()} structure; choose whom this position reports to.");
            }

            return;
        }

        var byId = others.ToDictionary(p => p.Id);
        if (managerId == position.Id)
        {
            errors.Add("reportsToId", "A position cannot report to itself; choose its manager.");
            return;
        }

        if (!byId.TryGetValue(managerId, out var manager))
        {
            errors.Add("reportsToId", $"Position {managerId} is not in the {position.Structure.ToString().ToLowerInvariant()} structure; a position reports to one in its own structure.");
            return;
        }

        var steps = 0;
        for (var above = manager; above is not null && steps++ <= others.Count; above = above.ReportsToId is { } next ? byId.GetValueOrDefault(next) : null)
        {
            if (above.ReportsToId == position.Id)
            {
                errors.Add("reportsToId", $"{manager.Title} reports, directly or through others, to this position: choosing it would make a circle.");
                return;
            }
        }
    }

    /// <summary>The holder is a current staff member whose positions in the structure add up to at most one FTE.</summary>
    private async Task CheckPersonAsync(Guid? personId, decimal fte, Position position, List<Position> others, ErrorList errors, CancellationToken cancellationToken)
    {
        if (personId is not { } id || id == position.PersonId)
        {
            return;
        }

        if ((await people.CurrentStaffAsync(cancellationToken)).FirstOrDefault(p => p.Id == id) is not { } person)
        {
            errors.Add("personId", $"Person {id} is not a current staff member; choose one by name, or leave the position vacant.");
            return;
        }

        var held = others.Where(p => p.PersonId == id).ToList();
        if (held.Sum(p => p.Fte) + fte > MaxFte)
        {
            errors.Add("personId", $"{person.Name} already holds {string.Join(", ", held.Select(p => p.Title))} ({held.Sum(p => p.Fte).ToString("0.00", CultureInfo.InvariantCulture)} FTE) in this structure; together more than 1.00 FTE.");
        }
    }

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(List<Position> positions, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var ids = positions.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, string>() : (await people.FindManyAsync(ids, reader, cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
    }

    private static StructurePositions Structure(OrgStructure structure, List<Position> positions, IReadOnlyDictionary<Guid, string> names)
    {
        var byId = positions.ToDictionary(p => p.Id);
        var layout = OrgChart.Layout(positions.Select(p => new ChartPosition(p.Id, p.Title, p.ReportsToId, p.Order, p.Fte,
            p.PersonId is { } person ? names.GetValueOrDefault(person, "") : null, p.Change?.StartsWith("New", StringComparison.OrdinalIgnoreCase) == true)).ToList());
        var rows = layout.Boxes.SelectMany(box => box.PositionIds.Select(id => (Box: box, Position: byId[id]))).Select(x =>
        {
            var p = x.Position;
            var manager = p.ReportsToId is { } m ? byId.GetValueOrDefault(m) : null;
            return new PositionRow(p.Id, p.Structure, p.Title, p.JobFamily, TwoPlaces(p.Fte), p.ReportsToId, manager?.Title, p.SupportTier, p.PersonId,
                p.PersonId is { } person ? names.GetValueOrDefault(person) : null, p.PersonId is not null, p.Change, p.Order, x.Box.Depth);
        }).ToList();
        var filled = rows.Where(r => r.Filled).ToList();
        var totals = new StructureTotals(rows.Count, rows.Sum(r => r.Fte), filled.Count, rows.Count - filled.Count, filled.Sum(r => r.Fte), rows.Where(r => !r.Filled).Sum(r => r.Fte));
        return new StructurePositions(structure, totals, rows, layout);
    }

    /// <summary>FTE with two decimals whatever the database kept (SQLite keeps 1.0, PostgreSQL 1.00), so pages, JSON and exports agree.</summary>
    private static decimal TwoPlaces(decimal fte) => decimal.Round(fte, 2) + 0.00m;

    private static List<TitledPosition> Titled(List<Position> positions, OrgStructure structure) =>
        positions.Where(p => p.Structure == structure).OrderBy(p => p.Order).Select(p => new TitledPosition(p.Title, TwoPlaces(p.Fte), p.Change)).ToList();

    private static Failure Missing(Guid id) => Result.NotFound($"There is no position {id}.");
}
