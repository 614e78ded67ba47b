using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static System.FormattableString;

namespace DistrictOps.Web.Modules.Helpdesk.Surveys.AnswerSurvey;

/// <summary>What the survey page shows: which ticket, and the answer if there is one.</summary>
public sealed record SurveyView(long SurveyId, string Number, SurveyRating? Rating, DateTimeOffset? AnsweredAt)
{
    public bool Answered => AnsweredAt is not null;
}

/// <summary>A survey link read: the survey, or why the link cannot be used.</summary>
public sealed record SurveyLookup(SurveyView? Survey, SurveyLinkProblem? Problem);

public enum SurveyAnswerOutcome
{
    Recorded,
    AlreadyAnswered,
}

/// <summary>
/// Answers a satisfaction survey through its signed link, without signing in. Reading the link changes nothing
/// (mail scanners open links); one POST records the answer, once: the update only applies while it is unanswered.
/// </summary>
public sealed class AnswerSurveyHandler(AppDbContext db, SurveyLinks links, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public async Task<SurveyLookup> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (id, problem) = links.Read(token);
        if (problem is not null)
        {
            return new SurveyLookup(null, problem);
        }

        var survey = await db.Set<Survey>().AsNoTracking().Where(s => s.Id == id && s.SentAt != null)
            .Select(s => new { s.Id, s.TicketId, s.Rating, s.AnsweredAt, Solved = db.Set<Ticket>().Any(t => t.Id == s.TicketId && (t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed)) })
            .SingleOrDefaultAsync(cancellationToken);
        return survey is null
            ? new SurveyLookup(null, SurveyLinkProblem.Invalid)
            : survey.AnsweredAt is null && !survey.Solved
            ? new SurveyLookup(null, SurveyLinkProblem.TicketReopened)
            : new SurveyLookup(new SurveyView(survey.Id, TicketNumber.Format(options.Value.NumberPrefix, survey.TicketId), survey.Rating, survey.AnsweredAt), null);
    }

    public static SurveyRating? ParseRating(string? rating) => rating?.Trim().ToUpperInvariant() switch
    {
        "GOOD" => SurveyRating.Good,
        "BAD" => SurveyRating.Bad,
        _ => null,
    };

    /// <summary>Records the answer if the survey has none yet; the caller has checked the link with <see cref="FindAsync"/>.</summary>
    public async Task<Result<SurveyAnswerOutcome>> AnswerAsync(SurveyView survey, string? rating, string? comment, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        var parsed = ParseRating(rating);
        if (parsed is null)
        {
            errors.Add("rating", "Choose Good or Bad.");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text?.Length > Survey.CommentMaxLength)
        {
            errors.Add("comment", Invariant($"A comment can be at most {Survey.CommentMaxLength:N0} characters."));
        }

        if (survey.Answered)
        {
            return SurveyAnswerOutcome.AlreadyAnswered;
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = await db.Set<Survey>()
            .Where(s => s.Id == survey.SurveyId && s.AnsweredAt == null
                && db.Set<Ticket>().Any(t => t.Id == s.TicketId && (t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Rating, parsed)
                .SetProperty(x => x.Comment, text)
                .SetProperty(x => x.AnsweredAt, now), cancellationToken);
        if (recorded == 0)
        {
            return SurveyAnswerOutcome.AlreadyAnswered;
        }

        var ticketId = await db.Set<Survey>().Where(s => s.Id == survey.SurveyId).Select(s => s.TicketId).SingleAsync(cancellationToken);
        db.Set<TicketEvent>().Add(new TicketEvent
        {
            TicketId = ticketId, At = now, Kind = TicketEventKind.Survey, ActorName = "Requester (survey)", IsPublic = false,
            Body = text is null ? $"Satisfaction survey answered: {parsed}." : $"Satisfaction survey answered: {parsed}. “{text}”",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SurveyAnswerOutcome.Recorded;
    }
}
