using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DistrictOps.UnitTests.Platform.Data;

public sealed class OrdinalTextTests
{
    [Theory]
    [InlineData("T-0010", "T-0011")]
    [InlineData("T-", "T.")]
    [InlineData("SN-0009", "SN-000:")]
    public void A_prefix_range_ends_where_the_last_character_moves_on(string prefix, string to) =>
        Assert.Equal((prefix, to), OrdinalText.PrefixRange(prefix));

    [Theory]
    [InlineData("T-0010", "T-00100", true)]
    [InlineData("T-0010", "T-0010", true)]
    [InlineData("T-0010", "T-00109Z", true)]
    [InlineData("T-0010", "T-0011", false)]
    [InlineData("T-0010", "T-001", false)]
    [InlineData("T-", "T0001", false)]
    public void Exactly_the_values_with_the_prefix_fall_in_its_range(string prefix, string value, bool inside)
    {
        var (from, to) = OrdinalText.PrefixRange(prefix);
        Assert.Equal(inside, string.CompareOrdinal(value, from) >= 0 && string.CompareOrdinal(value, to) < 0);
        Assert.Equal(inside, value.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_PostgreSQL_is_told_to_compare_the_codes_by_character()
    {
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        var marked = Model(postgres).GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.FindAnnotation(OrdinalText.Annotation) is not null).ToList();

        Assert.Contains(marked, p => p.Name == "AssetTag");
        Assert.All(marked, p => Assert.Equal("C", p.GetCollation()));
        Assert.All(Model(sqlite).GetEntityTypes().SelectMany(e => e.GetProperties()), p => Assert.Null(p.GetCollation()));
    }

    private static IModel Model(DbContext db) => db.GetService<IDesignTimeModel>().Model;
}
