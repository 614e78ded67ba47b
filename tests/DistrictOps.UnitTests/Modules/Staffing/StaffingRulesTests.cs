using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;

namespace DistrictOps.UnitTests.Modules.Staffing;

public sealed class StaffingRulesTests
{
    private static readonly Guid Model = Guid.CreateVersion7();

    private static IEnumerable<string> ReviewSites() =>
        Enumerable.Repeat("Elementary", 40).Concat(Enumerable.Repeat("Middle", 8)).Concat(Enumerable.Repeat("High", 9)).Concat(Enumerable.Repeat("Alternative", 4))
            .Concat(["Administrative", "Administrative", "District"]);

    [Fact]
    public void The_reviews_ratios_on_its_61_sites_come_to_37_FTE_with_the_administrative_offices_as_one_line()
    {
        var support = StaffingRules.SiteSupport(ReviewSites().Where(StaffingRules.IsSchool), [.. StaffingDefaults.Ratios(Model)], 1.0m);

        Assert.Equal((61, 37.0m), (support.Sites, support.TotalFte));
        Assert.Equal(["Administrative", "Alternative", "Elementary", "Middle", "High"], support.Lines.Select(l => l.SiteType));
        Assert.Equal((null, 1.0m), (support.Lines[0].Sites, support.Lines[0].TotalFte));
        Assert.Equal(20.0m, support.Lines.Single(l => l.SiteType == "Elementary").TotalFte);
    }

    [Fact]
    public void A_scenario_opens_and_closes_schools_by_type_and_never_counts_fewer_than_none()
    {
        var ratios = StaffingDefaults.Ratios(Model).ToList();
        ratios.Single(r => r.SiteType == "High").SitesAdded = 2;
        ratios.Single(r => r.SiteType == "Alternative").SitesAdded = -10;

        var support = StaffingRules.SiteSupport(ReviewSites().Where(StaffingRules.IsSchool), ratios, 1.0m);

        Assert.Equal((11, 11.0m), (support.Lines.Single(l => l.SiteType == "High").Sites, support.Lines.Single(l => l.SiteType == "High").TotalFte));
        Assert.Equal(0, support.Lines.Single(l => l.SiteType == "Alternative").Sites);
        Assert.Equal(37.0m + 2 - 1, support.TotalFte);
    }

    [Fact]
    public void The_workload_estimate_is_tickets_times_minutes_over_ticket_hours_and_devices_per_technician_are_read_against_the_benchmark()
    {
        Assert.Equal(13.0m, StaffingRules.WorkloadFte(22_533, 45, 1300));
        Assert.Null(StaffingRules.WorkloadFte(100, 45, 0));
        Assert.Equal(2556m, StaffingRules.DevicesPerTechnician(23_000, 9.0m));
        Assert.Null(StaffingRules.DevicesPerTechnician(23_000, 0));
        Assert.Equal((1, 0, -1), (StaffingRules.AgainstBenchmark(2556), StaffingRules.AgainstBenchmark(1500), StaffingRules.AgainstBenchmark(622)));
    }

    [Fact]
    public void Figures_cost_every_position_the_scenario_calls_for_and_the_increase_on_todays_team()
    {
        var scenario = StaffingDefaults.Model(DateTimeOffset.UnixEpoch, "test");
        scenario.DevicesAdded = 15_000;

        var figures = StaffingRules.Figures(scenario, [.. StaffingDefaults.Ratios(scenario.Id)], ReviewSites().Where(StaffingRules.IsSchool), 8_000, 24_000, 9.0m, 0);

        Assert.Equal((39.0m, 23_000, 622m), (figures.TotalFte, figures.Devices, figures.DevicesPerTechnician));
        Assert.Equal((37.0m * 96_500m) + (2 * 118_000m), figures.YearlyCost);
        Assert.Equal((28.0m * 96_500m) + (2 * 118_000m), figures.YearlyIncrease);
        Assert.Equal(13.8m, figures.WorkloadFte);
    }

    [Fact]
    public void The_title_table_sets_each_tiers_current_titles_against_the_proposed_title_and_a_missing_tier_reads_NA()
    {
        Position Post(OrgStructure structure, string title, int tier) => new() { Structure = structure, Title = title, JobFamily = "Site support", Fte = 1.0m, SupportTier = tier };
        var positions = Enumerable.Range(0, 9).Select(_ => Post(OrgStructure.Current, "Desktop Technician", 1))
            .Append(Post(OrgStructure.Proposed, "Technology Support Specialist 1", 1)).Append(Post(OrgStructure.Proposed, "Technology Support Specialist 2", 2)).ToList();

        var titles = StaffingRules.TitleChanges(positions, 37.0m, 2);

        Assert.Equal([("Desktop Technician", 9.0m, "Technology Support Specialist 1", 37.0m, 28.0m), ("NA", 0m, "Technology Support Specialist 2", 2m, 2m)],
            titles.Select(t => (t.CurrentTitle, t.CurrentFte, t.ProposedTitle, t.ProposedFte, t.NetIncrease)));
    }

    [Fact]
    public void The_plan_counts_each_phase_on_from_today()
    {
        var model = StaffingDefaults.Model(DateTimeOffset.UnixEpoch, "test");
        StaffingPhase Phase(int n, int devices, decimal tier1, int tier2) => new()
        {
            Number = n, Name = $"Phase {n}", DevicesAdded = devices, Tier1FteAdded = tier1, Tier2PositionsAdded = tier2, StartsOn = new(2026, 7, 1), CheckpointOn = new(2027, 1, 29),
        };

        var rows = PlanRules.Rows([Phase(1, 8000, 10, 2), Phase(2, 15000, 18, 0)], 9.0m, 0, model);

        Assert.Equal([(8000, 19.0m, 2, 421m), (23000, 37.0m, 2, 622m)], rows.Select(r => (r.ProgramDevices, r.Tier1FteAfter, r.Tier2After, r.DevicesPerTechnicianAfter!.Value)));
        Assert.Equal((18m * 96_500m, (28m * 96_500m) + (2 * 118_000m)), (rows[1].PhaseYearlyCost, rows[1].YearlyIncreaseAfter));
    }
}
