using System.Text;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// Emails the scheduled jobs send. A job has no request to take a language from, and a ticket does not record
/// its requester's, so these carry English and then Spanish in one message.
/// </summary>
public static partial class TicketEmails
{
    public static TicketEmail PendingReminder(string number, string title, int schoolDays, int closeAfterSchoolDays, string link) => Bilingual(number,
        $"Waiting on your reply: {title}", $"Esperamos su respuesta: {title}", link,
        ("View your request", [
            Line("Your request ", Bold(number), " is waiting on your reply: ", Bold(title), "."),
            Line("A technician asked you a question ", Plain(Days(schoolDays, "school day", "school days")), " ago. Reply from the request's page so we can go on."),
            Line("If we do not hear back within ", Plain(Days(closeAfterSchoolDays, "more school day", "more school days")), ", we will mark it solved; you can still reopen it."),
        ]),
        ("Ver su solicitud", [
            Line("Su solicitud ", Bold(number), " espera su respuesta: ", Bold(title), "."),
            Line("Un técnico le hizo una pregunta hace ", Plain(Days(schoolDays, "día escolar", "días escolares")), ". Responda desde la página de la solicitud para que podamos continuar."),
            Line("Si no recibimos respuesta en ", Plain(Days(closeAfterSchoolDays, "día escolar más", "días escolares más")), ", la marcaremos como resuelta; aún podrá reabrirla."),
        ]));

    public static TicketEmail Survey(string number, string title, string goodLink, string badLink, string goodLinkEs, string badLinkEs) => Bilingual(number,
        $"How did we do? {title}", $"¿Cómo lo hicimos? {title}", null,
        (null, [
            Line("Your request ", Bold(number), " was solved: ", Bold(title), "."),
            Line("How did we do? One click answers; you can add a comment on the next page."),
            Links((goodLink, "Good"), (badLink, "Bad")),
        ]),
        (null, [
            Line("Su solicitud ", Bold(number), " quedó resuelta: ", Bold(title), "."),
            Line("¿Cómo lo hicimos? Un clic basta; en la página siguiente puede añadir un comentario."),
            Links((goodLinkEs, "Bien"), (badLinkEs, "Mal")),
        ]));

    private static string Days(int days, string one, string many) =>
        days == 1 ? $"1 {one}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{days} {many}");

    private static Block Links(params (string Href, string Text)[] links) => new(
        string.Join("\n", links.Select(l => $"{l.Text}: {l.Href}")),
        "<p>" + string.Join(" ", links.Select(l =>
            $"<a href=\"{Html.Encode(l.Href)}\" style=\"display:inline-block;padding:.5em 1.5em;margin-right:.5em;border:1px solid #333;border-radius:4px\">{Html.Encode(l.Text)}</a>")) + "</p>");

    private static TicketEmail Bilingual(string number, string subject, string subjectEs, string? link, (string? LinkText, Block[] Blocks) english, (string? LinkText, Block[] Blocks) spanish)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Html.Encode(number)).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var (lang, (linkText, blocks)) in new[] { ("en", english), ("es", spanish) })
        {
            html.Append("<div lang=\"").Append(lang).Append("\">");
            foreach (var block in blocks)
            {
                text.Append(block.Text).Append("\n\n");
                html.Append(block.Html);
            }

            if (link is not null && linkText is not null)
            {
                text.Append(linkText).Append(": ").Append(link).Append("\n\n");
                html.Append("<p><a href=\"").Append(Html.Encode(link)).Append("\">").Append(Html.Encode(linkText)).Append(' ').Append(Html.Encode(number)).Append("</a></p>");
            }

            html.Append("</div>");
            if (lang == "en")
            {
                text.Append("---\n\n");
                html.Append("<hr>");
            }
        }

        const string Footer = "An automatic message from DistrictOps, the district technology help desk. / Mensaje automático de DistrictOps, la mesa de ayuda de tecnología del distrito.";
        text.Append("-- \n").Append(Footer).Append('\n');
        html.Append("<p style=\"color:#555;font-size:smaller\">").Append(Html.Encode(Footer)).Append("</p></body></html>");
        return new TicketEmail($"[{number}] {subject} / {subjectEs}", text.ToString(), html.ToString());
    }
}
