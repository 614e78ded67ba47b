using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.StockParts;

/// <summary>A part in stock; <see cref="Low"/> when what is on hand has fallen to the reorder level or below it.</summary>
public sealed record PartRow(Guid Id, string PartNumber, string Name, Guid? StandardId, string? StandardName, int OnHand, int ReorderLevel, long UnitCostCents)
{
    public bool Low => StockPartsHandler.IsLow(OnHand, ReorderLevel);
}

public sealed record StandardChoice(Guid Id, string Name);

/// <summary>A part's fields; <see cref="OnHand"/> only when the part is added (afterwards stock changes by receiving and by repairs).</summary>
public sealed record SavePart(string? PartNumber, string? Name, Guid? StandardId = null, int? ReorderLevel = null, long? UnitCostCents = null, int? OnHand = null);

/// <summary>
/// Stock received. <see cref="OnHandBefore"/> is the count the person saw: when it changed meanwhile (or this receipt was
/// already counted, a retried post) nothing is added.
/// </summary>
public sealed record ReceiveParts(int? Quantity, int? OnHandBefore = null);

/// <summary>The parts inventory: spare screens, batteries and keyboards with the level at which to reorder; repairs take from it.</summary>
public sealed class StockPartsHandler(AppDbContext db)
{
    public const int MaxCount = 100_000;
    public const long MaxUnitCents = 10_000_000;

    public static bool IsLow(int onHand, int reorderLevel) => onHand <= reorderLevel;

    public async Task<PagedResult<PartRow>> ListAsync(bool lowOnly, string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var parts = db.Set<Part>().AsNoTracking();
        if (lowOnly)
        {
            parts = parts.Where(p => p.OnHand <= p.ReorderLevel);
        }

        if (search?.Trim() is { Length: > 0 } words)
        {
            var pattern = "%" + new string(words.Where(c => c is not ('%' or '_' or '\\')).ToArray()) + "%";
            parts = db.Database.IsSqlite()
                ? parts.Where(p => EF.Functions.Like(p.PartNumber, pattern) || EF.Functions.Like(p.Name, pattern))
                : parts.Where(p => EF.Functions.ILike(p.PartNumber, pattern) || EF.Functions.ILike(p.Name, pattern));
        }

        return await Rows(parts.OrderBy(p => p.PartNumber)).ToPagedResultAsync(page, cancellationToken);
    }

    public async Task<Result<PartRow>> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Rows(db.Set<Part>().AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken) is { } part
            ? part
            : Result.NotFound($"There is no part {id}.");

    public async Task<IReadOnlyList<StandardChoice>> StandardsAsync(CancellationToken cancellationToken) =>
        await db.Set<DeviceStandard>().AsNoTracking().OrderBy(s => s.Name).Select(s => new StandardChoice(s.Id, s.Name)).ToListAsync(cancellationToken);

    /// <summary>Adds a part; the same part number again with the same fields changes nothing.</summary>
    public async Task<Result<PartRow>> CreateAsync(SavePart command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var (number, name) = await CheckAsync(command, errors, cancellationToken);
        errors.Range("onHand", command.OnHand, 0, MaxCount, $"On hand: expected a whole number from 0 to {MaxCount}; got {command.OnHand}.");
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (await db.Set<Part>().AsNoTracking().FirstOrDefaultAsync(p => p.PartNumber == number, cancellationToken) is { } existing)
        {
            return existing.Name == name && existing.StandardId == command.StandardId && existing.ReorderLevel == (command.ReorderLevel ?? 0)
                && existing.UnitCostCents == (command.UnitCostCents ?? 0) && existing.OnHand == (command.OnHand ?? 0)
                ? await FindAsync(existing.Id, cancellationToken)
                : Result.Conflict($"There is already a part {existing.PartNumber} ({existing.Name}); edit it instead.");
        }

        var part = new Part
        {
            Id = Guid.NewGuid(), PartNumber = number!, Name = name!, StandardId = command.StandardId, OnHand = command.OnHand ?? 0,
            ReorderLevel = command.ReorderLevel ?? 0, UnitCostCents = command.UnitCostCents ?? 0,
        };
        db.Add(part);
        await db.SaveChangesAsync(cancellationToken);
        return await FindAsync(part.Id, cancellationToken);
    }

