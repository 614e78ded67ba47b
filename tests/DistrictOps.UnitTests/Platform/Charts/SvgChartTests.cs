using System.Globalization;
using System.Xml.Linq;
using DistrictOps.Web.Platform.Ui.Charts;

namespace DistrictOps.UnitTests.Platform.Charts;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_line_chart_is_an_accessible_image_with_one_polyline_per_series_scaled_to_round_ticks()
    {
        var svg = XDocument.Parse(SvgChart.Line(
            new ChartText("b", "Backlog", "Open went from 3 to 7."),
            ["10-01", "10-02", "10-03"],
            [new ChartSeries("Open", [3, 5, 7]), new ChartSeries("Pending", [1, 0, 2])])).Root!;

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("b-title b-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Backlog", svg.Element(Svg + "title")!.Value);
        Assert.Equal("b-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal("Open went from 3 to 7.", svg.Element(Svg + "desc")!.Value);
        var lines = svg.Elements(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Null(lines[0].Attribute("stroke-dasharray"));
        Assert.NotNull(lines[1].Attribute("stroke-dasharray"));

        // Plot: x from 40 (room for the widest tick label, "7.5") to 616, y from 40 (the top tick, 10) to 280 (zero).
        Assert.Equal("40,208 328,160 616,112", (string?)lines[0].Attribute("points"));
        var ticks = svg.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("10", ticks);
        Assert.Contains("2.5", ticks);
        Assert.Contains("Pending", ticks);
    }

    [Fact]
    public void Numbers_are_invariant_whatever_the_culture_and_labels_are_escaped()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("es-ES");
        try
        {
            var text = SvgChart.Bars(new ChartText("a", "Sites <&> \"x\"", "desc"), ["<script>alert(1)</script>"], [new ChartSeries("Met", [87.5])], " %", 100);

            Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);
            Assert.Contains("87.5 %", text, StringComparison.Ordinal);
            Assert.DoesNotContain("87,5", text, StringComparison.Ordinal);
            var svg = XDocument.Parse(text).Root!;
            Assert.Equal("Sites <&> \"x\"", svg.Element(Svg + "title")!.Value);
            var bar = svg.Elements(Svg + "rect").Last();
            // The label column is as wide as the 25-character label needs (187), leaving 249 for 100 %.
            Assert.Equal("217.88", (string?)bar.Attribute("width"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Stacked_columns_stack_series_and_give_each_after_the_first_a_pattern()
    {
        var svg = XDocument.Parse(SvgChart.StackedColumns(
            new ChartText("v", "Volume", "d"), ["a", "b"], [new ChartSeries("Web", [2, 0]), new ChartSeries("Phone", [3, 1])])).Root!;

        var bars = svg.Elements(Svg + "rect").Where(r => (string?)r.Attribute("stroke") == "#fff").ToList();
        Assert.Equal(3, bars.Count);
        Assert.Equal(SvgChart.Colours[0], (string?)bars[0].Attribute("fill"));
        Assert.Equal("url(#v-p1)", (string?)bars[1].Attribute("fill"));
        Assert.Single(svg.Descendants(Svg + "pattern"), p => (string?)p.Attribute("id") == "v-p1");

        // 2 + 3 = 5 fills the axis (max 5): the first column's top is the plot's top.
        Assert.Equal(40, double.Parse((string)bars[1].Attribute("y")!, CultureInfo.InvariantCulture), 2);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(260, 500)]
    [InlineData(0.3, 0.5)]
    public void Axes_end_on_a_round_number(double value, double nice) => Assert.Equal(nice, SvgChart.NiceMax(value), 6);

    [Fact]
    public void A_missing_value_breaks_the_line()
    {
        var svg = XDocument.Parse(SvgChart.Line(new ChartText("g", "t", "d"), ["1", "2", "3", "4"], [new ChartSeries("s", [1, null, 2, 3])])).Root!;
        Assert.Equal(2, svg.Elements(Svg + "polyline").Count());
    }

    [Fact]
    public void A_long_bar_label_wraps_whole_instead_of_being_cut_and_long_lists_show_their_ends()
    {
        const string Long = "Assistant Superintendent, Educational Services";
        var svg = XDocument.Parse(SvgChart.Bars(new ChartText("w", "t", "d"), [Long, "Short"], [new ChartSeries("Met", [50, 90])], " %", 100)).Root!;

        var label = svg.Elements(Svg + "text").First(t => t.Elements(Svg + "tspan").Any());
        Assert.Equal(["Assistant", "Superintendent,", "Educational Services"], label.Elements(Svg + "tspan").Select(t => t.Value));
        Assert.DoesNotContain("…", svg.ToString(), StringComparison.Ordinal);
        Assert.Equal(["Assistant Superintendent,", "Educational Services"], SvgChart.Wrap(Long, 25));

        Assert.Equal([1, 2, 3, 8, 9, 10], SvgChart.Ends(Enumerable.Range(1, 10).ToList(), 3));
        Assert.Equal([1, 2, 3, 4, 5, 6], SvgChart.Ends(Enumerable.Range(1, 6).ToList(), 3));
    }
}
