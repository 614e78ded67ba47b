using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>A site type the SIS declares survives the import; the default routing sends every school's devices to its technician.</summary>
public sealed class ImportSiteTypesTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-site-types-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task A_declared_site_type_wins_over_the_grades_and_an_administrator_wins_over_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Orgs, "org-hs-01")[OneRosterSpec.SiteTypeColumn] = "alternative";
        package.ExtraColumns[OneRosterSpec.Orgs] = [OneRosterSpec.SiteTypeColumn];

        var applied = await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(_folder), "--apply");

        Assert.True(applied.Code == 0, applied.Error);
        await using var context = db.OpenContext();
        var sites = await context.Set<Site>().ToDictionaryAsync(s => s.SourcedId);
        Assert.Equal(SiteType.Alternative, sites["org-hs-01"].Type);
        Assert.Equal(SiteType.Elementary, sites["org-es-01"].Type);

        package.Row(OneRosterSpec.Orgs, "org-hs-01")[OneRosterSpec.SiteTypeColumn] = "campus";
        var refused = await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(_folder), "--plan");
        Assert.Contains("orgs.csv:4:8 — metadata.districtops.siteType 'campus' is not one of Elementary, Middle, High, Alternative, Administrative, Other.", refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_demo_district_has_40_elementary_8_middle_9_high_and_4_alternative_schools(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var context = db.OpenContext();

        var types = await context.Set<Site>().Where(s => s.OrgType == OrgType.School).GroupBy(s => s.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        Assert.Equal(
            [(SiteType.Elementary, 40), (SiteType.Middle, 8), (SiteType.High, 9), (SiteType.Alternative, 4)],
            types.Select(t => (t.Key, t.Count)).OrderBy(t => t.Key));
    }

    [Theory]
    [Providers]
    public async Task The_default_routing_sends_devices_at_every_kind_of_school_to_its_technician(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.OpenContext();
        var rule = await context.Set<RoutingRule>().SingleAsync(r => r.AssignSiteTechnician);
        var schoolTypes = Enum.GetValues<SiteType>().Except([SiteType.District, SiteType.Administrative]).Select(t => t.ToString());

        Assert.Equal(schoolTypes.Order(), rule.SiteTypes!.Split(',').Order());
    }
}
