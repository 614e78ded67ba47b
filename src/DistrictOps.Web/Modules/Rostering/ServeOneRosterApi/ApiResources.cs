using System.Linq.Expressions;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using static DistrictOps.Web.Modules.Rostering.ServeOneRosterApi.ApiFields;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>A kind of OneRoster record in one version: its envelope names, its fields in the binding's order, its mask.</summary>
public sealed class ApiResource<T> where T : RosterRecord
{
    public ApiResource(string plural, string singular, IEnumerable<ApiField<T>> fields, Func<T, SharedFields, T>? mask = null, IEnumerable<ApiField<T>>? filterOnly = null)
    {
        Plural = plural;
        Singular = singular;
        Written = [.. fields];
        Fields = Written.Concat(filterOnly ?? []).ToDictionary(f => f.Name, StringComparer.Ordinal);
        Mask = mask ?? ((row, _) => row);
    }

    public string Plural { get; }

    public string Singular { get; }

    /// <summary>The fields a record is written with, in order; <c>fields=</c> picks among them.</summary>
    public IReadOnlyList<ApiField<T>> Written { get; }

    /// <summary>Every field a filter or sort may name: the written ones and a few that only filter (1.2's <c>role</c>).</summary>
    public IReadOnlyDictionary<string, ApiField<T>> Fields { get; }

    public Func<T, SharedFields, T> Mask { get; }

    public void Write(Utf8JsonWriter json, T row, PageContext page, IReadOnlySet<string>? only)
    {
        json.WriteStartObject();
        foreach (var field in Written)
        {
            if (only is null || only.Contains(field.Name))
            {
                field.Write(json, row, page);
            }
        }

        json.WriteEndObject();
    }
}

/// <summary>The records of each version, as the OneRoster 1.1 and 1.2 REST bindings publish them.</summary>
public static class ApiResources
{
    private static readonly Dictionary<OneRosterVersion, ApiResource<RosterUser>> UsersOf = new()
    {
        [OneRosterVersion.V1p1] = Users11(),
        [OneRosterVersion.V1p2] = Users12(),
    };

    public static ApiResource<RosterOrg> Orgs { get; } = new("orgs", "org",
    [
        .. Base<RosterOrg>(),
        Text<RosterOrg>("name", o => o.Name),
        Text<RosterOrg>("type", o => o.TypeName),
        Text<RosterOrg>("identifier", o => o.Identifier),
        Written<RosterOrg>("parent", (json, o, page) => page.Ref(json, "parent", "org", o.ParentSourcedId)),
        Written<RosterOrg>("children", (json, o, page) => page.Refs(json, "children", "org", page.Children[o.SourcedId])),
    ]);

    public static ApiResource<RosterSession> Sessions { get; } = new("academicSessions", "academicSession",
    [
        .. Base<RosterSession>(),
        Text<RosterSession>("title", s => s.Title),
        Text<RosterSession>("type", s => s.Type),
        Date<RosterSession>("startDate", s => s.StartDate),
        Date<RosterSession>("endDate", s => s.EndDate),
        Written<RosterSession>("parent", (json, s, page) => page.Ref(json, "parent", "academicSession", s.ParentSourcedId)),
        Written<RosterSession>("children", (json, s, page) => page.Refs(json, "children", "academicSession", page.Children[s.SourcedId])),
        Text<RosterSession>("schoolYear", s => s.SchoolYear),
    ]);

    public static ApiResource<RosterCourse> Courses { get; } = new("courses", "course",
    [
        .. Base<RosterCourse>(),
        Text<RosterCourse>("title", c => c.Title),
        Written<RosterCourse>("schoolYear", (json, c, page) => page.Ref(json, "schoolYear", "academicSession", c.SchoolYearSourcedId)),
        Text<RosterCourse>("courseCode", c => c.CourseCode),
        List<RosterCourse>("grades", c => c.Grades),
        List<RosterCourse>("subjects", c => c.Subjects),
        Written<RosterCourse>("org", (json, c, page) => page.Ref(json, "org", "org", c.OrgSourcedId)),
    ]);

