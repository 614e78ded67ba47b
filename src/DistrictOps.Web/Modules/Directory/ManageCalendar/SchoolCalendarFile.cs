using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

public sealed record NoSchoolDate(DateOnly Date, string Name);

/// <summary>Shorter hours on one date, as local times in <see cref="TimeZoneId"/>; Line is where the event begins.</summary>
public sealed record MinimumDay(DateOnly Date, SchoolHours Hours, string Name, string TimeZoneId, int Line);

/// <summary>Line is null when the problem is about the whole file.</summary>
public sealed record CalendarFileProblem(string FileName, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{FileName}: line {line}: {Message}" : $"{FileName}: {Message}";
}

/// <summary>What an .ics school calendar says; usable for a schedule only when it has no errors.</summary>
public sealed record SchoolCalendarFile(
    string FileName,
    IReadOnlyList<InstructionalYear> InstructionalYears,
    IReadOnlyList<NoSchoolDate> NoSchoolDates,
    IReadOnlyList<MinimumDay> MinimumDays,
    IReadOnlyList<CalendarFileProblem> Errors,
    IReadOnlyList<CalendarFileProblem> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}
