using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Staffing.CheckCoverage;
using DistrictOps.Web.Modules.Staffing.CheckWorkload;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;

namespace DistrictOps.UnitTests.Modules.Staffing;

public sealed class CoverageAndWorkloadRulesTests
{
    private static readonly Guid ScenarioId = Guid.NewGuid();

    private static readonly SiteTypeRatio[] Ratios =
    [
        new() { ScenarioId = ScenarioId, SiteType = "Elementary", FtePerSite = 0.5m },
        new() { ScenarioId = ScenarioId, SiteType = "High", FtePerSite = 1.0m },
        new() { ScenarioId = ScenarioId, SiteType = "Other", FtePerSite = 0.25m },
    ];

    private static DistrictModel Model(params Guid[] tier1) =>
        new(new StaffingScenario { Name = "District model", IsModel = true, UpdatedBy = "test" }, Ratios, tier1, tier1.Length);

    [Fact]
    public void A_sites_model_fte_is_its_types_ratio_other_types_count_as_other_and_offices_have_none()
    {
        Assert.Equal(0.5m, DistrictModel.ModelFtePerSite("Elementary", Ratios));
        Assert.Equal(0.25m, DistrictModel.ModelFtePerSite("Preschool", Ratios));
        Assert.Null(DistrictModel.ModelFtePerSite("Middle", Ratios));
        Assert.Null(DistrictModel.ModelFtePerSite("Administrative", Ratios));
        Assert.Null(DistrictModel.ModelFtePerSite("District", Ratios));
        Assert.False(StaffingRules.IsSchool("Administrative"));
        Assert.True(StaffingRules.IsSchool("Alternative"));
    }

    [Fact]
    public void Schools_without_a_technician_or_below_their_model_are_gaps_and_technicians_above_one_fte_are_overloads()
    {
        var (ana, ben, vacant) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        SiteSummary Site(string name, string type) => new(Guid.NewGuid(), name, name, type, 400);
        var (elementary, high, lonely, office) = (Site("Elm", "Elementary"), Site("Hill High", "High"), Site("Lonely", "Elementary"), Site("Office", "Administrative"));
        var report = CoverageCheck.Build(
            [elementary, high, lonely, office],
            [new(ana, "Ana", elementary.Id, 0.5m), new(ana, "Ana", high.Id, 0.75m), new(ben, "Ben", high.Id, 0.2m), new(ben, "Ben", Guid.NewGuid(), 0.5m)],
            Model(ana, vacant),
            new Dictionary<Guid, string> { [ana] = "Ana", [vacant] = "Vic" });

        Assert.Equal(["Hill High", "Lonely"], report.Gaps.Select(g => g.Name));
        var hill = report.Sites.Single(s => s.Name == "Hill High");
        Assert.Equal((0.95m, 0.05m, true, false), (hill.CoveredFte, hill.Shortfall, hill.BelowModel, hill.Uncovered));
        Assert.Equal(["Ana", "Ben"], hill.Technicians.Select(t => t.Technician));
        Assert.False(report.Sites.Single(s => s.Name == "Office").IsGap);
        Assert.Equal(["Ana", "Ben", "Vic"], report.Technicians.Select(t => t.Name));
        var a = report.Technicians[0];
        Assert.Equal((1.25m, 6.25m, true, true), (a.TotalShare, a.DaysPerWeek, a.Overloaded, a.HoldsTier1Position));
        Assert.Equal(["Hill High", "Elm"], a.Sites.Select(s => s.Site));
        Assert.Equal((0.2m, false), (report.Technicians[1].TotalShare, report.Technicians[1].HoldsTier1Position));
        Assert.Empty(report.Technicians[2].Sites);
        Assert.Equal(["Ana"], report.Overloads.Select(o => o.Name));
        Assert.Equal(2.5m, CoverageCheck.DaysPerWeek(0.5m));
    }

    [Fact]
    public void Counts_become_monthly_and_yearly_rates_and_a_technicians_devices_are_their_shares_of_each_sites()
    {
        Assert.Equal(30.4, WorkloadFigures.PerMonth(90, TimeSpan.FromDays(90)));
        Assert.Equal(0, WorkloadFigures.PerMonth(5, TimeSpan.Zero));
        Assert.Equal(1461, WorkloadFigures.PerYear(360, TimeSpan.FromDays(90)));
        Assert.Equal(1400, WorkloadFigures.TechnicianDevices([(0.5m, 1000), (0.75m, 1200)]));
        Assert.Equal(0, WorkloadFigures.TechnicianDevices([]));
        Assert.Equal(0.8m, StaffingRules.WorkloadFte(WorkloadFigures.PerYear(360, TimeSpan.FromDays(90)), 45, 1300));
    }

    [Fact]
    public void Sites_sort_by_the_chosen_column_with_empty_figures_last_either_way_and_ties_by_name()
    {
        SiteWorkloadRow Row(string name, double? median, int backlog) =>
            new(new SiteWorkload(Guid.NewGuid(), name, "Elementary", 100, 0.5m, 0.5m, new WorkloadCounts(1, 1, backlog, median, 0, 0, 0, 0), 1), null);
        var rows = new[] { Row("B", 30, 2), Row("A", null, 2), Row("C", 10, 5) };
        Assert.Equal(["C", "B", "A"], WorkloadHandler.Sorted(rows, "median", descending: false).Select(r => r.Site.Name));
        Assert.Equal(["B", "C", "A"], WorkloadHandler.Sorted(rows, "median", descending: true).Select(r => r.Site.Name));
        Assert.Equal(["C", "A", "B"], WorkloadHandler.Sorted(rows, "backlog", descending: true).Select(r => r.Site.Name));
        Assert.Equal(["C", "B", "A"], WorkloadHandler.Sorted(rows, "name", descending: true).Select(r => r.Site.Name));
    }

    [Fact]
    public void The_chart_draws_the_benchmark_band_and_says_in_words_where_each_bar_falls()
    {
        var svg = DevicesChart.Svg("c", "Devices <per> technician", "desc", [new("District", 2400m), new("Ana & co", 1500m), new("Ben", null)],
            new BenchmarkWords("Benchmark", "below", "within", "above", "no coverage"));
        Assert.Contains("Benchmark 1,100–1,900", svg);
        Assert.Contains("2,400 · above", svg);
        Assert.Contains("1,500 · within", svg);
        Assert.Contains("no coverage", svg);
        Assert.Contains("Ana &amp; co", svg);
        Assert.Contains("Devices &lt;per&gt; technician", svg);
        Assert.Equal(3000m, DevicesChart.Scale(2400m));
    }
}