    public static ApiResource<RosterClass> Classes { get; } = new("classes", "class",
    [
        .. Base<RosterClass>(),
        Text<RosterClass>("title", c => c.Title),
        Text<RosterClass>("classCode", c => c.ClassCode),
        Text<RosterClass>("classType", c => c.ClassType),
        Text<RosterClass>("location", c => c.Location),
        List<RosterClass>("grades", c => c.Grades),
        List<RosterClass>("subjects", c => c.Subjects),
        Written<RosterClass>("course", (json, c, page) => page.Ref(json, "course", "course", c.CourseSourcedId)),
        Written<RosterClass>("school", (json, c, page) => page.Ref(json, "school", "org", c.SchoolSourcedId)),
        Written<RosterClass>("terms", (json, c, page) => page.Refs(json, "terms", "academicSession", AgreementRules.ListOf(c.TermSourcedIds))),
        List<RosterClass>("periods", c => c.Periods),
    ]);

    public static ApiResource<RosterUser> Users(OneRosterVersion version) => UsersOf[version];

    public static ApiResource<RosterEnrollment> Enrollments(OneRosterVersion version) => new("enrollments", "enrollment",
    [
        .. Base<RosterEnrollment>(),
        Written<RosterEnrollment>("user", (json, e, page) => page.Ref(json, "user", "user", e.UserSourcedId)),
        Written<RosterEnrollment>("class", (json, e, page) => page.Ref(json, "class", "class", e.ClassSourcedId)),
        Written<RosterEnrollment>("school", (json, e, page) => page.Ref(json, "school", "org", e.SchoolSourcedId)),
        new ApiField<RosterEnrollment>
        {
            Name = "role", Column = (Expression<Func<RosterEnrollment, string?>>)(e => e.Role), Kind = FieldKind.Text,
            Write = (json, e, page) => json.WriteString("role", version.EnrollmentRole(e.Role)),
        },
        Flag<RosterEnrollment>("primary", e => e.Primary),
        Date<RosterEnrollment>("beginDate", e => e.BeginDate),
        Date<RosterEnrollment>("endDate", e => e.EndDate),
    ]);

    public static ApiResource<RosterDemographics> Demographics { get; } = new("demographics", "demographics",
    [
        .. Base<RosterDemographics>(),
        Date<RosterDemographics>("birthDate", d => d.BirthDate, SharedFields.BirthDate),
        Text<RosterDemographics>("sex", d => d.Sex, SharedFields.Sex),
        NullableFlag<RosterDemographics>("americanIndianOrAlaskaNative", d => d.AmericanIndianOrAlaskaNative, SharedFields.RaceAndEthnicity),
        NullableFlag<RosterDemographics>("asian", d => d.Asian, SharedFields.RaceAndEthnicity),
        NullableFlag<RosterDemographics>("blackOrAfricanAmerican", d => d.BlackOrAfricanAmerican, SharedFields.RaceAndEthnicity),
        NullableFlag<RosterDemographics>("nativeHawaiianOrOtherPacificIslander", d => d.NativeHawaiianOrOtherPacificIslander, SharedFields.RaceAndEthnicity),
        NullableFlag<RosterDemographics>("white", d => d.White, SharedFields.RaceAndEthnicity),
        NullableFlag<RosterDemographics>("demographicRaceTwoOrMoreRaces", d => d.TwoOrMoreRaces, SharedFields.RaceAndEthnicity),
        NullableFlag<RosterDemographics>("hispanicOrLatinoEthnicity", d => d.HispanicOrLatinoEthnicity, SharedFields.RaceAndEthnicity),
        Text<RosterDemographics>("countryOfBirthCode", d => d.CountryOfBirthCode, SharedFields.BirthPlace),
        Text<RosterDemographics>("stateOfBirthAbbreviation", d => d.StateOfBirthAbbreviation, SharedFields.BirthPlace),
        Text<RosterDemographics>("cityOfBirth", d => d.CityOfBirth, SharedFields.BirthPlace),
        Text<RosterDemographics>("publicSchoolResidenceStatus", d => d.PublicSchoolResidenceStatus, SharedFields.BirthPlace),
    ], AgreementRules.Mask);

