using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Directory;

public sealed class ImportApiTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-api-roster-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task The_api_plans_then_applies_a_zip_and_shows_the_run(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var dataServices = await app.ApiClientAsync("data.services@bayview.example");
        var zip = Zip(RosterPackage.SmallDistrict());

        var plan = await dataServices.PostAsync("/api/v1/directory/imports", Form(zip, "plan"));
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var planned = await plan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(planned.GetProperty("canApply").GetBoolean());
        Assert.Equal(15, planned.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("entity").GetString() == "Person").GetProperty("add").GetInt32());

        var applied = await dataServices.PostAsync("/api/v1/directory/imports", Form(zip, "apply"));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var run = await dataServices.GetFromJsonAsync<JsonElement>(applied.Headers.Location!.OriginalString + "?entity=Person&kind=Joined");
        Assert.Equal(15, run.GetProperty("changes").GetProperty("total").GetInt32());
        Assert.Equal(15, run.GetProperty("counts").GetProperty("Person").GetProperty("Joined").GetInt32());
        var runs = await dataServices.GetFromJsonAsync<JsonElement>("/api/v1/directory/imports");
        Assert.Equal(1, runs.GetProperty("total").GetInt32());

        var teacher = await app.ApiClientAsync("teacher@bayview.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsync("/api/v1/directory/imports", Form(zip, "plan"))).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_bad_zip_is_a_problem_listing_each_error(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var dataServices = await app.ApiClientAsync("data.services@bayview.example");
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Users, "t-es")["enabledUser"] = "maybe";

        var response = await dataServices.PostAsync("/api/v1/directory/imports", Form(Zip(package), "apply"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("users.csv:2:4 — enabledUser 'maybe' is not a boolean; expected true or false.", Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetString());

        var notZip = await dataServices.PostAsync("/api/v1/directory/imports", Form([1, 2, 3], "plan"));
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        var noMode = await dataServices.PostAsync("/api/v1/directory/imports", Form(Zip(package), "maybe"));
        Assert.Contains("expected plan or apply", await noMode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private byte[] Zip(RosterPackage package)
    {
        var folder = package.WriteTo(Path.Combine(_folder, Guid.NewGuid().ToString("N")));
        var zip = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        ZipFile.CreateFromDirectory(folder, zip);
        return File.ReadAllBytes(zip);
    }

    private static MultipartFormDataContent Form(byte[] zip, string mode)
    {
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "file", "roster.zip" }, { new StringContent(mode), "mode" } };
    }
}
