using DistrictOps.Web.Modules.Directory.Data;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>The ids each entity will have after the import, for checking references before anything is written.</summary>
internal sealed class IdUniverse
{
    private readonly Dictionary<string, (IdKeys Keys, HashSet<ulong> Ids, Dictionary<ulong, int> Deleted)> _ids = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _unreadable = new(StringComparer.Ordinal);

    public void Set(string file, IdKeys keys, HashSet<ulong> ids, Dictionary<ulong, int> deleted) => _ids[file] = (keys, ids, deleted);

    public bool Has(string file, string id) => _ids.TryGetValue(file, out var set) && set.Ids.Contains(set.Keys.Of(id));

    /// <summary>The line of the package that marks this id tobedeleted, if one does.</summary>
    public int? DeletedAt(string file, string id) =>
        _ids.TryGetValue(file, out var set) && set.Deleted.TryGetValue(set.Keys.Of(id), out var line) ? line : null;

    /// <summary>The people DistrictOps holds, for the kind of a user the package does not give a role.</summary>
    public StoredRows? People { get; set; }

    /// <summary>1.1: each user's kind, from the role column, read with the ids.</summary>
    public Dictionary<ulong, PersonKind> UserKinds { get; } = [];

    public PersonKind? StoredOrFileKind(string user)
    {
        if (!_ids.TryGetValue(OneRosterSpec.Users, out var set))
        {
            return null;
        }

        return UserKinds.TryGetValue(set.Keys.Of(user), out var kind) ? kind : People is not null && People.TryGet(user, out var row) ? row.PersonKind : null;
    }

    // The files naming people are checked on another thread while users.csv is (OneRosterImporter.ClassifyAllAsync):
    // what both threads touch is locked or concurrent.
    private readonly Dictionary<string, HashSet<ulong>> _leftOut = new(StringComparer.Ordinal);
    private readonly Lock _leftOutLock = new();

    /// <summary>Set once anything is left out: until then (a clean export, every row of it) a reference is checked without the lock.</summary>
    private volatile bool _anyLeftOut;

    /// <summary>
    /// A new row of a file others refer to, left out for a dangling reference: rows of other files naming it are left
    /// out too. (A stored row left out stays as it is, so naming it is fine.)
    /// </summary>
    public void LeaveOut(string file, ReadOnlySpan<char> id)
    {
        if (_ids.TryGetValue(file, out var set))
        {
            lock (_leftOutLock)
            {
                ref var keys = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_leftOut, file, out _);
                (keys ??= []).Add(set.Keys.Of(id));
                _anyLeftOut = true;
            }
        }
    }

    public bool IsLeftOut(string file, string id)
    {
        if (!_anyLeftOut)
        {
            return false;
        }

        lock (_leftOutLock)
        {
            return _leftOut.TryGetValue(file, out var keys) && keys.Contains(_ids[file].Keys.Of(id));
        }
    }

    /// <summary>Whether any new row of <paramref name="file"/> was left out.</summary>
    public bool AnyLeftOut(string file)
    {
        lock (_leftOutLock)
        {
            return _leftOut.ContainsKey(file);
        }
    }

    /// <summary>Per file, how many rows it has and how many were left out for a dangling reference.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, (int Rows, int LeftOut)> LeftOutCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>A file whose header or CSV was broken: its errors are reported, and references to it are not checked.</summary>
    public void MarkUnreadable(string file) => _unreadable[file] = true;

    public bool IsUnreadable(string file) => _unreadable.ContainsKey(file);
}

/// <summary>Turns the current CSV row into a validated <see cref="Row"/>, or null when it has errors.</summary>
internal sealed class RowParser(string version, ImportFileMode mode, IdUniverse universe, UserRoles? roles)
{
    public Row? Parse(CsvFile row) => row.Name switch
    {
        OneRosterSpec.Orgs => Org(row),
        OneRosterSpec.AcademicSessions => Session(row),
        OneRosterSpec.Courses => Course(row),
        OneRosterSpec.Classes => Class(row),
        OneRosterSpec.Users => User(row),
        OneRosterSpec.Demographics => Demographics(row),
        OneRosterSpec.Enrollments => Enrollment(row),
        _ => throw new InvalidOperationException($"{row.Name} has no row parser."),
    };

