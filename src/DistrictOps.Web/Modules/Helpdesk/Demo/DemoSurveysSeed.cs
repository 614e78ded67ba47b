using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Demo;

/// <summary>
/// In demo mode, after the help desk history (20): the solved tickets get the surveys they would have had — sampled as
/// configured, sent a delay after the solve, about 40% answered and about 85% of those good, a few with a comment.
/// The same every time (a fixed seed), and only into a database without surveys.
/// </summary>
internal sealed class DemoSurveysSeed(AppDbContext db, TimeProvider clock, IOptions<HelpdeskOptions> helpdesk, IOptions<DemoOptions> demo) : IDemoSeed
{
    private static readonly string[] GoodComments =
    [
        "Fixed before my next class. Thank you!",
        "Quick and friendly.",
        "The loaner kept my students working.",
        "Gracias, todo funciona.",
    ];

    private static readonly string[] BadComments =
    [
        "It took a week and the projector still flickers.",
        "Nobody told me it was done.",
        "I had to ask three times.",
    ];

    public int Order => 22;

    public string Title => "Satisfaction survey answers";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (demo.Value.Students <= 0 || await db.Set<Survey>().AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = helpdesk.Value.Surveys;
        var now = clock.GetUtcNow();
        var random = new Random(22);
        var solved = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.SolvedAt != null && t.MergedIntoId == null)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, SolvedAt = t.SolvedAt!.Value, t.Status, t.AssigneeUserId, t.AssigneeName, t.SiteId, t.TeamId, t.IssueTypeId, t.RequesterEmail })
            .ToListAsync(cancellationToken);
        var surveys = new List<Survey>(solved.Count);
        foreach (var ticket in solved)
        {
            var survey = new Survey
            {
                TicketId = ticket.Id,
                SolvedAt = ticket.SolvedAt,
                SendAfter = ticket.SolvedAt.AddHours(settings.DelayHours),
                Sampled = SurveySchedule.IsSampled(ticket.Id, settings.SampleRate),
                TechnicianUserId = ticket.AssigneeUserId,
                TechnicianName = ticket.AssigneeName,
                SiteId = ticket.SiteId,
                TeamId = ticket.TeamId,
                IssueTypeId = ticket.IssueTypeId,
            };
            var answered = random.NextDouble() < 0.40;
            var good = random.NextDouble() < 0.85;
            var commented = random.NextDouble() < 0.15;
            var pick = random.Next(100);
            var hours = random.Next(1, 72);
            if (survey.Sampled && survey.SendAfter <= now && ticket.Status is TicketStatus.Solved or TicketStatus.Closed && !string.IsNullOrWhiteSpace(ticket.RequesterEmail))
            {
                survey.SentAt = survey.SendAfter;
                var answeredAt = survey.SentAt.Value.AddHours(hours);
                if (answered && answeredAt <= now)
                {
                    survey.AnsweredAt = answeredAt;
                    survey.Rating = good ? SurveyRating.Good : SurveyRating.Bad;
                    survey.Comment = commented ? (good ? GoodComments[pick % GoodComments.Length] : BadComments[pick % BadComments.Length]) : null;
                }
            }

            surveys.Add(survey);
        }

        await db.InsertAsync(surveys, cancellationToken);
    }
}
