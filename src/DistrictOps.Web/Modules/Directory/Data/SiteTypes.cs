namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>Derives a site's type from its OneRoster org type and the grades its students are in.</summary>
public static class SiteTypes
{
    private static readonly string[] Order = ["IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "PS", "UG", "Other"];

    /// <summary>Distinct grades in school order, comma-separated.</summary>
    public static string Normalize(IEnumerable<string> grades) =>
        string.Join(',', grades.Distinct(StringComparer.Ordinal).OrderBy(g => Array.IndexOf(Order, g) is var i && i < 0 ? int.MaxValue : i));

    /// <summary>The type a site has unless an administrator set one: the one its source declares, else the one its grades give.</summary>
    public static SiteType Of(Site site) => site.DeclaredType ?? Derive(site.OrgType, site.Grades);

    public static SiteType Derive(OrgType orgType, string grades)
    {
        switch (orgType)
        {
            case OrgType.District or OrgType.Local or OrgType.State or OrgType.National:
                return SiteType.District;
            case OrgType.Department:
                return SiteType.Administrative;
        }

        var numbers = grades.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(g => g switch { "IT" or "PR" or "PK" or "TK" or "KG" => 0, _ => int.TryParse(g, out var n) ? n : -1 })
            .Where(n => n >= 0).ToList();
        if (numbers.Count == 0)
        {
            return SiteType.Other;
        }

        var (low, high) = (numbers.Min(), numbers.Max());
        return (low, high) switch
        {
            ( <= 5, <= 6) => SiteType.Elementary,
            ( >= 5, <= 9) => SiteType.Middle,
            ( >= 9, _) => SiteType.High,
            _ => SiteType.Other,
        };
    }
}
