using DistrictOps.Web.Modules.Staffing.ManagePositions;
using DistrictOps.Web.Platform.Ui.Charts;

namespace DistrictOps.UnitTests.Modules.Staffing;

public sealed class OrgChartTests
{
    private static readonly Guid Cto = Guid.NewGuid();
    private static readonly Guid Operations = Guid.NewGuid();

    [Fact]
    public void Positions_of_one_title_under_one_manager_share_a_box_with_their_count_and_managers_keep_their_own()
    {
        var technicians = Enumerable.Range(0, 37).Select(i => new ChartPosition(Guid.NewGuid(), "Technology Support Specialist 1", Operations, 10 + i, 1m, i < 9 ? $"Tech {i}" : null)).ToList();
        var supervisor = new ChartPosition(Guid.NewGuid(), "Help Desk Technician", Operations, 2, 1m, "Lead");
        List<ChartPosition> positions =
        [
            .. technicians,
            new(Cto, "Chief Technology Officer", null, 0, 1m, "Dana Reyes"),
            new(Operations, "IT Operations Manager", Cto, 1, 1m, "Marcus Lee"),
            new(Guid.NewGuid(), "Senior Administrative Secretary", Cto, 0, 0.5m, null),
            supervisor,
            new(Guid.NewGuid(), "Help Desk Technician", Operations, 3, 1m, "Priya"),
            new(Guid.NewGuid(), "Help Desk Technician", supervisor.Id, 0, 1m, null, IsNew: true),
        ];

        var chart = OrgChart.Layout(positions);

        Assert.Equal(
            [("Chief Technology Officer", 0, 1), ("Senior Administrative Secretary", 1, 1), ("IT Operations Manager", 1, 1), ("Help Desk Technician", 2, 1), ("Help Desk Technician", 3, 1),
             ("Help Desk Technician", 2, 1), ("Technology Support Specialist 1", 2, 37)],
            chart.Boxes.Select(b => (b.Title, b.Depth, b.Count)));
        var tss1 = chart.Boxes[^1];
        Assert.Equal((9, 28, 37m, 2), (tss1.Filled, tss1.Vacant, tss1.Fte, tss1.ParentIndex));
        Assert.Null(tss1.Holder);
        Assert.True(chart.Boxes[4].IsNew);
        Assert.Equal((OrgChart.Margin + (3 * OrgChart.Indent), OrgChart.Margin + (4 * (OrgChart.BoxHeight + OrgChart.RowGap))), (chart.Boxes[4].X, chart.Boxes[4].Y));
        Assert.Equal(((2 * OrgChart.Margin) + (3 * OrgChart.Indent) + OrgChart.BoxWidth, (2 * OrgChart.Margin) + (7 * OrgChart.BoxHeight) + (6 * OrgChart.RowGap)), (chart.Width, chart.Height));
        Assert.Equal(positions.Count, chart.Boxes.Sum(b => b.Count));
    }

    [Fact]
    public void A_position_whose_manager_is_missing_or_in_a_circle_is_still_drawn_once()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var chart = OrgChart.Layout([new(a, "A", b, 0, 1m, null), new(b, "B", a, 0, 1m, null), new(Guid.NewGuid(), "Orphan", Guid.NewGuid(), 0, 1m, "X")]);

        Assert.Equal(["Orphan", "A", "B"], chart.Boxes.Select(x => x.Title));
        Assert.Equal([0, 0, 1], chart.Boxes.Select(x => x.Depth));
        Assert.Empty(OrgChart.Layout([]).Boxes);
    }

    [Fact]
    public void The_svg_is_an_image_with_its_title_and_description_escaped_text_cut_to_the_box_and_a_dashed_border_when_vacant()
    {
        var chart = OrgChart.Layout([new(Cto, "Chief <Technology> Officer", null, 0, 1m, "Dana"), new(Guid.NewGuid(), new string('x', 60), Cto, 0, 1m, null)]);

        var svg = OrgChart.Svg(chart, new ChartText("c", "Org chart & more", "Two positions"), b => (b.Title, b.Holder ?? "Vacant"));

        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart org-chart\" role=\"img\" viewBox=\"0 0 330 94\" aria-labelledby=\"c-title c-desc\"", svg);
        Assert.Contains("<title id=\"c-title\">Org chart &amp; more</title><desc id=\"c-desc\">Two positions</desc>", svg);
        Assert.Contains("Chief &lt;Technology&gt; Officer", svg);
        Assert.Contains(new string('x', OrgChart.LineCharacters - 1) + "…", svg);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "stroke-dasharray"));
        Assert.Contains("<path d=\"M15 44V70H26\"", svg);
    }

    [Fact]
    public void A_title_is_retitled_from_the_one_its_change_note_names_new_when_none_and_eliminated_when_nothing_takes_it_over()
    {
        List<TitledPosition> current =
        [
            new("Chief Technology Officer", 1m, null), new("Typist Clerk 2", 1m, null), .. Enumerable.Repeat(new TitledPosition("Desktop Technician", 1m, null), 9),
            new("Data Entry Clerk", 1m, null), new("Director, Systems Integration", 1m, null),
        ];
        List<TitledPosition> proposed =
        [
            new("Chief Technology Officer", 1m, null), new("Director of Technical Services", 1m, "New position over the network and IT operations teams"),
            .. Enumerable.Repeat(new TitledPosition("Technology Support Specialist 1", 1m, "Retitled from Desktop Technician; 28 new positions in two phases"), 37),
            new("Data Entry Clerk", 1m, null), new("Data Entry Clerk", 0.5m, null), new("Director, Information Services", 1m, "Retitled from Director, Systems Integration."),
        ];

        var changes = TitleChanges.Compare(current, proposed);

        Assert.Equal(
            [
                (TitleChangeKind.Same, "Chief Technology Officer", "Chief Technology Officer", 0m),
                (TitleChangeKind.New, null, "Director of Technical Services", 1m),
                (TitleChangeKind.Retitled, "Desktop Technician", "Technology Support Specialist 1", 28m),
                (TitleChangeKind.Resized, "Data Entry Clerk", "Data Entry Clerk", 0.5m),
                (TitleChangeKind.Retitled, "Director, Systems Integration", "Director, Information Services", 0m),
                (TitleChangeKind.Eliminated, "Typist Clerk 2", null, -1m),
            ],
            changes.Select(c => (c.Kind, c.CurrentTitle, c.ProposedTitle, c.NetFte)));
        Assert.Null(TitleChanges.RetitledFrom("Job description updated"));
        Assert.Equal("VoIP Programmer and Technician", TitleChanges.RetitledFrom("retitled from VoIP Programmer and Technician"));
    }
}
