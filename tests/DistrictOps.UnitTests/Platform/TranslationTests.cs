using System.Text.RegularExpressions;
using System.Xml.Linq;
using DistrictOps.Web;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.UnitTests.Platform;

/// <summary>Every English string the UI shows through the localizer has a Spanish translation.</summary>
public sealed partial class TranslationTests
{
    private static readonly string Web = Path.Combine(DistrictOpsHome.Resolve(), "src", "DistrictOps.Web");

    [Fact]
    public void Every_localized_string_has_a_spanish_translation()
    {
        var spanish = XDocument.Load(Path.Combine(Web, "Platform", "Ui", "SharedResource.es.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = UiStrings().Where(s => !spanish.Contains(s)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Add to SharedResource.es.resx:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("SharedResource.es.resx")]
    [InlineData("SharedResource.resx")]
    public void No_two_keys_differ_only_in_case(string file)
    {
        // Resource names are looked up without regard to case: the build keeps the first of "Done" and "done" and drops
        // the other with only a warning, so one of the two texts would be shown in the other's place.
        var clashes = XDocument.Load(Path.Combine(Web, "Platform", "Ui", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();

        Assert.True(clashes.Count == 0, $"Keys in {file} that differ only in case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void The_scan_finds_the_strings_of_the_shell()
    {
        var strings = UiStrings().ToList();
        Assert.Contains("Skip to main content", strings);
        Assert.Contains("Enter your password.", strings);
        Assert.Contains("Help desk technician", strings);
        Assert.Contains("Users", strings);
    }

    private static IEnumerable<string> UiStrings()
    {
        var sources = Directory.EnumerateFiles(Web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Web, "*.cshtml.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text))
            {
                yield return m.Groups[1].Value;
            }

            foreach (Match m in AnnotationText().Matches(text))
            {
                yield return m.Groups[1].Value;
            }
        }

        foreach (var role in Roles.All)
        {
            yield return role.DisplayName;
            yield return role.HomeSummary;
        }

        foreach (var item in DistrictOpsModules.All.SelectMany(m => m.Navigation))
        {
            yield return item.Title;
            yield return item.Description;
        }
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""(?:ErrorMessage = |Display\(Name = )"([^"]+)""")]
    private static partial Regex AnnotationText();
}
