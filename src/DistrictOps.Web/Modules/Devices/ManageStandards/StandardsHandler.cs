using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ManageStandards;

/// <summary>A standard's fields as a person or the API gives them: cost in dollars, grades as OneRoster codes.</summary>
public sealed record SaveStandardCommand(
    string? Name, string? Manufacturer, string? Model, string? Configuration, string? ImageName, string? ImageVersion, string? Grades,
    string? UnitCost, int? ExpectedLifeYears, DateOnly? SupportEnds, int? Version = null);

public sealed record RecordCheckCommand(CheckItem Item, CheckResult Result, string? Notes);

public sealed record CheckRow(CheckItem Item, CheckResult Result, string? Notes, string? CheckedByName, DateTimeOffset? CheckedAt);

public sealed record StandardRow(
    Guid Id, string Name, string Manufacturer, string Model, string? Configuration, string? ImageName, string? ImageVersion, string Status,
    DateOnly? ApprovedOn, string? ApprovedByName, DateOnly? RetiredOn, string? Grades, long UnitCostCents, int ExpectedLifeYears, DateOnly? SupportEnds,
    int Version, int Devices, IReadOnlyList<CheckRow> Checks)
{
    public string UnitCost => Money.Format(UnitCostCents);
}

/// <summary>
/// Device standards: written and changed while proposed, their compatibility checklist recorded item by item, approved only
/// when every item passed (the review: tablets arrived without document camera and printer drivers), retired when no
/// longer bought. An approved standard's model and image are fixed; a new image version is a new standard.
/// </summary>
public sealed class StandardsHandler(AppDbContext db, DeviceHistory history)
{
    private static readonly string[] GradeCodes = ["PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];

    public async Task<IReadOnlyList<StandardRow>> ListAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<Device>().GroupBy(d => d.StandardId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var standards = await db.Set<DeviceStandard>().AsNoTracking().Include(s => s.Checks).ToListAsync(cancellationToken);
        return standards.OrderBy(s => s.Status).ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => Row(s, counts.GetValueOrDefault(s.Id))).ToList();
    }