    /// <summary>OneRoster 1.0's status for a row that is not in use; 1.1 bulk files leave such rows out.</summary>
    public const string Inactive = "inactive";

    /// <summary>sourcedId and status, checked the same way in every file; null when the row is unusable or left out.</summary>
    public (string Id, bool Deleted)? Key(CsvFile row)
    {
        if (mode == ImportFileMode.Bulk && row.RawSpan("status").Equals(Inactive, StringComparison.OrdinalIgnoreCase))
        {
            row.Warn("status", $"status '{row.Written("status")}' is from OneRoster 1.0; the row is left out, as if this bulk file did not list it.");
            return null;
        }

        var id = row.Text("sourcedId", required: true);
        var status = row.Enum("status", OneRosterSpec.Statuses, required: mode == ImportFileMode.Delta);
        row.Instant("dateLastModified", required: mode == ImportFileMode.Delta);
        if (mode == ImportFileMode.Bulk && status == "tobedeleted")
        {
            row.Error("status", "status 'tobedeleted' belongs in a delta file; a bulk file lists only what exists (leave status empty).");
        }

        return id is null ? null : (id, status == "tobedeleted");
    }

    /// <summary>Ids marked tobedeleted that this file's rows still name; each is reported once, on the first row naming it.</summary>
    private readonly HashSet<string> _namedDeleted = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether an id names a row that exists after the import. A dangling reference leaves the row out (see
    /// <see cref="CsvFile.Dangling"/>), and so does a reference to a new row of another file that is itself left out.
    /// Within one file (an org's parent, a user's agents) the ids are those of the file, so both reads of it agree.
    /// </summary>
    private bool Ref(CsvFile row, string column, string? id, string targetFile, string what)
    {
        if (id is null)
        {
            return true;
        }

        if (universe.Has(targetFile, id))
        {
            if (targetFile == row.Name || !universe.IsLeftOut(targetFile, id))
            {
                return true;
            }

            row.Dangling(column, $"{column} '{row.Written(column, id)}' names a {what} that is left out of {targetFile} itself");
            return false;
        }

        if (universe.IsUnreadable(targetFile))
        {
            // The cause is reported where targetFile broke; every row here would only repeat it.
            return false;
        }

        if (universe.DeletedAt(targetFile, id) is { } line)
        {
            if (_namedDeleted.Add(targetFile + "\n" + id))
            {
                row.Error(column, $"{what} '{row.Written(column, id)}' is marked tobedeleted at {targetFile}:{line}, but rows here still name it (this is the first); delete them too, or keep the {what}.");
            }

            return false;
        }

        row.Dangling(column, $"{column} '{row.Written(column, id)}' names no {what} in {targetFile} or already in DistrictOps");
        return false;
    }

    private OrgRow? Org(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        var name = row.Text("name", required: !key.Deleted);
        var type = row.Enum("type", OneRosterSpec.OrgTypes, required: !key.Deleted);
        var identifier = row.Text("identifier", maxLength: 64);
        var parent = row.Text("parentSourcedId");
        var refs = false;
        if (parent == key.Id)
        {
            row.Error("parentSourcedId", "an org cannot be its own parent.");
        }
        else
        {
            refs = Ref(row, "parentSourcedId", parent, OneRosterSpec.Orgs, "org");
        }

        var siteType = row.Enum(OneRosterSpec.SiteTypeColumn, OneRosterSpec.DeclarableSiteTypes, required: false);
        return key.Deleted ? new OrgRow(key.Id, true, row.Line, "", OrgType.School, null, null)
            : name is null || type is null || !refs ? null
            : new OrgRow(key.Id, false, row.Line, name, Enum.Parse<OrgType>(type, ignoreCase: true), identifier, parent, siteType is null ? null : Enum.Parse<SiteType>(siteType));
    }

    private SessionRow? Session(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        if (key.Deleted)
        {
            return new SessionRow(key.Id, true, row.Line, "", "", default, default, null, "");
        }

        var title = row.Text("title", required: true);
        var type = row.Enum("type", OneRosterSpec.SessionTypes);
        var start = row.Date("startDate", required: true);
        var end = row.Date("endDate", required: true);
        var parent = row.Text("parentSourcedId");
        var refs = Ref(row, "parentSourcedId", parent, OneRosterSpec.AcademicSessions, "academic session");
        var year = row.Text("schoolYear", required: true, maxLength: 8);
        if (year is not null && (year.Length != 4 || !year.All(char.IsAsciiDigit)))
        {
            row.Error("schoolYear", $"schoolYear '{row.Written("schoolYear")}' is not a year; expected YYYY (the year the school year ends).");
            year = null;
        }

        if (start > end)
        {
            row.Error("endDate", $"endDate {end:yyyy-MM-dd} is before startDate {start:yyyy-MM-dd}.");
            return null;
        }

        return title is null || type is null || start is null || end is null || year is null || !refs ? null
            : new SessionRow(key.Id, false, row.Line, title, type, start.Value, end.Value, parent, year);
    }

    private CourseRow? Course(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        if (key.Deleted)
        {
            return new CourseRow(key.Id, true, row.Line, "", null, null, null, null, "");
        }

        var title = row.Text("title", required: true);
        var year = row.Text("schoolYearSourcedId");
        var org = row.Text("orgSourcedId", required: true);
        var refs = Ref(row, "schoolYearSourcedId", year, OneRosterSpec.AcademicSessions, "academic session")
            & Ref(row, "orgSourcedId", org, OneRosterSpec.Orgs, "org");
        var grades = row.GradeList("grades");
        return title is null || org is null || !refs ? null
            : new CourseRow(key.Id, false, row.Line, title, row.Text("courseCode", maxLength: 64), grades, Joined(row.List("subjects")), year, org);
    }

    private ClassRow? Class(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        if (key.Deleted)
        {
            return new ClassRow(key.Id, true, row.Line, "", null, "", null, "", null, "", "", null, null);
        }

        var title = row.Text("title", required: true);
        var course = row.Text("courseSourcedId", required: true);
        var school = row.Text("schoolSourcedId", required: true);
        var classType = row.Enum("classType", OneRosterSpec.ClassTypes);
        var terms = row.List("termSourcedIds");
        var refs = Ref(row, "courseSourcedId", course, OneRosterSpec.Courses, "course")
            & Ref(row, "schoolSourcedId", school, OneRosterSpec.Orgs, "org");
        if (terms.Count == 0)
        {
            row.Error("termSourcedIds", "termSourcedIds is required: the academic session(s) the class runs in.");
            refs = false;
        }

        foreach (var term in terms)
        {
            refs &= Ref(row, "termSourcedIds", term, OneRosterSpec.AcademicSessions, "academic session");
        }

        var grades = row.GradeList("grades");
        return title is null || course is null || school is null || classType is null || !refs ? null
            : new ClassRow(key.Id, false, row.Line, title, grades, course, row.Text("classCode", maxLength: 64), classType,
                row.Text("location", maxLength: 128), school, string.Join(',', terms), Joined(row.List("subjects")), Joined(row.List("periods")));
    }

    private UserRow? User(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        if (key.Deleted)
        {
            return new UserRow(key.Id, true, row.Line, false, "", PersonKind.Staff, "", "", null, null, null, null, null, null, null, null, null, [], []);
        }

        var enabled = row.Bool("enabledUser");
        var given = row.Text("givenName", required: true);
        var family = row.Text("familyName", required: true);
        var agents = row.List("agentSourcedIds");
        var refs = true;
        foreach (var agent in agents)
        {
            refs &= Ref(row, "agentSourcedIds", agent, OneRosterSpec.Users, "user");
        }

        var primaryOrg = version == "1.2" ? row.Text("primaryOrgSourcedId") : null;
        refs &= Ref(row, "primaryOrgSourcedId", primaryOrg, OneRosterSpec.Orgs, "org");
        IReadOnlyList<OrgRole> orgs;
        string? role;
        if (version == "1.1")
        {
            role = row.Enum("role", OneRosterSpec.UserRoles11);
            var orgIds = row.List("orgSourcedIds");
            if (orgIds.Count == 0)
            {
                row.Error("orgSourcedIds", "orgSourcedIds is required: the org(s) the user belongs to.");
                refs = false;
            }

            foreach (var org in orgIds)
            {
                refs &= Ref(row, "orgSourcedIds", org, OneRosterSpec.Orgs, "org");
            }

            orgs = role is null ? [] : orgIds.Select((o, i) => new OrgRole(o, role, i == 0)).ToList();
            primaryOrg = orgIds.Count > 0 ? orgIds[0] : null;
        }
        else
        {
            orgs = roles?.Of(key.Id) ?? [];
            role = OrgRole.PrimaryOf(orgs)?.Role;
            if (role is null && !universe.IsUnreadable(OneRosterSpec.Roles))
            {
                if (roles?.LeftOut(key.Id) is true)
                {
                    row.Dangling("sourcedId", $"user '{row.Written("sourcedId")}' has no role left: their rows in {OneRosterSpec.Roles} are left out");
                }
                else
                {
                    row.Error("sourcedId", roles is { IsDelta: true }
                        ? $"user '{row.Written("sourcedId")}' has no role: roles.csv has no row for them and DistrictOps holds none; every 1.2 user needs at least one role."
                        : $"user '{row.Written("sourcedId")}' has no row in roles.csv; every 1.2 user needs at least one role.");
                }
            }

            primaryOrg ??= orgs.FirstOrDefault(o => o.Primary)?.OrgSourcedId;
            refs &= RolesAtKeptOrgs(row, orgs);
        }

        if (role is not null && agents.Count > 0)
        {
            agents = Guardianship(row, KindOf(role), agents);
        }

        return enabled is null || given is null || family is null || role is null || !refs ? null
            : new UserRow(key.Id, false, row.Line, enabled.Value, role, KindOf(role), given, family, row.Text("middleName"),
                row.Text("preferredGivenName"), row.Text("preferredFamilyName"), row.Text("username"), row.Text("email"),
                row.Text("identifier", maxLength: 64), row.Text("phone", maxLength: 32), row.GradeList("grades"), primaryOrg,
                OrgRole.Sorted(orgs),
                agents.Count < 2 ? agents : agents.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>roles.csv is read before orgs.csv is checked, so a role at an org left out of orgs.csv is found here.</summary>
    private bool RolesAtKeptOrgs(CsvFile row, IReadOnlyList<OrgRole> orgs)
    {
        foreach (var org in orgs.Where(o => universe.IsLeftOut(OneRosterSpec.Orgs, o.OrgSourcedId)))
        {
            row.Dangling("sourcedId", $"user '{row.Written("sourcedId")}' has a role at org '{org.OrgSourcedId}', which is left out of {OneRosterSpec.Orgs} itself");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The agents a user is linked with: a guardian (parent, relative) and a student, either way round. Any other pair is
    /// left out with a warning (1.2 lets agents name any relation; DistrictOps keeps guardianship only).
    /// </summary>
    private List<string> Guardianship(CsvFile row, PersonKind kind, IReadOnlyList<string> agents)
    {
        var linked = new List<string>(agents.Count);
        foreach (var agent in agents)
        {
            var other = roles is not null && OrgRole.PrimaryOf(roles.Of(agent)) is { } primary ? KindOf(primary.Role) : universe.StoredOrFileKind(agent);
            if (other is null || (kind, other) is (PersonKind.Guardian, PersonKind.Student) or (PersonKind.Student, PersonKind.Guardian))
            {
                linked.Add(agent);
                continue;
            }

            row.Warn("agentSourcedIds", $"agentSourcedIds '{row.Written("agentSourcedIds", agent)}' names a {Noun(other.Value)} and this user is a {Noun(kind)}; " +
                "only a guardian (parent, relative) and a student are linked, so this pair is left out.");
        }

        return linked;
    }

    private static string Noun(PersonKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A 1.2 roles.csv row: the role a user holds at an org, or (Role null) a delta's deletion of the user's role there.</summary>
    public (string User, string Org, OrgRole? Role)? RoleRow(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        if (key.Deleted)
        {
            var deletedUser = row.Raw("userSourcedId");
            var deletedOrg = row.Raw("orgSourcedId");
            if (deletedUser.Length == 0 || deletedOrg.Length == 0)
            {
                // DistrictOps keeps the role a user holds at an org, not the role row's own sourcedId.
                row.Error(deletedUser.Length == 0 ? "userSourcedId" : "orgSourcedId",
                    $"role '{row.Written("sourcedId")}' is tobedeleted without its userSourcedId and orgSourcedId; send them so the role can be found.");
                return null;
            }

            return (deletedUser, deletedOrg, null);
        }

        var user = row.Text("userSourcedId", required: true);
        var roleType = row.Enum("roleType", OneRosterSpec.RoleTypes);
        var role = row.Enum("role", OneRosterSpec.UserRoles12);
        var org = row.Text("orgSourcedId", required: true);
        row.Date("beginDate");
        row.Date("endDate");
        var refs = Ref(row, "userSourcedId", user, OneRosterSpec.Users, "user") & Ref(row, "orgSourcedId", org, OneRosterSpec.Orgs, "org");
        return user is null || roleType is null || role is null || org is null || !refs ? null : (user, org, new OrgRole(org, role, roleType == "primary"));
    }

    private DemographicsRow? Demographics(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        if (!key.Deleted && !Ref(row, "sourcedId", key.Id, OneRosterSpec.Users, "user"))
        {
            return null;
        }

        return key.Deleted ? new DemographicsRow(key.Id, true, row.Line, null, null, null, null, null, null, null, null, null, null, null, null, null)
            : new DemographicsRow(key.Id, false, row.Line, row.Date("birthDate"), row.Enum("sex", OneRosterSpec.Sexes, required: false),
                row.Bool("americanIndianOrAlaskaNative", false), row.Bool("asian", false), row.Bool("blackOrAfricanAmerican", false),
                row.Bool("nativeHawaiianOrOtherPacificIslander", false), row.Bool("white", false), row.Bool("demographicRaceTwoOrMoreRaces", false),
                row.Bool("hispanicOrLatinoEthnicity", false), row.Text("countryOfBirthCode", maxLength: 8), row.Text("stateOfBirthAbbreviation", maxLength: 8),
                row.Text("cityOfBirth", maxLength: 128), row.Text("publicSchoolResidenceStatus", maxLength: 64));
    }

    private EnrollmentRow? Enrollment(CsvFile row)
    {
        if (Key(row) is not { } key)
        {
            return null;
        }

        if (key.Deleted)
        {
            return new EnrollmentRow(key.Id, true, row.Line, "", "", "", "", false, null, null);
        }

        var cls = row.Text("classSourcedId", required: true);
        var school = row.Text("schoolSourcedId", required: true);
        var user = row.Text("userSourcedId", required: true);
        var role = row.Enum("role", OneRosterSpec.EnrollmentRoles);
        var primary = row.Bool("primary", required: false) ?? false;
        var begin = row.Date("beginDate");
        var end = row.Date("endDate");
        var refs = Ref(row, "classSourcedId", cls, OneRosterSpec.Classes, "class")
            & Ref(row, "schoolSourcedId", school, OneRosterSpec.Orgs, "org")
            & Ref(row, "userSourcedId", user, OneRosterSpec.Users, "user");
        if (begin > end)
        {
            row.Error("endDate", $"endDate {end:yyyy-MM-dd} is before beginDate {begin:yyyy-MM-dd}.");
            refs = false;
        }

        return cls is null || school is null || user is null || role is null || !refs ? null
            : new EnrollmentRow(key.Id, false, row.Line, cls, school, user, role, primary, begin, end);
    }

    public static PersonKind KindOf(string role) => role switch
    {
        "student" => PersonKind.Student,
        "teacher" => PersonKind.Teacher,
        "aide" or "proctor" => PersonKind.Aide,
        "guardian" or "parent" or "relative" => PersonKind.Guardian,
        _ => PersonKind.Administrator,
    };

    private static string? Joined(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(',', values);
}