    /// <summary>Changes a part's number, name, standard, reorder level and unit cost; what is on hand stays (receive stock to add).</summary>
    public async Task<Result<PartRow>> UpdateAsync(Guid id, SavePart command, CancellationToken cancellationToken)
    {
        if (await db.Set<Part>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } part)
        {
            return Result.NotFound($"There is no part {id}.");
        }

        var errors = new ErrorList();
        var (number, name) = await CheckAsync(command, errors, cancellationToken);
        if (command.OnHand is { } onHand && onHand != part.OnHand)
        {
            errors.Add("onHand", $"On hand changes by receiving stock and by repairs; it is {part.OnHand}.");
        }

        if (number is not null && await db.Set<Part>().AnyAsync(p => p.Id != id && p.PartNumber == number, cancellationToken))
        {
            errors.Add("partNumber", $"Another part has the number {number}.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        (part.PartNumber, part.Name, part.StandardId) = (number!, name!, command.StandardId);
        (part.ReorderLevel, part.UnitCostCents) = (command.ReorderLevel ?? part.ReorderLevel, command.UnitCostCents ?? part.UnitCostCents);
        await db.SaveChangesAsync(cancellationToken);
        return await FindAsync(id, cancellationToken);
    }

    /// <summary>Adds received stock to what is on hand, in one statement, so a repair taking parts at the same moment is not lost.</summary>
    public async Task<Result<PartRow>> ReceiveAsync(Guid id, ReceiveParts command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (command.Quantity is null)
        {
            errors.Add("quantity", "Give how many arrived.");
        }

        errors.Range("quantity", command.Quantity, 1, MaxCount, $"Quantity: expected a whole number from 1 to {MaxCount}; got {command.Quantity}.");
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var quantity = command.Quantity!.Value;
        var parts = db.Set<Part>().Where(p => p.Id == id);
        if (command.OnHandBefore is { } before)
        {
            parts = parts.Where(p => p.OnHand == before);
        }

        if (await parts.ExecuteUpdateAsync(s => s.SetProperty(p => p.OnHand, p => p.OnHand + quantity), cancellationToken) == 1)
        {
            return await FindAsync(id, cancellationToken);
        }

        var now = await db.Set<Part>().AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.OnHand).FirstOrDefaultAsync(cancellationToken);
        return now is null
            ? Result.NotFound($"There is no part {id}.")
            : Result.Conflict($"On hand is now {now}, not the {command.OnHandBefore} you saw (the stock changed, or this receipt was already added); nothing was added.");
    }

    private async Task<(string? Number, string? Name)> CheckAsync(SavePart command, ErrorList errors, CancellationToken cancellationToken)
    {
        // Part numbers are codes: kept in upper case, so "5d10t45069" finds 5D10T45069.
        var number = errors.Required("partNumber", command.PartNumber, "Give the part number, as the vendor writes it.")?.ToUpperInvariant();
        errors.MaxLength("partNumber", number, Part.NameMaxLength);
        var name = errors.Required("name", command.Name, "Name the part, for example “Screen 10.1 in”.");
        errors.MaxLength("name", name, Part.NameMaxLength);
        errors.Range("reorderLevel", command.ReorderLevel, 0, MaxCount, $"Reorder level: expected a whole number from 0 to {MaxCount}; got {command.ReorderLevel}.");
        if (command.UnitCostCents is < 0 or > MaxUnitCents)
        {
            errors.Add("unitCostCents", $"Unit cost: expected an amount from $0.00 to {Money.Format(MaxUnitCents)}; got {command.UnitCostCents} cents.");
        }

        if (command.StandardId is { } standardId && !await db.Set<DeviceStandard>().AnyAsync(s => s.Id == standardId, cancellationToken))
        {
            errors.Add("standardId", $"There is no device standard {standardId}.");
        }

        return (number, name);
    }

    private IQueryable<PartRow> Rows(IQueryable<Part> parts) =>
        parts.Select(p => new PartRow(p.Id, p.PartNumber, p.Name, p.StandardId,
            db.Set<DeviceStandard>().Where(s => s.Id == p.StandardId).Select(s => s.Name).FirstOrDefault(), p.OnHand, p.ReorderLevel, p.UnitCostCents));
}
