using DistrictOps.Web.Modules.Helpdesk.Work.SearchEverything;
using Microsoft.AspNetCore.Html;

namespace DistrictOps.UnitTests.Modules.Helpdesk.Work;

public sealed class HighlightTests
{
    [Fact]
    public void Every_match_is_marked_case_insensitively_and_keeps_the_texts_own_case()
    {
        Assert.Equal("<mark>Printer</mark> jams; the <mark>printer</mark> is old", Html(Highlight.Marked("Printer jams; the printer is old", ["PRINTER"])));
    }

    [Fact]
    public void The_text_and_the_match_are_html_encoded_so_only_the_marks_are_markup()
    {
        var marked = Html(Highlight.Marked("<script>alert('x')</script> & <b>", ["<b>", "alert"]));

        Assert.Equal("&lt;script&gt;<mark>alert</mark>(&#x27;x&#x27;)&lt;/script&gt; &amp; <mark>&lt;b&gt;</mark>", marked);
    }

    [Fact]
    public void Names_in_any_order_mark_each_word_and_the_longest_term_wins_where_two_start_together()
    {
        Assert.Equal("<mark>Maria</mark> <mark>Lopez</mark>", Html(Highlight.Marked("Maria Lopez", ["lop", "lopez", "maria"])));
    }

    [Fact]
    public void A_long_text_is_cut_to_a_window_around_the_first_match()
    {
        var text = new string('a', 300) + " projector " + new string('b', 300);

        var marked = Html(Highlight.Marked(text, ["projector"], length: 60));

        Assert.StartsWith("…", marked, StringComparison.Ordinal);
        Assert.EndsWith("…", marked, StringComparison.Ordinal);
        Assert.Contains("<mark>projector</mark>", marked, StringComparison.Ordinal);
        Assert.Equal(60 + 2 + "<mark></mark>".Length, marked.Length);
    }

    [Fact]
    public void Without_a_match_the_text_is_only_encoded()
    {
        Assert.Equal("Tom &amp; Jerry", Html(Highlight.Marked("Tom & Jerry", ["zzz", ""])));
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
