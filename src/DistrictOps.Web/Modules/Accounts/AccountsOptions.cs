using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Modules.Accounts;

public enum DirectoryDialect
{
    /// <summary>Active Directory (or Samba AD): sAMAccountName, userPrincipalName, userAccountControl, unicodePwd over LDAPS.</summary>
    ActiveDirectory,

    /// <summary>A generic LDAP server (OpenLDAP): inetOrgPerson with uid, userPassword; disabled by shadowExpire.</summary>
    Ldap,
}

/// <summary>The managed groups a target keeps; each holds the target's accounts of the people it names.</summary>
public enum GroupKind
{
    /// <summary><c>site-{site}-students</c> and <c>site-{site}-staff</c>: everyone at a site, by students and staff.</summary>
    Site,

    /// <summary><c>role-student</c>, <c>role-teacher</c>, <c>role-administrator</c>, <c>role-aide</c>, <c>role-staff</c>: everyone of a kind.</summary>
    Role,

    /// <summary><c>site-{site}-grade-{grade}</c>: a site's students in one grade.</summary>
    Grade,

    /// <summary><c>class-{class}</c>: a class's students and teachers now.</summary>
    Class,
}

/// <summary>The <c>Accounts</c> configuration section: the directories accounts are kept in, and the guards on applying a plan.</summary>
public sealed class AccountsOptions : IValidatableObject
{
    public const string Section = "Accounts";

    public List<AccountTarget> Targets { get; set; } = [];

    /// <summary>A plan with more disables and deletes than this is not applied without an IT manager's override (Entra Connect's default).</summary>
    [Range(0, int.MaxValue)]
    public int MaxDisablesAndDeletes { get; set; } = 500;

    /// <summary>A plan touching more than this share of a target's managed accounts is not applied without an override.</summary>
    [Range(0.0, 1.0)]
    public double MaxChangedShare { get; set; } = 0.05;

    public AccountTarget? Find(string name) => Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Targets.Count; i++)
        {
            foreach (var problem in Targets[i].Problems())
            {
                yield return new ValidationResult($"{Section}:Targets:{i}:{problem}");
            }

            if (!names.Add(Targets[i].Name))
            {
                yield return new ValidationResult($"{Section}:Targets:{i}:Name {Targets[i].Name} is used twice.");
            }
        }
    }
}

/// <summary>
/// One directory (the K-12 domain, the Admin domain) and its policy: who gets an account there, where it goes, what it is
/// called, and when it is disabled and deleted. The bind password comes from configuration or the environment
/// (<c>Accounts__Targets__0__BindPassword</c>), never from the database.
/// </summary>
public sealed class AccountTarget
{
    public string Name { get; set; } = "";

    public DirectoryDialect Dialect { get; set; } = DirectoryDialect.ActiveDirectory;

    /// <summary><c>ldaps://dc1.k12.example:636</c>, or <c>ldap://</c> (Active Directory refuses passwords over plain LDAP).</summary>
    public string Url { get; set; } = "";

    public string BindDn { get; set; } = "";

    public string BindPassword { get; set; } = "";

    /// <summary>A directory of trusted CA certificates (hashed, as <c>openssl rehash</c> leaves it) for LDAPS; empty: the system's.</summary>
    public string? TrustedCertificates { get; set; }

    /// <summary>Where the accounts are searched for and the OU template is placed: <c>DC=k12,DC=bayview,DC=example</c>.</summary>
    public string BaseDn { get; set; } = "";

    /// <summary>Person kinds that get an account here: Student, Teacher, Administrator, Aide, Staff.</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Site source ids whose people get an account here; empty: every site.</summary>
    public List<string> Sites { get; set; } = [];

    /// <summary>The account's OU under <see cref="BaseDn"/>: <c>OU={grade},OU={site},OU=Students,OU=DistrictOps</c>; {site}, {grade}, {kind}.</summary>
    public string OuTemplate { get; set; } = "OU={site},OU={kind},OU=DistrictOps";

    /// <summary>Username templates in order of preference ({first}, {last}, {middle}, {f}, {m}, {l}, {id}); then the first one with a counter from 2.</summary>
    public List<string> UsernameTemplates { get; set; } = ["{first}.{last}", "{first}.{m}.{last}", "{f}{last}"];

    /// <summary>The user principal name's and email's domain: <c>k12.bayview.example</c>.</summary>
    public string UpnSuffix { get; set; } = "";

    public string? EmailDomain { get; set; }

    public string? Company { get; set; }

    /// <summary>Days after leaving before a student's account is disabled (a district policy seen: 45).</summary>
    [Range(0, 3650)]
    public int StudentGraceDays { get; set; } = 45;

    /// <summary>Days after leaving before a staff member's account is disabled: none by default.</summary>
    [Range(0, 3650)]
    public int StaffGraceDays { get; set; }

    /// <summary>Days an account stays disabled before it is deleted; null (the default): never deleted.</summary>
    public int? DeleteAfterDays { get; set; }

    /// <summary>Young students' initial passwords are three words and a number; at and above this grade, 14 random characters.</summary>
    public int PassphraseBelowGrade { get; set; } = 6;

    /// <summary>The managed groups kept here (Site, Role, Grade, Class); none by default.</summary>
    public List<GroupKind> Groups { get; set; } = [];

    /// <summary>Where the managed groups go under <see cref="BaseDn"/>.</summary>
    public string GroupsOu { get; set; } = "OU=Groups,OU=DistrictOps";

    /// <summary>Names a target may not have: <c>/accounts/{target}</c> would be one of these pages.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["changes", "passwords", "reset"];

    public int MaxUsernameLength => Dialect == DirectoryDialect.ActiveDirectory ? 20 : 64;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "Name is required.";
        }
        else if (ReservedNames.Contains(Name, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Name {Name} is taken by a page of its own (/accounts/{Name.ToLowerInvariant()}); choose another, such as K12 or Admin.";
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("ldap" or "ldaps"))
        {
            yield return "Url must be an ldap:// or ldaps:// address.";
        }

        if (string.IsNullOrWhiteSpace(BaseDn) || !BaseDn.Contains('='))
        {
            yield return "BaseDn must be a distinguished name such as DC=k12,DC=bayview,DC=example.";
        }

        if (Groups.Count > 0 && (string.IsNullOrWhiteSpace(GroupsOu) || !GroupsOu.Contains('=')))
        {
            yield return "GroupsOu must be a relative distinguished name such as OU=Groups,OU=DistrictOps when Groups is set.";
        }

        if (UsernameTemplates.Count == 0)
        {
            yield return "UsernameTemplates needs at least one template.";
        }

        foreach (var kind in Kinds.Where(k => k is not ("Student" or "Teacher" or "Administrator" or "Aide" or "Staff")))
        {
            yield return $"Kinds: {kind} is not one of Student, Teacher, Administrator, Aide, Staff.";
        }
    }
}
