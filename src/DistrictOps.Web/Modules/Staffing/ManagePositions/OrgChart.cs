using System.Globalization;
using System.Net;
using System.Text;
using DistrictOps.Web.Platform.Ui.Charts;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>A position as the org chart needs it: who it reports to, its order there, and whether someone holds it.</summary>
public sealed record ChartPosition(Guid Id, string Title, Guid? ReportsToId, int Order, decimal Fte, string? Holder, bool IsNew = false);

/// <summary>
/// One box of the chart: a position, or positions of the same title under the same manager that have no reports of their own
/// (37 technology support specialists are one box with a count). <see cref="Depth"/> and <see cref="Row"/> place it.
/// </summary>
public sealed record OrgBox(int Index, int? ParentIndex, int Depth, int Row, string Title, IReadOnlyList<Guid> PositionIds, int Filled, decimal Fte, string? Holder, bool IsNew)
{
    public int Count => PositionIds.Count;

    public int Vacant => Count - Filled;

    public int X => OrgChart.Margin + (Depth * OrgChart.Indent);

    public int Y => OrgChart.Margin + (Row * (OrgChart.BoxHeight + OrgChart.RowGap));
}

public sealed record OrgChartLayout(IReadOnlyList<OrgBox> Boxes, int Width, int Height);

/// <summary>
/// The org chart as an indented tree: each box on its own row, indented under its manager with a line to it, so the chart is as
/// narrow as a phone however wide the department is, and prints on a page's width. Pure: positions in, boxes and SVG out.
/// </summary>
public static class OrgChart
{
    public const int Margin = 4;
    public const int Indent = 22;
    public const int BoxWidth = 300;
    public const int BoxHeight = 40;
    public const int RowGap = 6;

    /// <summary>About how many characters of 13 px text fit on a box's line.</summary>
    public const int LineCharacters = 40;

    public static OrgChartLayout Layout(IReadOnlyList<ChartPosition> positions)
    {
        var ids = positions.Select(p => p.Id).ToHashSet();
        var reports = positions.Where(p => p.ReportsToId is { } m && ids.Contains(m)).ToLookup(p => p.ReportsToId!.Value);
        var boxes = new List<OrgBox>();
        var placed = new HashSet<Guid>();
        var roots = positions.Where(p => p.ReportsToId is not { } m || !ids.Contains(m)).ToList();
        Place(roots, null, 0);

        // Positions a cycle keeps from every root (the handler refuses cycles; older data might hold one) are drawn as roots.
        while (positions.FirstOrDefault(p => !placed.Contains(p.Id)) is { } stranded)
        {
            Place([stranded], null, 0);
        }

        var depth = boxes.Count == 0 ? 0 : boxes.Max(b => b.Depth);
        var width = (2 * Margin) + (depth * Indent) + BoxWidth;
        var height = boxes.Count == 0 ? 0 : (2 * Margin) + (boxes.Count * (BoxHeight + RowGap)) - RowGap;
        return new OrgChartLayout(boxes, width, height);

        void Place(IReadOnlyList<ChartPosition> siblings, int? parent, int level)
        {
            foreach (var group in Groups(siblings.Where(p => !placed.Contains(p.Id)).ToList(), reports))
            {
                placed.UnionWith(group.Select(p => p.Id));
                var first = group[0];
                var index = boxes.Count;
                var filled = group.Count(p => p.Holder is not null);
                boxes.Add(new OrgBox(index, parent, level, index, first.Title, group.Select(p => p.Id).ToList(), filled, group.Sum(p => p.Fte),
                    group.Count == 1 ? first.Holder : null, group.All(p => p.IsNew)));
                if (group.Count == 1)
                {
                    Place(reports[first.Id].ToList(), index, level + 1);
                }
            }
        }
    }

    /// <summary>Siblings in order; those without reports of their own and of the same title (ignoring case) share the first one's place.</summary>
    public static IReadOnlyList<IReadOnlyList<ChartPosition>> Groups(IReadOnlyList<ChartPosition> siblings, ILookup<Guid, ChartPosition> reports)
    {
        var groups = new List<List<ChartPosition>>();
        var byTitle = new Dictionary<string, List<ChartPosition>>(StringComparer.OrdinalIgnoreCase);
        foreach (var position in siblings.OrderBy(p => p.Order).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id))
        {
            if (reports[position.Id].Any())
            {
                groups.Add([position]);
            }
            else if (byTitle.TryGetValue(position.Title.Trim(), out var group))
            {
                group.Add(position);
            }
            else
            {
                groups.Add(byTitle[position.Title.Trim()] = [position]);
            }
        }

        return groups;
    }

    /// <summary>
    /// The chart as one <c>&lt;svg role="img"&gt;</c> with title and desc; a wholly vacant box has a dashed border and a new one a
    /// thick border, so neither relies on colour. <paramref name="lines"/> gives a box's two lines of text in the reader's language.
    /// </summary>
    public static string Svg(OrgChartLayout layout, ChartText text, Func<OrgBox, (string Title, string Detail)> lines)
    {
        var svg = new StringBuilder()
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart org-chart\" role=\"img\" viewBox=\"0 0 {layout.Width} {Math.Max(layout.Height, 1)}\" "))
            .Append(Invariant($"aria-labelledby=\"{Escape(text.Id)}-title {Escape(text.Id)}-desc\" font-family=\"system-ui, sans-serif\">"))
            .Append("<title id=\"").Append(Escape(text.Id)).Append("-title\">").Append(Escape(text.Title)).Append("</title>")
            .Append("<desc id=\"").Append(Escape(text.Id)).Append("-desc\">").Append(Escape(text.Description)).Append("</desc>");
        foreach (var box in layout.Boxes.Where(b => b.ParentIndex is not null))
        {
            var parent = layout.Boxes[box.ParentIndex!.Value];
            svg.Append(Invariant($"<path d=\"M{parent.X + (Indent / 2)} {parent.Y + BoxHeight}V{box.Y + (BoxHeight / 2)}H{box.X}\" fill=\"none\" stroke=\"#5b6473\" stroke-width=\"1.5\"/>"));
        }

        foreach (var box in layout.Boxes)
        {
            var (title, detail) = lines(box);
            var vacant = box.Filled == 0;
            svg.Append(Invariant($"<g><rect x=\"{box.X}\" y=\"{box.Y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"4\" "))
                .Append(vacant ? "fill=\"#f4f6f9\" stroke=\"#5b6473\" stroke-dasharray=\"5 3\"" : "fill=\"#ffffff\" stroke=\"#1f5fa8\"")
                .Append(box.IsNew ? " stroke-width=\"3\"/>" : " stroke-width=\"1.5\"/>")
                .Append(Invariant($"<text x=\"{box.X + 8}\" y=\"{box.Y + 17}\" font-size=\"13\" font-weight=\"600\" fill=\"#1a1a1a\">{Escape(Fit(title))}</text>"))
                .Append(Invariant($"<text x=\"{box.X + 8}\" y=\"{box.Y + 33}\" font-size=\"12\" fill=\"#39404d\">{Escape(Fit(detail))}</text></g>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The text cut to a box's width with an ellipsis; the table below the chart has it whole.</summary>
    public static string Fit(string text) => text.Length <= LineCharacters ? text : text[..(LineCharacters - 1)].TrimEnd() + "…";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
