using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Tickets;

namespace DistrictOps.UnitTests.Modules.Helpdesk;

public sealed class TicketEmailsTests
{
    private const string Link = "https://ops.example/helpdesk/requests/BV-000123";

    [Fact]
    public void Everything_a_person_typed_is_html_encoded_in_the_html_body_and_left_as_typed_in_the_text()
    {
        var email = TicketEmails.Reply(EmailLanguage.English, "BV-000123", "<script>alert('x')</script> & \"quotes\"", "O'Brien <admin>", "Line one <b>\nLine two & more", Link);

        Assert.Equal("[BV-000123] New reply: <script>alert('x')</script> & \"quotes\"", email.Subject);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<admin>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;", email.Html, StringComparison.Ordinal);
        Assert.Contains("Line one &lt;b&gt;<br>Line two &amp; more", email.Html, StringComparison.Ordinal);
        Assert.Contains("O'Brien <admin> replied on BV-000123: <script>alert('x')</script>", email.Text, StringComparison.Ordinal);
        Assert.Contains("> Line one <b>\n> Line two & more", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_email_names_the_ticket_in_its_subject_and_links_to_it_in_both_bodies()
    {
        var emails = new[]
        {
            TicketEmails.Acknowledgement(EmailLanguage.English, "BV-000123", "Printer", Link),
            TicketEmails.Acknowledgement(EmailLanguage.Spanish, "BV-000123", "Impresora", Link),
            TicketEmails.Assigned(EmailLanguage.English, "BV-000123", "Printer", "Maria Lopez", 2, Link),
            TicketEmails.Reply(EmailLanguage.Spanish, "BV-000123", "Impresora", "Luis", "Listo.", Link),
            TicketEmails.Solved(EmailLanguage.English, "BV-000123", "Printer", 14, Link),
            TicketEmails.Solved(EmailLanguage.Spanish, "BV-000123", "Impresora", 14, Link),
        };

        Assert.All(emails, e => Assert.StartsWith("[BV-000123] ", e.Subject, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.Contains(Link, e.Text, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.Contains($"<a href=\"{Link}\">", e.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void Spanish_templates_are_written_in_spanish_and_say_how_to_reopen()
    {
        var solved = TicketEmails.Solved(EmailLanguage.Spanish, "BV-000007", "Sin proyector", 14, Link);

        Assert.Equal("[BV-000007] Resuelta: Sin proyector", solved.Subject);
        Assert.Contains("Reabrir", solved.Text, StringComparison.Ordinal);
        Assert.Contains("14 días", solved.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\">", solved.Html, StringComparison.Ordinal);
        Assert.Contains("días", solved.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", EmailLanguage.Spanish)]
    [InlineData("es-MX", EmailLanguage.Spanish)]
    [InlineData("en", EmailLanguage.English)]
    [InlineData("fr", EmailLanguage.English)]
    public void Spanish_is_chosen_for_any_spanish_culture_and_english_otherwise(string culture, EmailLanguage expected) =>
        Assert.Equal(expected, TicketEmails.LanguageOf(CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Links_point_requesters_at_their_request_and_technicians_at_the_ticket()
    {
        Assert.Equal("https://ops.example/helpdesk/requests/BV-000123", TicketEmails.Link("https://ops.example/", "BV-000123", forTechnician: false));
        Assert.Equal("https://ops.example/helpdesk/tickets/BV-000123", TicketEmails.Link("https://ops.example", "BV-000123", forTechnician: true));
    }
}
