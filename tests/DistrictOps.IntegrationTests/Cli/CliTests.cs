using System.Net;
using System.Net.Http.Headers;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Cli;

public sealed class CliTests
{
    [Theory]
    [Providers]
    public async Task Migrate_add_a_user_and_issue_a_token_the_web_app_accepts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(provider);

        var migrate = await RunAsync(db, "db", "migrate");
        Assert.Equal(0, migrate.Code);
        Assert.Contains("Applied", migrate.Out, StringComparison.Ordinal);
        Assert.Contains("The database is up to date.", (await RunAsync(db, "db", "migrate")).Out, StringComparison.Ordinal);

        var add = await RunAsync(db, "users", "add", "--email", "cto@bayview.example", "--role", "ItManager", "--role", "DistrictAdmin", "--name", "Chris Tobin");
        Assert.Equal(0, add.Code);
        Assert.Contains("Created user", add.Out, StringComparison.Ordinal);
        var again = await RunAsync(db, "users", "add", "--email", "cto@bayview.example", "--role", "ItManager");
        Assert.Equal(0, again.Code);
        Assert.Contains("nothing changed", again.Out, StringComparison.Ordinal);

        var token = await RunAsync(db, "users", "token", "--email", "cto@bayview.example", "--name", "reporting");
        Assert.Equal(0, token.Code);
        var secret = token.Out.Trim();
        Assert.StartsWith("dop_", secret, StringComparison.Ordinal);

        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Contains("Chris Tobin", await client.GetStringAsync("/api/v1/me"), StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(db, "users", "revoke-token", "--email", "cto@bayview.example", "--name", "reporting")).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task Bad_input_names_the_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var bad = await RunAsync(db, "users", "add", "--email", "someone@bayview.example", "--role", "Janitor");
        Assert.Equal(1, bad.Code);
        Assert.Contains("roles: Unknown role(s) 'Janitor'", bad.Error, StringComparison.Ordinal);

        var list = await RunAsync(db, "users", "list");
        Assert.Contains("0 user(s)", list.Out, StringComparison.Ordinal);

        var noUser = await RunAsync(db, "users", "token", "--email", "nobody@bayview.example", "--name", "x");
        Assert.Equal(1, noUser.Code);
        Assert.Contains("No user has the email 'nobody@bayview.example'", noUser.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oneroster")]
    [InlineData("hr")]
    [InlineData("calendar")]
    public async Task An_import_needs_exactly_one_of_plan_or_apply(string kind)
    {
        var neither = await RunAsync(null, "import", kind, "somewhere");
        var both = await RunAsync(null, "import", kind, "somewhere", "--plan", "--apply");

        Assert.Equal(3, neither.Code);
        Assert.Equal(3, both.Code);
        Assert.Contains("give exactly one of --plan or --apply", neither.Error + both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var help = await RunAsync(null, "--help");
        Assert.Contains("db", help.Out, StringComparison.Ordinal);
        Assert.Contains("users", help.Out, StringComparison.Ordinal);
        var users = await RunAsync(null, "users", "--help");
        foreach (var command in new[] { "add", "list", "token", "revoke-token" })
        {
            Assert.Contains(command, users.Out, StringComparison.Ordinal);
        }

        Assert.Contains("import", help.Out, StringComparison.Ordinal);
        Assert.Contains("demo", help.Out, StringComparison.Ordinal);
    }

    private static Task<CliResult> RunAsync(TestDatabase? db, params string[] args) => CliRunner.RunAsync(db, args);
}
