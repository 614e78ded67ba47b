using System.Text;
using DistrictOps.Web.Modules.Directory.Importing;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>
/// A small OneRoster package built in memory, changed by tests, then written to a folder:
/// a district with one elementary and one high school, a school year, classes, students,
/// teachers and guardians.
/// </summary>
public sealed class RosterPackage
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = new(StringComparer.Ordinal);

    public RosterPackage(string version = "1.2")
    {
        Version = version;
        foreach (var file in OneRosterSpec.ImportOrder.Where(f => OneRosterSpec.Columns(version, f) is not null))
        {
            _rows[file] = [];
            Modes[file] = "bulk";
        }
    }

    public string Version { get; }

    public Dictionary<string, string> Modes { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces the whole header line of a file, to test header checks.</summary>
    public Dictionary<string, string> HeaderOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns written after a file's OneRoster columns (metadata.* extensions).</summary>
    public Dictionary<string, string[]> ExtraColumns { get; } = new(StringComparer.Ordinal);

    public bool WithBomAndCrLf { get; set; }

    /// <summary>Writes this oneroster.version into the manifest instead of <see cref="Version"/>.</summary>
    public string? ManifestVersion { get; set; }

    public List<Dictionary<string, string>> Rows(string file) => _rows[file];

    public Dictionary<string, string> Row(string file, string sourcedId) =>
        _rows[file].Single(r => r["sourcedId"] == sourcedId);

    public RosterPackage Add(string file, params (string Column, string Value)[] values)
    {
        _rows[file].Add(values.ToDictionary(v => v.Column, v => v.Value, StringComparer.Ordinal));
        return this;
    }

    public void RemoveRows(string file, Func<Dictionary<string, string>, bool> match) => _rows[file].RemoveAll(r => match(r));

    /// <summary>A 1.2 delta package sending only these files (every other file absent); rows added to it are active as of one instant.</summary>
    public static RosterPackage Delta(params string[] files)
    {
        var p = new RosterPackage();
        foreach (var file in p.Modes.Keys.ToList())
        {
            p.Modes[file] = files.Contains(file) ? "delta" : "absent";
        }

        p.DeltaStamp = "2026-11-20T08:00:00.000Z";
        return p;
    }

    /// <summary>When set, a row without a status is written active, and one without a dateLastModified with this.</summary>
    public string? DeltaStamp { get; set; }

    public static RosterPackage SmallDistrict(string version = "1.2")
    {
        var p = new RosterPackage(version);
        p.Add(OneRosterSpec.Orgs, ("sourcedId", "org-district"), ("name", "Bayview Unified"), ("type", "district"), ("identifier", "0100000"));
        p.Add(OneRosterSpec.Orgs, ("sourcedId", "org-es-01"), ("name", "Harbor View Elementary"), ("type", "school"), ("identifier", "6000001"), ("parentSourcedId", "org-district"));
        p.Add(OneRosterSpec.Orgs, ("sourcedId", "org-hs-01"), ("name", "Bayview High"), ("type", "school"), ("identifier", "6000002"), ("parentSourcedId", "org-district"));
        p.Add(OneRosterSpec.AcademicSessions, ("sourcedId", "sy-2027"), ("title", "2026-27"), ("type", "schoolYear"), ("startDate", "2026-08-12"), ("endDate", "2027-06-03"), ("schoolYear", "2027"));
        p.Add(OneRosterSpec.AcademicSessions, ("sourcedId", "s1-2027"), ("title", "Fall"), ("type", "semester"), ("startDate", "2026-08-12"), ("endDate", "2027-01-15"), ("parentSourcedId", "sy-2027"), ("schoolYear", "2027"));
        p.Add(OneRosterSpec.Courses, ("sourcedId", "crs-k"), ("title", "Kindergarten"), ("grades", "KG"), ("orgSourcedId", "org-es-01"), ("schoolYearSourcedId", "sy-2027"));
        p.Add(OneRosterSpec.Courses, ("sourcedId", "crs-bio"), ("title", "Biology"), ("courseCode", "SCI-200"), ("grades", "10"), ("orgSourcedId", "org-hs-01"), ("schoolYearSourcedId", "sy-2027"), ("subjects", "Science"));
        p.Add(OneRosterSpec.Classes, ("sourcedId", "cls-k-1"), ("title", "Room 4 Kindergarten"), ("grades", "KG"), ("courseSourcedId", "crs-k"), ("classType", "homeroom"), ("schoolSourcedId", "org-es-01"), ("termSourcedIds", "sy-2027"));
        p.Add(OneRosterSpec.Classes, ("sourcedId", "cls-bio-1"), ("title", "Biology P1"), ("grades", "10"), ("courseSourcedId", "crs-bio"), ("classType", "scheduled"), ("schoolSourcedId", "org-hs-01"), ("termSourcedIds", "s1-2027"), ("periods", "1"));

        p.User("t-es", "teacher", "org-es-01", "Maria", "Lopez", grades: "");
        p.User("t-hs", "teacher", "org-hs-01", "David", "Nguyen", grades: "");
        p.User("p-es", "principal", "org-es-01", "Grace", "Okafor", grades: "");
        for (var i = 1; i <= 5; i++)
        {
            p.User($"s-es-{i}", "student", "org-es-01", $"Kid{i}", "Garcia", grades: "KG", agents: i <= 2 ? "g-1" : "");
            p.User($"s-hs-{i}", "student", "org-hs-01", $"Teen{i}", "Tran", grades: "10", agents: i == 1 ? "g-2" : "");
            p.Add(OneRosterSpec.Enrollments, ("sourcedId", $"enr-es-{i}"), ("classSourcedId", "cls-k-1"), ("schoolSourcedId", "org-es-01"), ("userSourcedId", $"s-es-{i}"), ("role", "student"), ("primary", "false"));
            p.Add(OneRosterSpec.Enrollments, ("sourcedId", $"enr-hs-{i}"), ("classSourcedId", "cls-bio-1"), ("schoolSourcedId", "org-hs-01"), ("userSourcedId", $"s-hs-{i}"), ("role", "student"), ("primary", "false"));
            p.Add(OneRosterSpec.Demographics, ("sourcedId", $"s-es-{i}"), ("birthDate", "2021-03-0" + i), ("sex", i % 2 == 0 ? "female" : "male"), ("hispanicOrLatinoEthnicity", "true"));
        }

        p.User("g-1", "guardian", "org-es-01", "Rosa", "Garcia", grades: "", agents: "s-es-1,s-es-2");
        p.User("g-2", "parent", "org-hs-01", "Minh", "Tran", grades: "", agents: "s-hs-1");
        p.Add(OneRosterSpec.Enrollments, ("sourcedId", "enr-t-es"), ("classSourcedId", "cls-k-1"), ("schoolSourcedId", "org-es-01"), ("userSourcedId", "t-es"), ("role", "teacher"), ("primary", "true"));
        p.Add(OneRosterSpec.Enrollments, ("sourcedId", "enr-t-hs"), ("classSourcedId", "cls-bio-1"), ("schoolSourcedId", "org-hs-01"), ("userSourcedId", "t-hs"), ("role", "teacher"), ("primary", "true"));
        return p;
    }

    public void User(string id, string role, string org, string given, string family, string grades, string agents = "")
    {
        var emailDomain = role is "student" ? "students.bayview.example" : role is "guardian" or "parent" ? "family.example" : "bayview.example";
        var values = new List<(string, string)>
        {
            ("sourcedId", id), ("enabledUser", "true"), ("username", id), ("givenName", given), ("familyName", family),
            ("email", $"{given}.{family}@{emailDomain}".ToLowerInvariant()), ("identifier", id.ToUpperInvariant()), ("grades", grades), ("agentSourcedIds", agents),
        };
        if (Version == "1.1")
        {
            values.Add(("orgSourcedIds", org));
            values.Add(("role", role is "principal" ? "administrator" : role));
        }
        else
        {
            values.Add(("primaryOrgSourcedId", org));
            Add(OneRosterSpec.Roles, ("sourcedId", "role-" + id), ("userSourcedId", id), ("roleType", "primary"), ("role", role), ("orgSourcedId", org));
        }

        Add(OneRosterSpec.Users, [.. values]);
    }

    public string WriteTo(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        foreach (var existing in System.IO.Directory.EnumerateFiles(folder))
        {
            File.Delete(existing);
        }

        var newline = WithBomAndCrLf ? "\r\n" : "\n";
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: WithBomAndCrLf);
        var manifest = new StringBuilder($"propertyName,value{newline}manifest.version,1.0{newline}oneroster.version,{ManifestVersion ?? Version}{newline}");
        foreach (var (file, mode) in Modes)
        {
            manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"file.{Path.GetFileNameWithoutExtension(file)},{mode}{newline}");
            if (mode == "absent")
            {
                continue;
            }

            string[] columns = [.. OneRosterSpec.Columns(Version, file)!, .. ExtraColumns.GetValueOrDefault(file, [])];
            var text = new StringBuilder(HeaderOverrides.GetValueOrDefault(file) ?? string.Join(',', columns)).Append(newline);
            foreach (var row in _rows[file])
            {
                text.Append(string.Join(',', columns.Select(c => Quote(Value(row, c))))).Append(newline);
            }

            File.WriteAllText(Path.Combine(folder, file), text.ToString(), encoding);
        }

        File.WriteAllText(Path.Combine(folder, OneRosterSpec.Manifest), manifest.ToString(), encoding);
        return folder;
    }

    private string Value(Dictionary<string, string> row, string column) => row.TryGetValue(column, out var value) ? value
        : DeltaStamp is null ? ""
        : column == "status" ? "active"
        : column == "dateLastModified" ? DeltaStamp
        : "";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