    public async Task<Result<StandardRow>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var standard = await db.Set<DeviceStandard>().AsNoTracking().Include(s => s.Checks).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return standard is null ? Missing(id) : await RowAsync(standard, cancellationToken);
    }

    public async Task<Result<StandardRow>> CreateAsync(SaveStandardCommand command, CancellationToken cancellationToken)
    {
        var standard = new DeviceStandard { Id = Guid.CreateVersion7(), Name = "", Manufacturer = "", Model = "", Status = StandardStatus.Proposed };
        var errors = await ApplyAsync(command, standard, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        standard.Checks.AddRange(Enum.GetValues<CheckItem>().Select(item => new StandardCheck { StandardId = standard.Id, Item = item }));
        standard.UpdatedAt = history.Now;
        db.Add(standard);
        await db.SaveChangesAsync(cancellationToken);
        return Row(standard, 0);
    }

    public async Task<Result<StandardRow>> UpdateAsync(Guid id, SaveStandardCommand command, CancellationToken cancellationToken)
    {
        var standard = await TrackedAsync(id, cancellationToken);
        if (standard is null)
        {
            return Missing(id);
        }

        if (command.Version is { } version && version != standard.Version)
        {
            return Result.Conflict($"Someone changed {standard.Name} since you opened it; open it again to see their change.");
        }

        var before = (standard.Manufacturer, standard.Model, standard.Configuration, standard.ImageName, standard.ImageVersion);
        var errors = await ApplyAsync(command, standard, cancellationToken);
        if (standard.Status != StandardStatus.Proposed && before != (standard.Manufacturer, standard.Model, standard.Configuration, standard.ImageName, standard.ImageVersion))
        {
            errors.Add("imageVersion", "An approved standard's model, configuration and image are fixed: write a new standard for a new image, so its checklist is tested again.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (db.Entry(standard).State == EntityState.Modified)
        {
            standard.UpdatedAt = history.Now;
            standard.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await RowAsync(standard, cancellationToken);
    }

    public async Task<Result<StandardRow>> RecordCheckAsync(Guid id, RecordCheckCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var standard = await TrackedAsync(id, cancellationToken);
        if (standard is null)
        {
            return Missing(id);
        }

        var errors = new ErrorList();
        errors.Defined("item", (CheckItem?)command.Item);
        errors.Defined("result", (CheckResult?)command.Result);
        errors.MaxLength("notes", command.Notes, StandardCheck.NotesMaxLength);
        if (command.Result == CheckResult.Fail && string.IsNullOrWhiteSpace(command.Notes))
        {
            errors.Add("notes", "Say what failed (the driver, printer or app), so the imaging contractor can fix it.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (standard.Status != StandardStatus.Proposed)
        {
            return Result.Conflict($"{standard.Name} is {standard.Status.ToString().ToLowerInvariant()}; its checklist was closed when it was approved.");
        }

        var check = standard.Checks.Single(c => c.Item == command.Item);
        var notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
        if (check.Result != command.Result || check.Notes != notes)
        {
            (check.Result, check.Notes, check.CheckedByName, check.CheckedAt) = (command.Result, notes, user.Name, history.Now);
            standard.UpdatedAt = history.Now;
            standard.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await RowAsync(standard, cancellationToken);
    }

    public async Task<Result<StandardRow>> ApproveAsync(Guid id, DeviceUser user, CancellationToken cancellationToken)
    {
        var standard = await TrackedAsync(id, cancellationToken);
        if (standard is null)
        {
            return Missing(id);
        }

        if (standard.Status == StandardStatus.Approved)
        {
            return await RowAsync(standard, cancellationToken);
        }

        if (standard.Status == StandardStatus.Retired)
        {
            return Result.Conflict($"{standard.Name} is retired; write a new standard instead.");
        }

        var open = standard.Checks.Where(c => c.Result != CheckResult.Pass).OrderBy(c => c.Item).ToList();
        if (open.Count > 0)
        {
            return Result.Conflict("Every compatibility check must pass before approval; not yet: " +
                string.Join(", ", open.Select(c => $"{CheckNames.Of(c.Item)} ({(c.Result == CheckResult.Fail ? "failed" : "not tested")})")) + ".");
        }

        (standard.Status, standard.ApprovedOn, standard.ApprovedByName, standard.UpdatedAt) = (StandardStatus.Approved, history.Today, user.Name, history.Now);
        standard.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await RowAsync(standard, cancellationToken);
    }

    public async Task<Result<StandardRow>> RetireAsync(Guid id, CancellationToken cancellationToken)
    {
        var standard = await TrackedAsync(id, cancellationToken);
        if (standard is null)
        {
            return Missing(id);
        }

        if (standard.Status != StandardStatus.Retired)
        {
            (standard.Status, standard.RetiredOn, standard.UpdatedAt) = (StandardStatus.Retired, history.Today, history.Now);
            standard.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await RowAsync(standard, cancellationToken);
    }

    private async Task<ErrorList> ApplyAsync(SaveStandardCommand command, DeviceStandard standard, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var name = errors.Required("name", command.Name, "Name the standard, e.g. \u201cStudent tablet 2026\u201d.");
        errors.MaxLength("name", name, DeviceStandard.NameMaxLength);
        var manufacturer = errors.Required("manufacturer", command.Manufacturer, "Give the manufacturer.");
        errors.MaxLength("manufacturer", manufacturer, DeviceStandard.TextMaxLength);
        var model = errors.Required("model", command.Model, "Give the model.");
        errors.MaxLength("model", model, DeviceStandard.TextMaxLength);
        foreach (var (field, value) in new[] { ("configuration", command.Configuration), ("imageName", command.ImageName), ("imageVersion", command.ImageVersion) })
        {
            errors.MaxLength(field, value, DeviceStandard.TextMaxLength);
        }

        var grades = Grades(command.Grades, errors);
        var cost = Money.Parse(command.UnitCost);
        if (cost is null)
        {
            errors.Add("unitCost", $"Give the unit cost in dollars, e.g. 349.00; got \u201c{command.UnitCost}\u201d.");
        }

        if (command.ExpectedLifeYears is null)
        {
            errors.Add("expectedLifeYears", "Give the expected life in years (most districts plan 4 to 6).");
        }

        errors.Range("expectedLifeYears", command.ExpectedLifeYears, 1, 15);
        if (name is not null && await db.Set<DeviceStandard>().AnyAsync(s => s.Name == name && s.Id != standard.Id, cancellationToken))
        {
            errors.Add("name", $"Another standard is already called {name}.");
        }

        if (!errors.Any)
        {
            (standard.Name, standard.Manufacturer, standard.Model) = (name!, manufacturer!, model!);
            (standard.Configuration, standard.ImageName, standard.ImageVersion) = (Blank(command.Configuration), Blank(command.ImageName), Blank(command.ImageVersion));
            (standard.Grades, standard.UnitCostCents, standard.ExpectedLifeYears, standard.SupportEnds) = (grades, cost!.Value, command.ExpectedLifeYears!.Value, command.SupportEnds);
        }

        return errors;
    }

    private static string? Grades(string? text, ErrorList errors)
    {
        var codes = (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.ToUpperInvariant()).Select(g => g == "K" ? "KG" : g.Length == 1 && char.IsAsciiDigit(g[0]) ? "0" + g : g).Distinct().ToList();
        var unknown = codes.Where(g => !GradeCodes.Contains(g)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("grades", $"Unknown grade {string.Join(", ", unknown)}; use {string.Join(", ", GradeCodes)}.");
            return null;
        }

        return codes.Count == 0 ? null : string.Join(',', codes.OrderBy(g => Array.IndexOf(GradeCodes, g)));
    }

    private Task<DeviceStandard?> TrackedAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<DeviceStandard>().Include(s => s.Checks).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    private async Task<StandardRow> RowAsync(DeviceStandard standard, CancellationToken cancellationToken) =>
        Row(standard, await db.Set<Device>().CountAsync(d => d.StandardId == standard.Id, cancellationToken));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Failure Missing(Guid id) => Result.NotFound($"There is no device standard {id.ToString("D", CultureInfo.InvariantCulture)}.");

    private static StandardRow Row(DeviceStandard s, int devices) => new(
        s.Id, s.Name, s.Manufacturer, s.Model, s.Configuration, s.ImageName, s.ImageVersion, s.Status.ToString(), s.ApprovedOn, s.ApprovedByName, s.RetiredOn,
        s.Grades, s.UnitCostCents, s.ExpectedLifeYears, s.SupportEnds, s.Version, devices,
        s.Checks.OrderBy(c => c.Item).Select(c => new CheckRow(c.Item, c.Result, c.Notes, c.CheckedByName, c.CheckedAt)).ToList());
}

/// <summary>The checklist's items as people say them.</summary>
public static class CheckNames
{
    public static string Of(CheckItem item) => item switch
    {
        CheckItem.DocumentCameras => "Document cameras",
        CheckItem.Printers => "Printers",
        CheckItem.CoreSoftware => "Core software",
        CheckItem.Wireless => "Wireless",
        CheckItem.DomainJoin => "Domain join",
        CheckItem.ManagementEnrolment => "Device management enrolment",
        _ => item.ToString(),
    };
}
