using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Contracts;

public sealed record SchoolHours(TimeOnly Start, TimeOnly End)
{
    public TimeOnly Start { get; } = Start < End
        ? Start
        : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"School hours {Start:HH:mm}-{End:HH:mm} do not end after they start; expected Start before End on the same day."), nameof(End));

    public TimeOnly End { get; } = End;

    public TimeSpan Length => End - Start;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start:HH:mm}-{End:HH:mm}");
}
