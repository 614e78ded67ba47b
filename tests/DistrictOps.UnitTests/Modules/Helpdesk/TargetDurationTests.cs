using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Problems.FindRecurringIssues;
using DistrictOps.Web.Modules.Helpdesk.ServiceLevels.ManageServiceLevels;

namespace DistrictOps.UnitTests.Modules.Helpdesk;

public sealed class TargetDurationTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90m", 90)]
    [InlineData("45 min", 45)]
    [InlineData("1.5h", 90)]
    [InlineData("4H", 240)]
    [InlineData("2 hours", 120)]
    [InlineData("3d", 3 * 480)]
    [InlineData("0.5d", 240)]
    public void Minutes_hours_and_school_days_are_read_as_minutes(string text, int minutes) =>
        Assert.Equal(minutes, TargetDuration.Parse(text, TargetDuration.SchoolDayMinutes));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.25m")]
    [InlineData("soon")]
    [InlineData("4 weeks")]
    public void Anything_but_a_positive_whole_number_of_minutes_is_refused(string text) =>
        Assert.Null(TargetDuration.Parse(text, TargetDuration.SchoolDayMinutes));

    [Fact]
    public void A_day_is_a_school_day_or_a_whole_day_as_the_policy_counts() =>
        Assert.Equal((480, 1440), (TargetDuration.Parse("1d", TargetDuration.SchoolDayMinutes), TargetDuration.Parse("1d", TargetDuration.ClockDayMinutes)));

    [Theory]
    [InlineData(30, "30m")]
    [InlineData(60, "1h")]
    [InlineData(90, "1h 30m")]
    [InlineData(720, "12h")]
    [InlineData(1440, "3d")]
    public void Minutes_are_written_back_the_shortest_exact_way(int minutes, string text) =>
        Assert.Equal(text, TargetDuration.Format(minutes, TargetDuration.SchoolDayMinutes));

    [Fact]
    public void An_open_problem_covers_its_issue_type_at_its_site_for_its_model_or_any_and_the_most_specific_wins()
    {
        var site = Guid.NewGuid();
        var other = Guid.NewGuid();
        Problem[] open =
        [
            new() { Id = 1, Title = "District-wide", CreatedByName = "x", IssueTypeId = 3 },
            new() { Id = 2, Title = "iPads here", CreatedByName = "x", IssueTypeId = 3, DeviceModel = "iPad (9th generation)", SiteId = site },
            new() { Id = 3, Title = "Elsewhere", CreatedByName = "x", IssueTypeId = 4, SiteId = other },
        ];

        Assert.Equal(2, RecurringIssuesHandler.Covering(open, 3, "ipad (9th generation)", site)?.Id);
        Assert.Equal(1, RecurringIssuesHandler.Covering(open, 3, null, site)?.Id);
        Assert.Equal(1, RecurringIssuesHandler.Covering(open, 3, "iPad (9th generation)", other)?.Id);
        Assert.Null(RecurringIssuesHandler.Covering(open, 4, null, site));
    }
}
