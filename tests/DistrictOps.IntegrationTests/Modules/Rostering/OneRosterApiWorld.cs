using System.Net.Http.Headers;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Directory;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.IssueApiCredentials;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

/// <summary>
/// The small district imported once per test process (a template), an app registered with an enabled agreement written
/// straight into the database (the elementary school, students and teachers, usernames, local ids, grades and birth dates
/// but no email), its API credentials issued, and the app started on a copy.
/// </summary>
public sealed class OneRosterApiWorld : IAsyncDisposable
{
    public const SharedFields Fields = SharedFields.Username | SharedFields.Identifier | SharedFields.Grades | SharedFields.BirthDate;
    public const string AllScopes = "roster-core.readonly roster-demographics.readonly";

    private OneRosterApiWorld(TestDatabase db, DistrictOpsFactory app)
    {
        Db = db;
        App = app;
    }

    public TestDatabase Db { get; }

    public DistrictOpsFactory App { get; }

    public Guid AppId { get; private set; }

    public string ClientId { get; private set; } = "";

    public string Secret { get; private set; } = "";

    public static async Task<OneRosterApiWorld> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = await TestDatabase.CreateFromAsync(provider, nameof(OneRosterApiWorld), ImportAsync);
        var world = new OneRosterApiWorld(db, new DistrictOpsFactory(db, settings));
        await using var scope = world.App.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var elementary = await context.Set<Site>().Where(s => s.SourcedId == "org-es-01").Select(s => s.Id).SingleAsync();
        var app = new RosterApp { Id = Guid.NewGuid(), Name = "Reading Coach", Vendor = "Acme Learning", Status = AppStatus.Active };
        context.Add(app);
        context.Add(new SharingAgreement
        {
            Id = Guid.NewGuid(), AppId = app.Id, SiteIds = elementary.ToString(), Roles = SharedRoles.Students | SharedRoles.Teachers, Classes = ClassScope.All,
            Fields = Fields, Format = ExportFormat.OneRoster12, Mode = ExportMode.Bulk, Method = DeliveryMethod.Api, Enabled = true, UpdatedBy = "test",
        });
        await context.SaveChangesAsync();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiCredentialsHandler>().IssueAsync(app.Id, CancellationToken.None);
        (world.AppId, world.ClientId, world.Secret) = (app.Id, issued.Value!.ClientId, issued.Value.ClientSecret);
        return world;
    }

    private static async Task ImportAsync(TestDatabase db)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("districtops-oneroster-api-").FullName;
        try
        {
            var import = await CliRunner.RunAsync(db, "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(folder), "--apply");
            Assert.True(import.Code == 0, import.Error);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Posts a client credentials request with the secret in the form (or as HTTP Basic).</summary>
    public async Task<HttpResponseMessage> TokenAsync(string? clientId = null, string? secret = null, string? scope = AllScopes, bool basic = false, string grant = "client_credentials")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grant };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/ims/oneroster/oauth/token");
        if (basic)
        {
            var pair = Uri.EscapeDataString(clientId ?? ClientId) + ":" + Uri.EscapeDataString(secret ?? Secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form["client_id"] = clientId ?? ClientId;
            form["client_secret"] = secret ?? Secret;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await App.CreateClient().SendAsync(request);
    }

    /// <summary>An HTTP client carrying a fresh access token of the app.</summary>
    public async Task<HttpClient> ClientAsync(string scope = AllScopes, string? secret = null)
    {
        var response = await TokenAsync(secret: secret, scope: scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}

/// <summary>One answer of the API: status, headers and JSON.</summary>
public sealed record ApiAnswer(int Status, JsonElement Json, HttpResponseMessage Response)
{
    public static async Task<ApiAnswer> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiAnswer((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement, response);
    }

    public string? Header(string name) => Response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>The sourcedIds of the envelope's records, in the order served.</summary>
    public List<string> Ids(string envelope) => [.. Json.GetProperty(envelope).EnumerateArray().Select(r => r.GetProperty("sourcedId").GetString()!)];

    public string CodeMinor => Json.GetProperty("imsx_CodeMinor").GetProperty("imsx_codeMinorField")[0].GetProperty("imsx_codeMinorFieldValue").GetString()!;

    public override string ToString() => $"{Status} {Json}";
}
