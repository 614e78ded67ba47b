namespace DistrictOps.Web.Modules.Directory.Data;

public enum PersonKind
{
    Student,
    Teacher,
    Administrator,
    Aide,
    Guardian,
    Staff,
}

/// <summary>
/// A student, staff member or guardian, keyed by the source system's id and nothing else: names,
/// usernames and emails change and collide. OneRoster and HR each own their own fields.
/// </summary>
public sealed class Person : IImported
{
    /// <summary>Names, email, username, position and department.</summary>
    public const int NameMaxLength = 255;
    public const int SortNameMaxLength = 512;

    public Guid Id { get; set; }

    public required string SourcedId { get; set; }

    public PersonKind Kind { get; set; }

    /// <summary>The role as the source says it (OneRoster role or "staff" for HR-only people).</summary>
    public string SourceRole { get; set; } = "";

    public bool EnabledUser { get; set; } = true;

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public string? MiddleName { get; set; }

    public string? PreferredGivenName { get; set; }

    public string? PreferredFamilyName { get; set; }

    public string? Username { get; set; }

    public string? Email { get; set; }

    /// <summary>The SIS's local id (student number).</summary>
    public string? Identifier { get; set; }

    public string? Phone { get; set; }

    /// <summary>FAMILY GIVEN in upper case, for prefix search by name.</summary>
    public string SortName { get; set; } = "";

    public string? Grades { get; set; }

    public Guid? PrimarySiteId { get; set; }

    public long ContentHash { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }

    public string? EmployeeId { get; set; }

    public string? PositionTitle { get; set; }

    public string? Department { get; set; }

    public string? HrStatus { get; set; }

    public DateOnly? HrStartDate { get; set; }

    public DateOnly? HrEndDate { get; set; }

    public long HrContentHash { get; set; }

    public string DisplayName => string.IsNullOrEmpty(PreferredGivenName) ? $"{GivenName} {FamilyName}" : $"{PreferredGivenName} {FamilyName}";
}

/// <summary>A site a person belongs to, with the role they hold there.</summary>
public sealed class PersonSite
{
    public Guid PersonId { get; set; }

    public Guid SiteId { get; set; }

    public required string Role { get; set; }
}

/// <summary>A guardian of a student, from OneRoster's agent links.</summary>
public sealed class GuardianLink
{
    public Guid GuardianId { get; set; }

    public Guid StudentId { get; set; }
}

/// <summary>Student demographics: need-to-know, shown only to roles that need it.</summary>
public sealed class Demographics
{
    public Guid PersonId { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Sex { get; set; }

    public bool? AmericanIndianOrAlaskaNative { get; set; }

    public bool? Asian { get; set; }

    public bool? BlackOrAfricanAmerican { get; set; }

    public bool? NativeHawaiianOrOtherPacificIslander { get; set; }

    public bool? White { get; set; }

    public bool? TwoOrMoreRaces { get; set; }

    public bool? HispanicOrLatinoEthnicity { get; set; }

    public string? CountryOfBirthCode { get; set; }

    public string? StateOfBirthAbbreviation { get; set; }

    public string? CityOfBirth { get; set; }

    public string? PublicSchoolResidenceStatus { get; set; }

    public long ContentHash { get; set; }

    /// <summary>When an import last wrote the row.</summary>
    public DateTimeOffset? ModifiedAt { get; set; }
}
