using System.Globalization;
using System.Text.Encodings.Web;
using DistrictOps.UnitTests.Platform.Time;
using DistrictOps.Web.Platform.Ui.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DistrictOps.UnitTests.Platform.Ui;

public sealed class InstantTagHelperTests
{
    private const string Absolute = "Sat 5 Dec 2026, 10:14 AM";

    [Fact]
    public async Task An_instant_renders_as_a_time_element_with_the_utc_instant_and_the_district_clock()
    {
        var html = await RenderAsync(new InstantTagHelper(DistrictTimeTests.At("2026-12-08T12:00:00Z")) { At = Instant });

        Assert.Equal($"<time datetime=\"2026-12-05T18:14:00Z\" title=\"{Absolute}\">{Absolute}</time>", html);
    }

    [Fact]
    public async Task The_relative_form_keeps_the_absolute_time_in_the_text_for_screen_readers()
    {
        var html = await RenderAsync(new InstantTagHelper(DistrictTimeTests.At("2026-12-08T19:00:00Z")) { At = Instant, Relative = true });

        Assert.Equal($"<time datetime=\"2026-12-05T18:14:00Z\" title=\"{Absolute}\">3 days ago<span class=\"visually-hidden\"> ({Absolute})</span></time>", html);
    }

    [Fact]
    public async Task A_deadline_in_school_time_says_how_much_school_time_is_left()
    {
        var helper = new InstantTagHelper(DistrictTimeTests.At("2026-12-04T12:00:00Z")) { At = Instant, Relative = true, SchoolTimeLeft = TimeSpan.FromHours(2) };

        Assert.Contains(">in 2 h of school time<span class=\"visually-hidden\">", await RenderAsync(helper));
    }

    [Fact]
    public async Task A_sites_zone_and_child_content_are_honoured()
    {
        var helper = new InstantTagHelper(DistrictTimeTests.At("2026-12-08T12:00:00Z")) { At = Instant, Site = Guid.NewGuid() };

        var html = await RenderAsync(helper, "3 d");

        Assert.Equal("<time datetime=\"2026-12-05T18:14:00Z\" title=\"Sat 5 Dec 2026, 12:14 PM\">3 d<span class=\"visually-hidden\"> (Sat 5 Dec 2026, 12:14 PM)</span></time>", html);
    }

    [Fact]
    public async Task No_instant_renders_nothing()
    {
        Assert.Equal("", await RenderAsync(new InstantTagHelper(DistrictTimeTests.At("2026-12-08T12:00:00Z")) { At = null }));
    }

    private static readonly DateTimeOffset Instant = DistrictTimeTests.Utc("2026-12-05T18:14:00Z");

    private static async Task<string> RenderAsync(InstantTagHelper helper, string childContent = "")
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var context = new TagHelperContext("instant", [], new Dictionary<object, object>(), "id");
            var output = new TagHelperOutput("instant", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetContent(childContent)));
            await helper.ProcessAsync(context, output);
            using var writer = new StringWriter();
            output.WriteTo(writer, HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
