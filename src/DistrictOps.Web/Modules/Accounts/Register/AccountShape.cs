using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>
/// What a person's account in a target looks like: its OU from the template, its RDN (the username, which never changes,
/// so a name change renames in place), and the attributes DistrictOps keeps in step, named as the dialect names them.
/// </summary>
public static class AccountShape
{
    /// <summary>The marker on every account DistrictOps manages; nothing without it is changed.</summary>
    public const string MarkerValue = "Managed by DistrictOps";

    public static string MarkerAttribute(DirectoryDialect dialect) => dialect == DirectoryDialect.ActiveDirectory ? "adminDescription" : "employeeType";

    /// <summary>Where a group carries the marker: groupOfNames has no employeeType.</summary>
    public static string GroupMarkerAttribute(DirectoryDialect dialect) => dialect == DirectoryDialect.ActiveDirectory ? "adminDescription" : "businessCategory";

    public static string GroupNameAttribute(DirectoryDialect dialect) => dialect == DirectoryDialect.ActiveDirectory ? "sAMAccountName" : "cn";

    public static string SourceIdAttribute(DirectoryDialect dialect) => dialect == DirectoryDialect.ActiveDirectory ? "employeeID" : "employeeNumber";

    public static string UsernameAttribute(DirectoryDialect dialect) => dialect == DirectoryDialect.ActiveDirectory ? "sAMAccountName" : "uid";

    /// <summary>The name parts a username is made from: the preferred names where the SIS or HR has them.</summary>
    public static Usernames.Parts Parts(AccountHolder holder) =>
        new(Blank(holder.PreferredGivenName) ?? holder.GivenName, Blank(holder.PreferredFamilyName) ?? holder.FamilyName, Blank(holder.MiddleName), holder.SourcedId);

    public static string DisplayName(AccountHolder holder) => $"{Parts(holder).First} {Parts(holder).Last}".Trim();

    public static string Ou(AccountTarget target, AccountHolder holder)
    {
        var ou = target.OuTemplate
            .Replace("{site}", DistinguishedNames.Escape(holder.SiteSourcedId ?? "no-site"), StringComparison.Ordinal)
            .Replace("{grade}", DistinguishedNames.Escape(holder.Grade ?? "no-grade"), StringComparison.Ordinal)
            .Replace("{kind}", DistinguishedNames.Escape(holder.Kind == "Student" ? "Students" : "Staff"), StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(ou) ? target.BaseDn : $"{ou},{target.BaseDn}";
    }

    public static string Dn(AccountTarget target, AccountHolder holder, string username) =>
        $"{(target.Dialect == DirectoryDialect.ActiveDirectory ? "CN" : "uid")}={DistinguishedNames.Escape(username)},{Ou(target, holder)}";

    /// <summary>The attributes kept in step with the Directory (not the username, the RDN or the password).</summary>
    public static IReadOnlyDictionary<string, string> Attributes(AccountTarget target, AccountHolder holder, string username)
    {
        var parts = Parts(holder);
        var ad = target.Dialect == DirectoryDialect.ActiveDirectory;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["givenName"] = parts.First,
            ["sn"] = parts.Last,
            ["displayName"] = DisplayName(holder),
            [SourceIdAttribute(target.Dialect)] = holder.SourcedId,
            ["mail"] = string.IsNullOrWhiteSpace(target.EmailDomain) ? null : $"{username}@{target.EmailDomain}",
            ["title"] = Blank(holder.Title),
            [ad ? "department" : "departmentNumber"] = Blank(holder.Department),
            [ad ? "company" : "o"] = Blank(target.Company),
        };
        if (ad)
        {
            values["userPrincipalName"] = $"{username}@{(string.IsNullOrWhiteSpace(target.UpnSuffix) ? DomainOf(target.BaseDn) : target.UpnSuffix)}";
        }
        else
        {
            values["cn"] = DisplayName(holder);
        }

        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Which of the kept attributes are the person's name: a change there is a rename.</summary>
    public static bool IsName(string attribute) => attribute is "givenName" or "sn" or "displayName" or "cn";

    private static string DomainOf(string baseDn) =>
        string.Join('.', baseDn.Split(',').Select(p => p.Trim()).Where(p => p.StartsWith("DC=", StringComparison.OrdinalIgnoreCase)).Select(p => p[3..])).ToLowerInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
