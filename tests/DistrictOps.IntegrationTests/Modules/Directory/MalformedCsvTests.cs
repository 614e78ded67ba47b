using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>A file that is not CSV where it breaks is an error at file:line:column through the CLI, the API and the page.</summary>
public sealed class MalformedCsvTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-malformed-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, DatabaseProvider> Cases() => ProviderCases.Each(Breaks.Keys);

    private static readonly Dictionary<string, (string Row, string Message)> Breaks = new()
    {
        ["unterminated quote"] = ("org-bad,,,\"Broken name,school\n", "a quoted value has no closing quote."),
        ["over-long record"] = ("org-bad,,," + new string('x', 200_000) + ",school\n", "the record is longer than 64 KB; is a closing quote missing?"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_csv_is_an_error_at_its_place_and_nothing_is_stored(string rule, DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        var line = package.Rows(OneRosterSpec.Orgs).Count + 2;
        var (row, message) = Breaks[rule];
        var folder = package.WriteTo(Path.Combine(_folder, "package"));
        await File.AppendAllTextAsync(Path.Combine(folder, OneRosterSpec.Orgs), row);
        var expected = $"orgs.csv:{line}:4 — {message}";

        var cli = await CliRunner.RunAsync(db, "import", "oneroster", folder, "--plan");
        Assert.Equal(1, cli.Code);
        Assert.Contains(expected, cli.Error, StringComparison.Ordinal);

        var zip = Path.Combine(_folder, "package.zip");
        ZipFile.CreateFromDirectory(folder, zip);
        var bytes = await File.ReadAllBytesAsync(zip);
        await using var app = new DistrictOpsFactory(db);
        var api = await app.ApiClientAsync("data.services@bayview.example");
        var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "roster.zip" }, { new StringContent("apply"), "mode" } };
        var response = await api.PostAsync("/api/v1/directory/imports", upload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));

        var browser = app.Browser();
        await browser.SignInAsync("data.services@bayview.example");
        var page = await browser.FinishedAttemptAsync(await browser.SendRosterAsync(bytes));
        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        await using var context = db.OpenContext();
        Assert.Equal(0, await context.Set<ImportUpload>().CountAsync());
        Assert.Equal(0, await context.Set<Site>().CountAsync());
    }
}
