using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ForecastRefresh;

public sealed record SaveFundingCommand(string? Name, string? AnnualAmount, int? EndsYear, bool Active = true);

public sealed record FundingRow(Guid Id, string Name, long AnnualCents, int? EndsYear, bool Active, int Devices);

/// <summary>The district's funding sources for devices (bond, general fund, grants): what each gives a year and until when.</summary>
public sealed class FundingHandler(AppDbContext db)
{
    public async Task<IReadOnlyList<FundingRow>> ListAsync(CancellationToken cancellationToken)
    {
        var devices = await db.Set<Device>().Where(d => d.FundingSourceId != null).GroupBy(d => d.FundingSourceId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (await db.Set<FundingSource>().AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(f => f.Active).ThenBy(f => f.Name, StringComparer.CurrentCulture)
            .Select(f => new FundingRow(f.Id, f.Name, f.AnnualCents, f.EndsYear, f.Active, devices.GetValueOrDefault(f.Id))).ToList();
    }

    /// <summary>Adds a source, or changes the one with the same name; the same values again change nothing.</summary>
    public async Task<Result<FundingRow>> SaveAsync(SaveFundingCommand command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var name = errors.Required("name", command.Name, "Name the source, e.g. Measure B bond, General fund, E-Rate grant.");
        errors.MaxLength("name", name, FundingSource.NameMaxLength);
        var annual = Money.Parse(string.IsNullOrWhiteSpace(command.AnnualAmount) ? "0" : command.AnnualAmount);
        if (annual is null)
        {
            errors.Add("annualAmount", $"Give the yearly amount in dollars, e.g. 1,200,000; got \u201c{command.AnnualAmount}\u201d.");
        }

        errors.Range("endsYear", command.EndsYear, 2000, 2100, "Give the last year (e.g. 2029) or leave it empty when the source has no end.");
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var source = await db.Set<FundingSource>().SingleOrDefaultAsync(f => f.Name == name, cancellationToken);
        if (source is null)
        {
            source = new FundingSource { Id = Guid.CreateVersion7(), Name = name! };
            db.Add(source);
        }

        (source.AnnualCents, source.EndsYear, source.Active) = (annual!.Value, command.EndsYear, command.Active);
        await db.SaveChangesAsync(cancellationToken);
        return new FundingRow(source.Id, source.Name, source.AnnualCents, source.EndsYear, source.Active,
            await db.Set<Device>().CountAsync(d => d.FundingSourceId == source.Id, cancellationToken));
    }
}
