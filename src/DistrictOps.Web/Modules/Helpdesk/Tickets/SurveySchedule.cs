using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// A solved ticket's survey, scheduled where a ticket is announced solved (<see cref="TicketNotifier.SolvedAsync"/>):
/// created the first time, and while unsent moved to the latest solve, so a reopened ticket is surveyed after it is solved again.
/// </summary>
public static class SurveySchedule
{
    public static async Task ScheduleAsync(AppDbContext db, Ticket ticket, SurveyOptions options, CancellationToken cancellationToken)
    {
        var solvedAt = ticket.SolvedAt ?? ticket.StatusChangedAt;
        var survey = db.Set<Survey>().Local.FirstOrDefault(s => s.TicketId == ticket.Id)
            ?? await db.Set<Survey>().FirstOrDefaultAsync(s => s.TicketId == ticket.Id, cancellationToken);
        if (survey is null)
        {
            survey = new Survey { TicketId = ticket.Id, Sampled = IsSampled(ticket.Id, options.SampleRate) };
            db.Set<Survey>().Add(survey);
        }
        else if (survey.SentAt is not null)
        {
            return;
        }

        survey.SolvedAt = solvedAt;
        survey.SendAfter = solvedAt.AddHours(Math.Max(options.DelayHours, 0));
        survey.TechnicianUserId = ticket.AssigneeUserId;
        survey.TechnicianName = ticket.AssigneeName;
        survey.SiteId = ticket.SiteId;
        survey.TeamId = ticket.TeamId;
        survey.IssueTypeId = ticket.IssueTypeId;
    }

    /// <summary>Whether the sample includes the ticket: a fixed hash of its number below the rate, so a rerun decides the same.</summary>
    public static bool IsSampled(long ticketId, double rate) => rate >= 1 || (rate > 0 && Fraction(ticketId) < rate);

    /// <summary>SplitMix64 of the id, as a fraction in [0, 1): consecutive numbers spread evenly.</summary>
    public static double Fraction(long ticketId)
    {
        var z = unchecked((ulong)ticketId + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
