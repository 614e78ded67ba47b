using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Automations.RunAutomations;
using DistrictOps.Web.Modules.Helpdesk.Tickets;

namespace DistrictOps.UnitTests.Modules.Helpdesk;

public sealed class AutomationRulesTests
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    // 2026-10-12 (Monday) has no school.
    private static readonly SchoolSchedule Schedule = SchoolSchedule.Create(
        Pacific, [new InstructionalYear(new DateOnly(2026, 8, 17), new DateOnly(2027, 6, 11))], [new DateOnly(2026, 10, 12)]);

    // Friday 2026-10-09, 13:00 in Bayview.
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 10, 9, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-10-14T12:00:00-07:00", false)] // Tue 13 only: the weekend and the Monday holiday do not count
    [InlineData("2026-10-15T12:00:00-07:00", false)] // Tue 13, Wed 14
    [InlineData("2026-10-15T23:59:00-07:00", false)] // still Thursday: the day itself has not passed
    [InlineData("2026-10-16T00:01:00-07:00", true)]  // Tue, Wed, Thu have passed
    public void Three_school_days_skip_weekends_and_days_without_school(string now, bool passed)
    {
        Assert.Equal(passed, SchoolDays.HavePassed(Schedule, FridayAfternoon, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), 3));
    }

    [Fact]
    public void Days_are_read_in_the_site_time_zone()
    {
        // Thursday 2026-10-15 22:00 in Bayview is already Friday in UTC: Thursday has not passed there yet.
        var pending = new DateTimeOffset(2026, 10, 13, 18, 0, 0, TimeSpan.Zero); // Tuesday 11:00 local
        Assert.False(SchoolDays.HavePassed(Schedule, pending, new DateTimeOffset(2026, 10, 16, 5, 0, 0, TimeSpan.Zero), 2));
        Assert.True(SchoolDays.HavePassed(Schedule, pending, new DateTimeOffset(2026, 10, 16, 8, 0, 0, TimeSpan.Zero), 2));
    }

    [Fact]
    public void Summer_does_not_count()
    {
        var lastWeek = new DateTimeOffset(2027, 6, 10, 18, 0, 0, TimeSpan.Zero);
        Assert.False(SchoolDays.HavePassed(Schedule, lastWeek, new DateTimeOffset(2027, 8, 1, 18, 0, 0, TimeSpan.Zero), 3));
    }

    [Fact]
    public void The_sample_is_fixed_per_ticket_and_close_to_the_rate()
    {
        var picked = Enumerable.Range(1, 20_000).Count(id => SurveySchedule.IsSampled(id, 0.25));
        Assert.InRange(picked, 4_700, 5_300);
        Assert.Equal(SurveySchedule.IsSampled(1234, 0.5), SurveySchedule.IsSampled(1234, 0.5));
        Assert.True(SurveySchedule.IsSampled(99, 1.0));
        Assert.False(SurveySchedule.IsSampled(99, 0));
    }

    [Fact]
    public void The_survey_email_carries_both_languages_and_encodes_the_title()
    {
        var email = TicketEmails.Survey("BV-000042", "<b>Projector</b>", "https://ops.example/g", "https://ops.example/b", "https://ops.example/g?lang=es", "https://ops.example/b?lang=es");

        Assert.Equal("[BV-000042] How did we do? <b>Projector</b> / ¿Cómo lo hicimos? <b>Projector</b>", email.Subject);
        Assert.Contains("Good: https://ops.example/g", email.Text, StringComparison.Ordinal);
        Assert.Contains("Mal: https://ops.example/b?lang=es", email.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Projector&lt;/b&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Projector", email.Html, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"es\">", email.Html, StringComparison.Ordinal);
    }
}
