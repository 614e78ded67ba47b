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
        const double width = 640, height = 320, right = 24, top = 40, bottom = 40;
        var max = NiceMax(series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        var left = AxisWidth(max, unit);
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var svg = Open(text, width, height);
        Legend(svg, text.Id, series, left, line: true, width);
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
        const double width = 640, right = 24, bottom = 40;
        var totals = labels.Select((_, i) => series.Sum(s => i < s.Values.Count ? s.Values[i] ?? 0 : 0)).ToList();
        var max = NiceMax(totals.DefaultIfEmpty(0).Max());
        var left = AxisWidth(max, unit);
        var top = 40.0 + ((LegendRows(series, left, width) - 1) * 20);
        var height = top + 240 + bottom;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var svg = Open(text, width, height);
        Patterns(svg, text.Id, series.Count);
        Legend(svg, text.Id, series, left, line: false, width);
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

    /// <summary>
    /// Horizontal bars, one group per label (site, team, …) with a bar per series and its value written at the end. A label
    /// is never cut: the label column is as wide as the longest line needs, and a long label wraps onto a second line.
    /// </summary>
    public static string Bars(ChartText text, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string? unit = null, double? maximum = null)
    {
        const double width = 520, right = 84, barHeight = 18, gap = 12, lineHeight = 14;
        var top = 36.0 + ((LegendRows(series, 8, width) - 1) * 20);
        var lines = labels.Select(l => Wrap(l, LabelLineCharacters)).ToList();
        var labelWidth = Math.Max(60, lines.SelectMany(l => l).Select(TextWidth).DefaultIfEmpty(0).Max() + 12);
        var groupHeights = lines.Select(l => Math.Max(series.Count * barHeight, l.Count * lineHeight) + gap).ToList();
        var height = top + groupHeights.Sum() + 8;
        var plotWidth = width - labelWidth - right;
        var max = maximum ?? NiceMax(series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        var svg = Open(text, width, height);
        Patterns(svg, text.Id, series.Count);
        Legend(svg, text.Id, series, 8, line: false, width);
        var y0 = top;
        for (var i = 0; i < labels.Count; i++)
        {
            var middle = y0 + ((groupHeights[i] - gap) / 2.0);
            var first = middle + 4 - ((lines[i].Count - 1) * lineHeight / 2.0);
            svg.Append(Invariant($"<text x=\"{labelWidth - 6:0.##}\" y=\"{first:0.##}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">"));
            for (var l = 0; l < lines[i].Count; l++)
            {
                svg.Append(Invariant($"<tspan x=\"{labelWidth - 6:0.##}\" dy=\"{(l == 0 ? 0 : lineHeight)}\">{Escape(lines[i][l])}</tspan>"));
            }

            svg.Append("</text>");
            var barsTop = middle - (series.Count * barHeight / 2.0);
            for (var s = 0; s < series.Count; s++)
            {
                var y = barsTop + (s * barHeight);
                if (i >= series[s].Values.Count || series[s].Values[i] is not { } value)
                {
                    svg.Append(Invariant($"<text x=\"{labelWidth + 4:0.##}\" y=\"{y + 13:0.##}\" font-size=\"12\" fill=\"{Ink}\">–</text>"));
                    continue;
                }

                var w = max <= 0 ? 0 : Math.Max(0, Math.Min(value, max) / max * plotWidth);
                svg.Append(Invariant($"<rect x=\"{labelWidth:0.##}\" y=\"{y + 1:0.##}\" width=\"{w:0.##}\" height=\"{barHeight - 2:0.##}\" fill=\"{Fill(text.Id, s)}\"/>"))
                    .Append(Invariant($"<text x=\"{labelWidth + w + 4:0.##}\" y=\"{y + 13:0.##}\" font-size=\"12\" fill=\"{Ink}\">{Escape(Number(value) + (unit ?? ""))}</text>"));
            }

            y0 += groupHeights[i];
        }

        svg.Append(Invariant($"<line x1=\"{labelWidth:0.##}\" y1=\"{top - 4:0.##}\" x2=\"{labelWidth:0.##}\" y2=\"{height - 8:0.##}\" stroke=\"{Ink}\"/>"));
        return Close(svg);
    }

    /// <summary>
    /// A long list shown as its <paramref name="each"/> first and last rows (the best and the worst once sorted), or whole
    /// when it is short enough; the page offers the whole list beside it.
    /// </summary>
    public static IReadOnlyList<T> Ends<T>(IReadOnlyList<T> sorted, int each) =>
        sorted.Count <= 2 * each ? sorted : [.. sorted.Take(each), .. sorted.TakeLast(each)];

    /// <summary>Words onto lines of at most <paramref name="characters"/>; a single longer word keeps its own line.</summary>
    public static IReadOnlyList<string> Wrap(string label, int characters)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > characters)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }

    // An estimate of 12 px system-ui text: wide enough for capitals and digits, so nothing is cut at the edge.
    private const double CharacterWidth = 7;
    private const int LabelLineCharacters = 22;

    private static double TextWidth(string text) => text.Length * CharacterWidth;

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
            // The first and last labels hang inward, so neither is cut at the chart's edge.
            var anchor = labels.Count > 1 && i == 0 ? "start" : labels.Count > 1 && i + every >= labels.Count && i == labels.Count - 1 ? "end" : "middle";
            svg.Append(Invariant($"<text x=\"{x(i):0.##}\" y=\"{baseline + 18:0.##}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"{Ink}\">{Escape(labels[i])}</text>"));
        }
    }

    /// <summary>The y axis's room: its longest tick label ("1000 min") and a gap.</summary>
    private static double AxisWidth(double max, string? unit) =>
        Math.Max(40, (Enumerable.Range(0, 5).Select(tick => (Number(max * tick / 4) + (unit ?? "")).Length).Max() * CharacterWidth) + 10);

    private static double LegendWidth(ChartSeries series) => 34 + TextWidth(series.Name);

    private static int LegendRows(IReadOnlyList<ChartSeries> series, double left, double width)
    {
        var (rows, x) = (1, left);
        foreach (var item in series)
        {
            if (x > left && x + LegendWidth(item) > width)
            {
                (rows, x) = (rows + 1, left);
            }

            x += LegendWidth(item);
        }

        return rows;
    }

    /// <summary>One key per series, wrapping onto another row before the chart's right edge.</summary>
    private static void Legend(StringBuilder svg, string id, IReadOnlyList<ChartSeries> series, double left, bool line, double width)
    {
        var x = left;
        var y = 14.0;
        for (var s = 0; s < series.Count; s++)
        {
            if (x > left && x + LegendWidth(series[s]) > width)
            {
                (x, y) = (left, y + 20);
            }

            var colour = Colours[s % Colours.Count];
            if (line)
            {
                svg.Append(Invariant($"<line x1=\"{x:0.##}\" y1=\"{y:0.##}\" x2=\"{x + 22:0.##}\" y2=\"{y:0.##}\" stroke=\"{colour}\" stroke-width=\"2.5\""))
                    .Append(Dashes[s % Dashes.Count].Length > 0 ? $" stroke-dasharray=\"{Dashes[s % Dashes.Count]}\"" : "").Append("/>");
                Marker(svg, s, x + 11, y, colour);
            }
            else
            {
                svg.Append(Invariant($"<rect x=\"{x:0.##}\" y=\"{y - 8:0.##}\" width=\"20\" height=\"14\" fill=\"{Fill(id, s)}\" stroke=\"{colour}\"/>"));
            }

            svg.Append(Invariant($"<text x=\"{x + 26:0.##}\" y=\"{y + 4:0.##}\" font-size=\"12\" fill=\"{Ink}\">{Escape(series[s].Name)}</text>"));
            x += LegendWidth(series[s]);
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