    private static ApiField<RosterUser> Role(Expression<Func<RosterUser, string>> role)
    {
        var read = role.Compile();
        return new ApiField<RosterUser> { Name = "role", Column = role, Kind = FieldKind.Text, Write = (json, u, _) => json.WriteString("role", read(u)) };
    }

    private static IEnumerable<ApiField<RosterUser>> Names() =>
    [
        Flag<RosterUser>("enabledUser", u => u.EnabledUser),
        Text<RosterUser>("givenName", u => u.GivenName),
        Text<RosterUser>("familyName", u => u.FamilyName),
        Text<RosterUser>("middleName", u => u.MiddleName),
    ];

    private static IEnumerable<ApiField<RosterUser>> Contact() =>
    [
        Text<RosterUser>("identifier", u => u.Identifier, SharedFields.Identifier),
        Text<RosterUser>("email", u => u.Email, SharedFields.Email),
        Text<RosterUser>("phone", u => u.Phone, SharedFields.Phone),
        Written<RosterUser>("agents", (json, u, page) => page.Refs(json, "agents", "user", LinksOf(u, page).AgentSourcedIds)),
    ];

    private static ApiField<RosterUser> UserIds() => Written<RosterUser>("userIds", (json, u, _) =>
    {
        json.WriteStartArray("userIds");
        if (u.Identifier is { } identifier)
        {
            json.WriteStartObject();
            json.WriteString("type", "identifier");
            json.WriteString("identifier", identifier);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static ApiResource<RosterUser> Users11() => new("users", "user",
    [
        .. Base<RosterUser>(),
        Text<RosterUser>("username", u => u.Username, SharedFields.Username),
        UserIds(),
        .. Names(),
        Role(OneRosterVersions.UserRole11),
        .. Contact(),
        Written<RosterUser>("orgs", (json, u, page) => page.Refs(json, "orgs", "org", LinksOf(u, page).OrgSourcedIds)),
        List<RosterUser>("grades", u => u.Grades, SharedFields.Grades),
    ], AgreementRules.Mask);

    private static ApiResource<RosterUser> Users12() => new("users", "user",
    [
        .. Base<RosterUser>(),
        Text<RosterUser>("username", u => u.Username, SharedFields.Username),
        UserIds(),
        .. Names(),
        Text<RosterUser>("preferredFirstName", u => u.PreferredGivenName, SharedFields.PreferredNames),
        Text<RosterUser>("preferredLastName", u => u.PreferredFamilyName, SharedFields.PreferredNames),
        Written<RosterUser>("roles", WriteRoles12),
        Written<RosterUser>("primaryOrg", (json, u, page) => page.Ref(json, "primaryOrg", "org", u.PrimaryOrgSourcedId)),
        .. Contact(),
        List<RosterUser>("grades", u => u.Grades, SharedFields.Grades),
    ], AgreementRules.Mask, [Role(OneRosterVersions.UserRole12)]);

    private static RosterUserLinks LinksOf(RosterUser user, PageContext page) =>
        page.UserLinks.TryGetValue(user.Id, out var links) ? links : new RosterUserLinks([], []);

    /// <summary>
    /// 1.2's roles: one per org and role, the primary one at each org being the role the user is known by (or the first),
    /// since the binding wants exactly one primary role per org.
    /// </summary>
    private static void WriteRoles12(Utf8JsonWriter json, RosterUser user, PageContext page)
    {
        json.WriteStartArray("roles");
        foreach (var org in LinksOf(user, page).Roles.GroupBy(r => r.OrgSourcedId, StringComparer.Ordinal))
        {
            var primary = org.FirstOrDefault(r => r.Role == user.SourceRole) ?? org.First();
            foreach (var role in org.OrderBy(r => r == primary ? 0 : 1))
            {
                json.WriteStartObject();
                json.WriteString("roleType", role == primary ? "primary" : "secondary");
                json.WriteString("role", OneRosterVersions.Role12(role.Role));
                page.Ref(json, "org", "org", role.OrgSourcedId);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }
}
