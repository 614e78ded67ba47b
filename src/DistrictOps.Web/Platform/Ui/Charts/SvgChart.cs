using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace DistrictOps.Web.Platform.Ui.Charts;

/// <summary>A named row of values, one per category (day, site, …); null is a gap.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// What a screen reader hears: <paramref name="Title"/> and a <paramref name="Description"/> that sums up the data. The page
/// shows the same numbers in a table below the chart. <paramref name="Id"/> must be unique on the page.
/// </summary>
public sealed record ChartText(string Id, string Title, string Description);

/// <summary>
/// Small SVG charts written by hand (no chart package): a line chart, stacked columns and horizontal bars. Output is one
/// <c>&lt;svg role="img"&gt;</c> with title and desc, sized by its viewBox so it scales to any width; every number is
/// formatted in the invariant culture and every label escaped. Series differ by colour and by a second cue (dash and
/// marker shape for lines, a fill pattern for bars) so colour is never the only way to tell them apart.
/// </summary>
public static class SvgChart
{
    /// <summary>Dark enough for 3:1 against white (WCAG non-text contrast) and distinct for the common colour-vision deficiencies.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#1f5fa8", "#b35900", "#2e7d32", "#7b3fa0", "#a11d3d"];

    private static readonly IReadOnlyList<string> Dashes = ["", "7 4", "2 3", "10 3 2 3", "4 2"];
    private const string Ink = "#1a1a1a";
    private const string Grid = "#c8c8c8";

    public static IHtmlContent Html(string svg) => new HtmlString(svg);

