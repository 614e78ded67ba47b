using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Demo;

internal sealed record StaffMember(string? SourcedId, string EmployeeId, string GivenName, string FamilyName, string Email);

/// <summary>
/// Hires the demo staff: one HR row each, and for people in the roster also a OneRoster user and role. Usernames are
/// given.family, then given.family2, 3 … on a clash, never reused; the employee id is the user's identifier.
/// </summary>
internal sealed class StaffRegistry(DemoPackage package, Random random, UsernameParts parts)
{
    public const string EmailDomain = "bayview.example";

    private static readonly DateOnly EarliestStart = new(1996, 8, 1);
    private static readonly DateOnly LatestStart = new(2026, 8, 3);

    private readonly HashSet<string> _usernames = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Title, string Sites), (string Given, string Family)> _reserved = [];
    private readonly HashSet<string> _reservedNames = new(StringComparer.Ordinal);
    private int _employees;

    public int Users { get; private set; }

    /// <summary>
    /// The next hire with this title at these sites (not a leaver) gets this name, and nobody else does: a demo account's
    /// person. The names of other hires are drawn as before, so the rest of the district stays the same.
    /// </summary>
    public void Reserve(string positionTitle, string siteSourcedIds, string given, string family)
    {
        _reserved.Add((positionTitle, siteSourcedIds), (given, family));
        _reservedNames.Add(given + " " + family);
    }

    public StaffMember AddUser(string orgSourcedId, string role, string positionTitle, string department)
    {
        var (given, family, reserved) = NewName(positionTitle, orgSourcedId, eligible: true);
        var username = Username(given, family);
        var member = new StaffMember(
            "stf-" + (++Users).ToString("000000", CultureInfo.InvariantCulture), NextEmployeeId(), given, family, username + "@" + EmailDomain);
        package.User(member.SourcedId!, username, given, family, null, member.EmployeeId, member.Email, null, null, orgSourcedId);
        package.Role(member.SourcedId!, primary: true, role, orgSourcedId);
        var onLeave = random.Chance(0.03) && !reserved;
        Hr(member, positionTitle, department, orgSourcedId, onLeave ? "leave" : "active", StartDate(LatestStart), null);
        return member;
    }

    public StaffMember AddHrOnly(string positionTitle, string department, string siteSourcedIds, string status, DateOnly? start = null, DateOnly? end = null)
    {
        var (given, family, _) = NewName(positionTitle, siteSourcedIds, eligible: status != "terminated");
        var member = new StaffMember(null, NextEmployeeId(), given, family, Username(given, family) + "@" + EmailDomain);
        Hr(member, positionTitle, department, siteSourcedIds, status, start ?? StartDate(end?.AddYears(-1) ?? LatestStart), end);
        return member;
    }

    private DateOnly StartDate(DateOnly latest)
    {
        var start = random.Between(EarliestStart, latest);
        return start.DayOfWeek switch
        {
            DayOfWeek.Saturday => start.AddDays(2),
            DayOfWeek.Sunday => start.AddDays(1),
            _ => start,
        };
    }

    private void Hr(StaffMember member, string positionTitle, string department, string siteSourcedIds, string status, DateOnly start, DateOnly? end) =>
        package.Staff.Row(member.EmployeeId, member.SourcedId, member.GivenName, member.FamilyName, member.Email, positionTitle, department,
            siteSourcedIds, status, DemoSchoolYear.Format(start), end is { } e ? DemoSchoolYear.Format(e) : null);

    private (string Given, string Family, bool Reserved) NewName(string positionTitle, string siteSourcedIds, bool eligible)
    {
        string given, family;
        do
        {
            var culture = random.OneOf(NameCulture.Staff);
            given = random.One(random.Chance(0.5) ? culture.Female : culture.Male);
            family = random.One(culture.Family);
        }
        while (_reservedNames.Contains(given + " " + family));

        return eligible && _reserved.Remove((positionTitle, siteSourcedIds), out var name) ? (name.Given, name.Family, true) : (given, family, false);
    }

    private string Username(string given, string family)
    {
        var stem = parts.Of(given) + "." + parts.Of(family);
        var username = stem;
        for (var n = 2; !_usernames.Add(username); n++)
        {
            username = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return username;
    }

    private string NextEmployeeId() => "E" + (++_employees).ToString("00000", CultureInfo.InvariantCulture);
}
