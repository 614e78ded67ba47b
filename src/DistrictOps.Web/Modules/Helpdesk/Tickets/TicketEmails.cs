using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

public enum EmailLanguage
{
    English,
    Spanish,
}

/// <summary>An email ready for the outbox: the subject carries the ticket number, the body a link to the ticket.</summary>
public sealed record TicketEmail(string Subject, string Text, string Html);

/// <summary>
/// The help desk's emails in English and Spanish, as plain text and as HTML. Every value a person
/// typed (titles, names, replies) is HTML-encoded in the HTML body.
/// </summary>
public static partial class TicketEmails
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailLanguage LanguageOf(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "es" ? EmailLanguage.Spanish : EmailLanguage.English;

    public static TicketEmail Acknowledgement(EmailLanguage language, string number, string title, string link) => language == EmailLanguage.Spanish
        ? Compose(language, number, $"Recibimos su solicitud: {title}", link, "Ver su solicitud",
            Line("Hemos recibido su solicitud ", Bold(number), ": ", Bold(title), "."),
            Line("Un técnico se encargará de ella. Le escribiremos cuando haya una respuesta o cuando quede resuelta."),
            Line("Para añadir información, responda desde la página de la solicitud."))
        : Compose(language, number, $"We received your request: {title}", link, "View your request",
            Line("We received your request ", Bold(number), ": ", Bold(title), "."),
            Line("A technician will pick it up. We will write when there is a reply or when it is solved."),
            Line("To add information, reply from the request's page."));

    public static TicketEmail Assigned(EmailLanguage language, string number, string title, string requesterName, int priority, string link) => language == EmailLanguage.Spanish
        ? Compose(language, number, $"Asignado a usted: {title}", link, "Abrir el ticket",
            Line("Se le ha asignado ", Bold(number), ": ", Bold(title), "."),
            Line("Solicitante: ", Plain(requesterName), ". Prioridad: ", Plain(priority.ToString(CultureInfo.InvariantCulture)), "."))
        : Compose(language, number, $"Assigned to you: {title}", link, "Open the ticket",
            Line(Bold(number), " was assigned to you: ", Bold(title), "."),
            Line("Requester: ", Plain(requesterName), ". Priority: ", Plain(priority.ToString(CultureInfo.InvariantCulture)), "."));

    public static TicketEmail Reply(EmailLanguage language, string number, string title, string authorName, string body, string link) => language == EmailLanguage.Spanish
        ? Compose(language, number, $"Nueva respuesta: {title}", link, "Responder",
            Line(Plain(authorName), " respondió en ", Bold(number), ": ", Bold(title), "."),
            Quote(body))
        : Compose(language, number, $"New reply: {title}", link, "Reply",
            Line(Plain(authorName), " replied on ", Bold(number), ": ", Bold(title), "."),
            Quote(body));

    public static TicketEmail Solved(EmailLanguage language, string number, string title, int reopenDays, string link) => language == EmailLanguage.Spanish
        ? Compose(language, number, $"Resuelta: {title}", link, "Ver su solicitud",
            Line("Su solicitud ", Bold(number), " quedó resuelta: ", Bold(title), "."),
            Line("Si el problema continúa, abra la solicitud y pulse «Reabrir» en los próximos ", Plain(reopenDays.ToString(CultureInfo.InvariantCulture)), " días; después, abra una nueva solicitud."))
        : Compose(language, number, $"Solved: {title}", link, "View your request",
            Line("Your request ", Bold(number), " was solved: ", Bold(title), "."),
            Line("If the problem is not fixed, open the request and choose Reopen within ", Plain(reopenDays.ToString(CultureInfo.InvariantCulture)), " days; after that, open a new request."));

    /// <summary>
    /// A step of the service-level ladder: <paramref name="target"/> is "response", "resolution" or "restore",
    /// <paramref name="percent"/> 50, 75 or 100 (breached); <paramref name="due"/> is the deadline in the site's words, if known.
    /// </summary>
    public static TicketEmail ServiceLevel(EmailLanguage language, string number, string title, string target, int percent, string? due, string link)
    {
        var breached = percent >= 100;
        if (language == EmailLanguage.Spanish)
        {
            var what = target switch { "response" => "la primera respuesta", "restore" => "restablecer la clase", _ => "la resolución" };
            return Compose(language, number, breached ? $"Plazo incumplido ({what}): {title}" : $"{percent} % del plazo ({what}): {title}", link, "Abrir el ticket",
                Line(Bold(number), ": ", Bold(title), "."),
                breached
                    ? Line("Se superó el plazo de ", Plain(what), ".")
                    : Line("Se ha consumido el ", Plain(percent.ToString(CultureInfo.InvariantCulture)), " % del plazo de ", Plain(what), due is null ? "." : ", que vence el ", Plain(due ?? ""), due is null ? "" : "."));
        }

        var name = target switch { "response" => "first response", "restore" => "restoring instruction", _ => "resolution" };
        return Compose(language, number, breached ? $"Service level breached ({name}): {title}" : $"{percent}% of the {name} target used: {title}", link, "Open the ticket",
            Line(Bold(number), ": ", Bold(title), "."),
            breached
                ? Line("The ", Plain(name), " target was breached.")
                : Line(Plain(percent.ToString(CultureInfo.InvariantCulture)), "% of the ", Plain(name), " target is used", due is null ? "." : "; it is due ", Plain(due ?? ""), due is null ? "" : "."));
    }

    /// <summary>The link to a ticket: the requester's page, or the technician's.</summary>
    public static string Link(string publicBaseUrl, string number, bool forTechnician) =>
        $"{publicBaseUrl.TrimEnd('/')}/helpdesk/{(forTechnician ? "tickets" : "requests")}/{Uri.EscapeDataString(number)}";

    private static TicketEmail Compose(EmailLanguage language, string number, string subject, string link, string linkText, params Block[] blocks)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        var lang = language == EmailLanguage.Spanish ? "es" : "en";
        html.Append("<!DOCTYPE html><html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Html.Encode(number)).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var block in blocks)
        {
            text.Append(block.Text).Append("\n\n");
            html.Append(block.Html);
        }

        text.Append(linkText).Append(": ").Append(link).Append('\n');
        html.Append("<p><a href=\"").Append(Html.Encode(link)).Append("\">").Append(Html.Encode(linkText)).Append(' ').Append(Html.Encode(number)).Append("</a></p>");
        var footer = language == EmailLanguage.Spanish
            ? "Mensaje automático de DistrictOps, la mesa de ayuda de tecnología del distrito."
            : "An automatic message from DistrictOps, the district technology help desk.";
        text.Append("\n-- \n").Append(footer).Append('\n');
        html.Append("<p style=\"color:#555;font-size:smaller\">").Append(Html.Encode(footer)).Append("</p></body></html>");
        return new TicketEmail($"[{number}] {subject}", text.ToString(), html.ToString());
    }

    private readonly record struct Span(string Text, string Html)
    {
        public static implicit operator Span(string text) => Plain(text);
    }

    private readonly record struct Block(string Text, string Html);

    private static Span Plain(string value) => new(value, Html.Encode(value));

    private static Span Bold(string value) => new(value, $"<strong>{Html.Encode(value)}</strong>");

    private static Block Line(params Span[] parts)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<p>");
        foreach (var span in parts)
        {
            text.Append(span.Text);
            html.Append(span.Html);
        }

        return new Block(text.ToString(), html.Append("</p>").ToString());
    }

    private static Block Quote(string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        return new Block(
            string.Join('\n', lines.Select(l => "> " + l)),
            "<blockquote style=\"border-left:3px solid #ccc;margin:0;padding-left:1em\">" + string.Join("<br>", lines.Select(l => Html.Encode(l))) + "</blockquote>");
    }
}
