using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Contracts;

public sealed record InstructionalYear(DateOnly FirstDay, DateOnly LastDay)
{
    public DateOnly FirstDay { get; } = FirstDay <= LastDay
        ? FirstDay
        : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Instructional year {FirstDay:yyyy-MM-dd}..{LastDay:yyyy-MM-dd} ends before it begins; expected LastDay on or after FirstDay."), nameof(LastDay));

    public DateOnly LastDay { get; } = LastDay;

    public bool Contains(DateOnly date) => FirstDay <= date && date <= LastDay;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FirstDay:yyyy-MM-dd}..{LastDay:yyyy-MM-dd}");
}
