using DistrictOps.Web.Platform.Data;
using Npgsql;

namespace DistrictOps.UnitTests.Platform.Data;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_of_preparing_gets_automatic_preparation_and_keeps_the_rest()
    {
        var given = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.PostgresConnectionString(
            "Host=db.bayview.example;Port=5433;Username=districtops;Password=secret;Database=districtops"));

        Assert.Equal(DatabaseServiceCollectionExtensions.AutoPreparedStatements, given.MaxAutoPrepare);
        Assert.Equal(("db.bayview.example", 5433, "districtops", "secret", "districtops"), (given.Host, given.Port, given.Username, given.Password, given.Database));
    }

    [Theory]
    [InlineData("Host=localhost;Database=districtops;Max Auto Prepare=0", 0)]
    [InlineData("Host=localhost;Database=districtops;maxautoprepare=12", 12)]
    public void An_operators_own_max_auto_prepare_stands_even_when_it_turns_preparation_off(string configured, int expected)
    {
        var given = DatabaseServiceCollectionExtensions.PostgresConnectionString(configured);

        Assert.Equal(configured, given);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(given).MaxAutoPrepare);
    }
}
