using System.Globalization;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Knowledge.ReviewContent;

/// <summary>
/// Emails each owner once per review date about their published articles that reached it; the date is recorded on the
/// article (<see cref="Article.ReminderSentFor"/>) with the mail in one unit of work, so a rerun sends nothing twice.
/// </summary>
public sealed class ReviewReminderWork(AppDbContext db, IUserDirectory users, EmailOutbox outbox, DistrictTime time, IOptions<HttpOptions> http) : IScheduledWork
{
    public const string Name = "knowledge.review-reminders";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var due = await db.Set<Article>()
            .Where(a => a.LiveVersion != null && a.RetiredAt == null && a.ReviewBy != null && a.ReviewBy <= today && a.OwnerUserId != null
                && (a.ReminderSentFor == null || a.ReminderSentFor != a.ReviewBy))
            .OrderBy(a => a.ReviewBy).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new WorkDone(0, "No article reached its review date unannounced.");
        }

        var owners = (await users.FindAsync(due.Select(a => a.OwnerUserId!.Value).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id);
        foreach (var (ownerId, articles) in due.GroupBy(a => a.OwnerUserId!.Value).Select(g => (g.Key, g.ToList())))
        {
            if (owners.TryGetValue(ownerId, out var owner))
            {
                outbox.Enqueue(Reminder(owner, articles));
            }

            foreach (var article in articles)
            {
                article.ReminderSentFor = article.ReviewBy;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new WorkDone(due.Count, $"{due.Count} article(s) reached their review date; their owners were reminded.");
    }

    private EmailMessage Reminder(UserSummary owner, List<Article> articles)
    {
        var lines = articles.Select(a =>
            $"- {a.Title} (review by {a.ReviewBy!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}): {http.Value.Link(ArticleDetails.UrlOf(a.Slug, a.Language))}");
        var text = $"""
            Hello {owner.DisplayName},

            {(articles.Count == 1 ? "An article you own has" : $"{articles.Count} articles you own have")} reached the date to read again:

            {string.Join("\n", lines)}

            If one still holds, open it and choose "Still correct: mark reviewed". If it needs a change, edit it and send it for review.
            Everything waiting for you: {http.Value.Link("/knowledge/reviews")}
            """;
        return new EmailMessage(owner.Email, articles.Count == 1 ? $"Time to review: {articles[0].Title}" : $"{articles.Count} knowledge base articles to review", text, null, "knowledge-review");
    }
}