    public static string Line(ChartText text, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string? unit = null)
    {
        const double width = 640, height = 320, left = 52, right = 16, top = 40, bottom = 40;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = NiceMax(series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        var svg = Open(text, width, height);
        Legend(svg, text.Id, series, left, line: true);
        YAxis(svg, max, left, top, plotWidth, plotHeight, unit);
        var step = labels.Count > 1 ? plotWidth / (labels.Count - 1) : 0;
        double X(int i) => labels.Count > 1 ? left + (i * step) : left + (plotWidth / 2);
        double Y(double v) => top + plotHeight - (v / max * plotHeight);
        XLabels(svg, labels, X, top + plotHeight);
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Count];
            var points = new List<string>();
            void Flush()
            {
                if (points.Count > 0)
                {
                    svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-linejoin=\"round\""))
                        .Append(Dashes[s % Dashes.Count].Length > 0 ? $" stroke-dasharray=\"{Dashes[s % Dashes.Count]}\"" : "")
                        .Append(" points=\"").AppendJoin(' ', points).Append("\"/>");
                    points.Clear();
                }
            }

            for (var i = 0; i < labels.Count; i++)
            {
                if (i < series[s].Values.Count && series[s].Values[i] is { } value)
                {
                    points.Add(Invariant($"{X(i):0.##},{Y(value):0.##}"));
                    if (labels.Count <= 45)
                    {
                        Marker(svg, s, X(i), Y(value), colour);
                    }
                }
                else
                {
                    Flush();
                }
            }

            Flush();
        }

        return Close(svg);
    }

    public static string StackedColumns(ChartText text, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string? unit = null)
    {
        const double width = 640, height = 320, left = 52, right = 16, top = 40, bottom = 40;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var totals = labels.Select((_, i) => series.Sum(s => i < s.Values.Count ? s.Values[i] ?? 0 : 0)).ToList();
        var max = NiceMax(totals.DefaultIfEmpty(0).Max());
        var svg = Open(text, width, height);
        Patterns(svg, text.Id, series.Count);
        Legend(svg, text.Id, series, left, line: false);
        YAxis(svg, max, left, top, plotWidth, plotHeight, unit);
        var slot = labels.Count == 0 ? plotWidth : plotWidth / labels.Count;
        var barWidth = Math.Max(1, slot * 0.75);
        double X(int i) => left + (slot * i) + (slot / 2);
        XLabels(svg, labels, X, top + plotHeight);
        for (var i = 0; i < labels.Count; i++)
        {
            var y = top + plotHeight;
            for (var s = 0; s < series.Count; s++)
            {
                var value = i < series[s].Values.Count ? series[s].Values[i] ?? 0 : 0;
                if (value <= 0)
                {
                    continue;
                }

                var h = value / max * plotHeight;
                y -= h;
                svg.Append(Invariant($"<rect x=\"{X(i) - (barWidth / 2):0.##}\" y=\"{y:0.##}\" width=\"{barWidth:0.##}\" height=\"{h:0.##}\" fill=\"{Fill(text.Id, s)}\" stroke=\"#fff\" stroke-width=\"0.5\"/>"));
            }
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars, one group per label (site, team, …) with a bar per series and its value written at the end.</summary>
    public static string Bars(ChartText text, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string? unit = null, double? maximum = null)
    {
        const double width = 480, labelWidth = 150, right = 56, top = 36, barHeight = 16, gap = 10;
        var groupHeight = (series.Count * barHeight) + gap;
        var height = top + (labels.Count * groupHeight) + 8;
        var plotWidth = width - labelWidth - right;
        var max = maximum ?? NiceMax(series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        var svg = Open(text, width, height);
        Patterns(svg, text.Id, series.Count);
        Legend(svg, text.Id, series, 8, line: false);
        for (var i = 0; i < labels.Count; i++)
        {
            var y0 = top + (i * groupHeight);
            var label = labels[i].Length > 24 ? labels[i][..23] + "…" : labels[i];
            svg.Append(Invariant($"<text x=\"{labelWidth - 6:0.##}\" y=\"{y0 + (series.Count * barHeight / 2.0) + 4:0.##}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\"><title>{Escape(labels[i])}</title>{Escape(label)}</text>"));
            for (var s = 0; s < series.Count; s++)
            {
                var y = y0 + (s * barHeight);
                if (i >= series[s].Values.Count || series[s].Values[i] is not { } value)
                {
                    svg.Append(Invariant($"<text x=\"{labelWidth + 4:0.##}\" y=\"{y + 12:0.##}\" font-size=\"11\" fill=\"{Ink}\">–</text>"));
                    continue;
                }

                var w = max <= 0 ? 0 : Math.Max(0, Math.Min(value, max) / max * plotWidth);
                svg.Append(Invariant($"<rect x=\"{labelWidth:0.##}\" y=\"{y + 1:0.##}\" width=\"{w:0.##}\" height=\"{barHeight - 2:0.##}\" fill=\"{Fill(text.Id, s)}\"/>"))
                    .Append(Invariant($"<text x=\"{labelWidth + w + 4:0.##}\" y=\"{y + 12:0.##}\" font-size=\"11\" fill=\"{Ink}\">{Escape(Number(value) + (unit ?? ""))}</text>"));
            }
        }

        svg.Append(Invariant($"<line x1=\"{labelWidth:0.##}\" y1=\"{top - 4:0.##}\" x2=\"{labelWidth:0.##}\" y2=\"{height - 8:0.##}\" stroke=\"{Ink}\"/>"));
        return Close(svg);
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above the value, so the axis has round ticks.</summary>
    public static double NiceMax(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 5, 10 })
        {
            if (factor * magnitude >= value)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static StringBuilder Open(ChartText text, double width, double height) =>
        new StringBuilder()
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {width:0.##} {height:0.##}\" aria-labelledby=\"{Escape(text.Id)}-title {Escape(text.Id)}-desc\" font-family=\"system-ui, sans-serif\">"))
            .Append("<title id=\"" + Escape(text.Id) + "-title\">" + Escape(text.Title) + "</title>")
            .Append("<desc id=\"" + Escape(text.Id) + "-desc\">" + Escape(text.Description) + "</desc>");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void YAxis(StringBuilder svg, double max, double left, double top, double plotWidth, double plotHeight, string? unit)
    {
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            var y = top + plotHeight - (plotHeight * tick / 4);
            svg.Append(Invariant($"<line x1=\"{left:0.##}\" y1=\"{y:0.##}\" x2=\"{left + plotWidth:0.##}\" y2=\"{y:0.##}\" stroke=\"{(tick == 0 ? Ink : Grid)}\" stroke-width=\"1\"/>"))
                .Append(Invariant($"<text x=\"{left - 6:0.##}\" y=\"{y + 4:0.##}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{Escape(Number(value) + (unit ?? ""))}</text>"));
        }
    }

    private static void XLabels(StringBuilder svg, IReadOnlyList<string> labels, Func<int, double> x, double baseline)
    {
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 7.0));
        for (var i = 0; i < labels.Count; i += every)
        {
            svg.Append(Invariant($"<text x=\"{x(i):0.##}\" y=\"{baseline + 18:0.##}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{Escape(labels[i])}</text>"));
        }
    }

    private static void Legend(StringBuilder svg, string id, IReadOnlyList<ChartSeries> series, double left, bool line)
    {
        var x = left;
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Count];
            if (line)
            {
                svg.Append(Invariant($"<line x1=\"{x:0.##}\" y1=\"14\" x2=\"{x + 22:0.##}\" y2=\"14\" stroke=\"{colour}\" stroke-width=\"2.5\""))
                    .Append(Dashes[s % Dashes.Count].Length > 0 ? $" stroke-dasharray=\"{Dashes[s % Dashes.Count]}\"" : "").Append("/>");
                Marker(svg, s, x + 11, 14, colour);
            }
            else
            {
                svg.Append(Invariant($"<rect x=\"{x:0.##}\" y=\"6\" width=\"20\" height=\"14\" fill=\"{Fill(id, s)}\" stroke=\"{colour}\"/>"));
            }

            svg.Append(Invariant($"<text x=\"{x + 26:0.##}\" y=\"18\" font-size=\"12\" fill=\"{Ink}\">{Escape(series[s].Name)}</text>"));
            x += 40 + (series[s].Name.Length * 6.5);
        }
    }

    private static void Marker(StringBuilder svg, int series, double x, double y, string colour) =>
        svg.Append((series % 3) switch
        {
            0 => Invariant($"<circle cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"3.5\" fill=\"{colour}\"/>"),
            1 => Invariant($"<rect x=\"{x - 3.5:0.##}\" y=\"{y - 3.5:0.##}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>"),
            _ => Invariant($"<path d=\"M{x:0.##} {y - 4.5:0.##} L{x + 4.5:0.##} {y + 3.5:0.##} L{x - 4.5:0.##} {y + 3.5:0.##} Z\" fill=\"{colour}\"/>"),
        });

    private static string Fill(string id, int series) => series % Colours.Count == 0 ? Colours[0] : $"url(#{Escape(id)}-p{series % Colours.Count})";

    /// <summary>Series after the first get white stripes, dots or hatching over their colour.</summary>
    private static void Patterns(StringBuilder svg, string id, int count)
    {
        svg.Append("<defs>");
        for (var s = 1; s < Math.Min(count, Colours.Count); s++)
        {
            var colour = Colours[s];
            var mark = s switch
            {
                1 => "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2\"/>",
                2 => "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#fff\"/>",
                3 => "<line x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
                _ => "<path d=\"M0 0 L6 6 M6 0 L0 6\" stroke=\"#fff\" stroke-width=\"1\"/>",
            };
            var rotate = s == 1 ? " patternTransform=\"rotate(45)\"" : "";
            svg.Append(Invariant($"<pattern id=\"{Escape(id)}-p{s}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"{rotate}><rect width=\"6\" height=\"6\" fill=\"{colour}\"/>{mark}</pattern>"));
        }

        svg.Append("</defs>");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
