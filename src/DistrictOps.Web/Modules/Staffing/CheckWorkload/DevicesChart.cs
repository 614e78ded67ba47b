using System.Globalization;
using System.Net;
using System.Text;
using DistrictOps.Web.Modules.Staffing.Sizing;

namespace DistrictOps.Web.Modules.Staffing.CheckWorkload;

/// <summary>One bar: a technician (or the district) and their devices per FTE; null draws "no coverage".</summary>
public sealed record DevicesBar(string Label, decimal? DevicesPerTechnician);

/// <summary>The chart's words in the reader's language: the band's label, and below, within, above and no coverage.</summary>
public sealed record BenchmarkWords(string Band, string Below, string Within, string Above, string NoCoverage);

/// <summary>
/// Devices per technician as horizontal bars over the benchmark band (1,100-1,900, shaded and labelled), server-rendered SVG.
/// Each bar says its number and, in words, whether it is below, within or above the band, so colour is never the only cue;
/// the page's technicians table holds the same figures.
/// </summary>
public static class DevicesChart
{
    private const double Width = 640, LabelWidth = 170, Right = 150, BarHeight = 20, Gap = 10, Top = 44;
    private const string Ink = "#1a1a1a", Bar = "#1f5fa8", Band = "#d8ead3", BandEdge = "#2e7d32";

    public static string Svg(string id, string title, string description, IReadOnlyList<DevicesBar> bars, BenchmarkWords words)
    {
        var low = StaffingRules.BenchmarkLowDevicesPerTechnician;
        var high = StaffingRules.BenchmarkHighDevicesPerTechnician;
        var max = Scale(bars.Select(b => b.DevicesPerTechnician ?? 0).DefaultIfEmpty(0).Max());
        var plot = Width - LabelWidth - Right;
        var height = Top + (bars.Count * (BarHeight + Gap)) + 24;
        double X(decimal value) => LabelWidth + ((double)Math.Min(value, max) / (double)max * plot);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{Escape(id)}-title {Escape(id)}-desc\" viewBox=\"0 0 {Width} {height:0.##}\" xmlns=\"http://www.w3.org/2000/svg\">"))
            .Append(Invariant($"<title id=\"{Escape(id)}-title\">{Escape(title)}</title><desc id=\"{Escape(id)}-desc\">{Escape(description)}</desc>"))
            .Append(Invariant($"<rect x=\"{X(low):0.##}\" y=\"{Top - 8:0.##}\" width=\"{X(high) - X(low):0.##}\" height=\"{height - Top - 12:0.##}\" fill=\"{Band}\" stroke=\"{BandEdge}\" stroke-dasharray=\"4 3\"/>"))
            .Append(Invariant($"<text x=\"{(X(low) + X(high)) / 2:0.##}\" y=\"{Top - 14:0.##}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{Escape(words.Band)} {low:N0}–{high:N0}</text>"));
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Top + (i * (BarHeight + Gap));
            var bar = bars[i];
            svg.Append(Invariant($"<text x=\"{LabelWidth - 6:0.##}\" y=\"{y + 14:0.##}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{Escape(Shorten(bar.Label))}</text>"));
            if (bar.DevicesPerTechnician is not { } value)
            {
                svg.Append(Invariant($"<text x=\"{LabelWidth + 4:0.##}\" y=\"{y + 14:0.##}\" font-size=\"12\" fill=\"{Ink}\">{Escape(words.NoCoverage)}</text>"));
                continue;
            }

            var end = X(value);
            var against = StaffingRules.AgainstBenchmark(value) switch { < 0 => words.Below, > 0 => words.Above, _ => words.Within };
            svg.Append(Invariant($"<rect x=\"{LabelWidth:0.##}\" y=\"{y:0.##}\" width=\"{end - LabelWidth:0.##}\" height=\"{BarHeight:0.##}\" fill=\"{Bar}\"/>"))
                .Append(Invariant($"<text x=\"{end + 4:0.##}\" y=\"{y + 14:0.##}\" font-size=\"12\" fill=\"{Ink}\">{value:N0} · {Escape(against)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The axis maximum: the largest bar or the benchmark's top with room to spare, rounded up to a thousand.</summary>
    public static decimal Scale(decimal largest) => Math.Ceiling(Math.Max(largest, StaffingRules.BenchmarkHighDevicesPerTechnician * 1.2m) / 1000m) * 1000m;

    private static string Shorten(string label) => label.Length <= 26 ? label : label[..25] + "…";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
