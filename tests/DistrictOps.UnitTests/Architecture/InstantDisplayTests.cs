using System.Text.RegularExpressions;
using DistrictOps.UnitTests.Architecture.Fixture.Views;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.UnitTests.Architecture;

/// <summary>Views show instants only through the &lt;instant&gt; tag helper, in the district's zone (docs/adr/0014-district-time.md).</summary>
public sealed partial class InstantDisplayTests
{
    private static readonly string Web = Path.Combine(DistrictOpsHome.Resolve(), "src", "DistrictOps.Web");

    [Fact]
    public void No_view_formats_an_instant_itself()
    {
        var violations = InstantDisplay.Violations(typeof(PlatformHost).Assembly.Location, t => t.Namespace == "AspNetCoreGeneratedDocument");

        Assert.True(violations.Count == 0, "Show these with <instant at=\"…\">:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_rule_sees_the_views()
    {
        var views = InstantDisplay.Violations(typeof(PlatformHost).Assembly.Location, t => t.Namespace == "AspNetCoreGeneratedDocument" || t.Name == "InstantTagHelper");

        // The tag helper is the one place that formats instants; it is found when asked for, so the views' empty list means something.
        Assert.Contains(views, v => v.StartsWith("InstantTagHelper: ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_catches_each_way_of_formatting_an_instant_and_passes_comparisons()
    {
        var violations = InstantDisplay.Violations(typeof(FormatsWithToString).Assembly.Location, t => t.Namespace == typeof(FormatsWithToString).Namespace);

        var offenders = violations.Select(v => v.Split(':')[0]).ToHashSet();
        Assert.Equal(
            [nameof(ConvertsZones), nameof(FormatsWithToString), nameof(Interpolates), nameof(ReadsTheClockInALambda), nameof(WritesBoxed)],
            offenders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_view_labels_a_time_utc()
    {
        var labelled = Directory.EnumerateFiles(Web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => Utc().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Web, f))
            .ToList();

        Assert.True(labelled.Count == 0, "Times are shown in the district's zone with <instant>; these views say UTC:\n" + string.Join("\n", labelled));
    }

    [Fact]
    public void The_utc_label_check_finds_the_label_in_its_usual_forms()
    {
        Assert.Matches(Utc(), "@at.ToString(\"yyyy-MM-dd HH:mm 'UTC'\")");
        Assert.Matches(Utc(), "<span>10:14 utc</span>");
        Assert.DoesNotMatch(Utc(), "<instant at=\"@ticket.UpdatedAt\" relative />");
        Assert.DoesNotMatch(Utc(), "UtcDateTime is not a label; neither is the word computation");
    }

    [GeneratedRegex(@"(?<![A-Za-z])UTC(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Utc();
}
