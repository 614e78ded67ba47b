using System.IO.Hashing;
using System.Text;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using Sylvan.Data.Csv;

namespace DistrictOps.UnitTests.Modules.Directory.ImportOneRoster;

public sealed class ImportKeysTests
{
    [Fact]
    public void A_content_hash_is_the_hash_of_the_fields_as_separated_utf8_text()
    {
        // Stored hashes were computed this way: a different text or encoding would make every row look changed.
        var text = "Élan\u001f1\u001f2024-01-02\u001fa,b\u001f\u001fSchool\u001f";
        var expected = unchecked((long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(expected, ContentHash.Of("Élan", true, new DateOnly(2024, 1, 2), new[] { "a", "b" }, null, OrgType.School));
        Assert.Equal(expected, ContentHash.Of("Élan", true, new DateOnly(2024, 1, 2), new List<string> { "a", "b" }, null, OrgType.School));
    }

    [Fact]
    public void A_stored_map_refuses_a_second_row_with_the_same_key()
    {
        var stored = new StoredRows(new IdKeys(0));
        var first = new StoredRow(Guid.NewGuid(), 1, false);

        Assert.True(stored.TryAdd("s-1", first));
        Assert.False(stored.TryAdd("s-1", new StoredRow(Guid.NewGuid(), 2, false)));
        Assert.True(stored.TryGet("s-1", out var found));
        Assert.Equal(first.Id, found.Id);
        Assert.False(stored.TryGet("s-2", out _));
    }

    [Fact]
    public void Keys_differ_by_seed_so_a_collision_under_one_seed_is_not_one_under_the_next()
    {
        Assert.NotEqual(new IdKeys(0).Of("s-1"), new IdKeys(1).Of("s-1"));
        Assert.Equal(new IdKeys(0).Of("s-1"), new IdKeys(0).Of("s-1".AsSpan()));
    }

    [Fact]
    public void A_field_span_is_the_field_string_unquoted()
    {
        // CsvFile reads values as spans; that must be the same text the reader's strings give.
        using var csv = CsvDataReader.Create(new StringReader("a,b\n\" x \"\"y\"\" \",\"p,q\"\n"), new CsvDataReaderOptions { HasHeaders = true });
        Assert.True(csv.Read());
        Assert.Equal(csv.GetString(0), csv.GetFieldSpan(0).ToString());
        Assert.Equal(" x \"y\" ", csv.GetFieldSpan(0).ToString());
        Assert.Equal("p,q", csv.GetFieldSpan(1).ToString());
    }
}
