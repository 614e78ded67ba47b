using DistrictOps.Web.Modules.Accounts.Register;

namespace DistrictOps.UnitTests.Modules.Accounts;

public sealed class UsernamesTests
{
    private static readonly string[] Templates = ["{first}.{last}", "{first}.{m}.{last}", "{f}{last}"];

    [Theory]
    [InlineData("José María", "Núñez-O'Brien", "josemaria.nunez-obrien")]
    [InlineData("Zoë", "Ångström", "zoe.angstrom")]
    [InlineData("Łukasz", "Straße", "lukasz.strasse")]
    [InlineData("Ana", "de la Cruz", "ana.delacruz")]
    [InlineData("\"Bob\"", "[Smith]; <x>", "bob.smithx")]
    public void Names_lose_diacritics_and_every_character_a_directory_refuses(string first, string last, string expected) =>
        Assert.Equal(expected, Usernames.Pick(Templates, new Usernames.Parts(first, last, null, "1"), 64, _ => false));

    [Fact]
    public void A_taken_name_goes_to_the_next_template_then_a_counter_from_two()
    {
        var parts = new Usernames.Parts("Maria", "Lopez", "Elena", "S-1");
        var taken = new HashSet<string> { "maria.lopez", "maria.e.lopez", "mlopez" };

        Assert.Equal("maria.e.lopez", Usernames.Pick(Templates, parts, 20, n => n == "maria.lopez"));
        Assert.Equal("maria.lopez2", Usernames.Pick(Templates, parts, 20, taken.Contains));
        taken.Add("maria.lopez2");
        Assert.Equal("maria.lopez3", Usernames.Pick(Templates, parts, 20, taken.Contains));
    }

    [Fact]
    public void A_name_fits_active_directorys_twenty_characters_with_its_counter()
    {
        var parts = new Usernames.Parts("Alexandria", "Featherstonehaugh", null, "S-2");
        var first = Usernames.Pick(Templates, parts, 20, _ => false);
        var counted = Usernames.Pick(["{first}.{last}"], parts, 20, n => n.Length <= 20 && !n.EndsWith('2'));

        Assert.Equal("alexandria.featherst", first);
        Assert.Equal(20, counted.Length);
        Assert.EndsWith("2", counted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_nothing_usable_falls_back_to_the_source_id() =>
        Assert.Equal("s-99", Usernames.Pick(["{first}.{last}"], new Usernames.Parts("李", "王", null, "S-99"), 20, _ => false));

    [Fact]
    public void Remembered_counters_give_the_same_names_as_trying_every_counter()
    {
        var (slow, fast, counters) = (new HashSet<string>(), new HashSet<string>(), new Dictionary<string, int>());
        for (var i = 0; i < 50; i++)
        {
            var parts = new Usernames.Parts("María", "García", i % 2 == 0 ? "Elena" : null, $"s-{i}");
            var a = Usernames.Pick(["{first}.{last}", "{first}.{m}.{last}"], parts, 20, slow.Contains);
            var b = Usernames.Pick(["{first}.{last}", "{first}.{m}.{last}"], parts, 20, fast.Contains, counters);
            Assert.Equal(a, b);
            slow.Add(a);
            fast.Add(b);
        }

        Assert.Contains("maria.garcia49", fast);
        Assert.Equal(50, counters["maria.garcia"]);
    }

    [Fact]
    public void Distinguished_names_compare_without_case_or_spaces_between_parts_but_an_escaped_comma_stays_part_of_its_value()
    {
        Assert.Equal("CN=LOPEZ\\, ANA,OU=STAFF,DC=EX", DistinguishedNames.Key("cn=Lopez\\, Ana, ou=Staff,  dc=ex"));
        Assert.True(DistinguishedNames.Same("CN=jane.doe,OU=Staff,DC=ex", "cn=Jane.Doe, ou=staff, dc=EX"));
        Assert.False(DistinguishedNames.Same("CN=a\\,b,OU=x", "CN=a,CN=b,OU=x"));
        Assert.Equal("CN=TRAILING\\", DistinguishedNames.Key("cn=trailing\\"));
    }
}
