using System.Diagnostics;
using System.Globalization;
using System.Net;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The knowledge base at <c>copies</c> times the demo's size: the demo's articles and procedures (English and Spanish)
/// copied under new addresses, each published with its first version. Then the searches, suggestions and lists people use,
/// through the API and the pages, as a technician, a teacher and a visitor: median of 10 after one warm-up call.
/// </summary>
internal static class KnowledgeBench
{
    private static readonly (string Name, string Who, string Path)[] Requests =
    [
        ("search, two words (API)", "helpdesk@bayview.example", "/api/v1/knowledge/search?q=printer%20offline"),
        ("search, common word (API)", "helpdesk@bayview.example", "/api/v1/knowledge/search?q=tablet"),
        ("search, Spanish (API)", "teacher@bayview.example", "/api/v1/knowledge/search?q=contrase%C3%B1a&lang=es"),
        ("suggest, a request's words (API)", "teacher@bayview.example", "/api/v1/knowledge/suggest?text=My%20classroom%20printer%20says%20offline%20and%20nothing%20prints%20since%20this%20morning"),
        ("list, first page (API)", "helpdesk@bayview.example", "/api/v1/knowledge/search"),
        ("list, last page (API)", "helpdesk@bayview.example", "/api/v1/knowledge/search?page=LAST"),
        ("search page, technician", "page:helpdesk@bayview.example", "/knowledge?q=tablet"),
        ("public portal, visitor", "", "/knowledge"),
        ("public portal search, visitor", "", "/knowledge?q=charger"),
        ("article page, visitor", "", "/knowledge/tablet-wont-charge"),
        ("Ask-for-help suggestions fragment", "page:teacher@bayview.example", "/helpdesk/requests/new?handler=Suggestions&text=tablet%20will%20not%20charge%20or%20turn%20on"),
    ];

    public static async Task RunAsync(int copies, string provider, Dictionary<string, string?> settings)
    {
        Console.WriteLine($"DistrictOps knowledge benchmark: the demo's articles ×{copies} on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var app = DemoBench.Start(settings);
        using var anonymous = await DemoBench.ReadyAsync(app);
        var total = await CopyAsync(app, copies);
        Console.WriteLine($"{total:N0} live articles");
        var clients = new Dictionary<string, HttpClient> { [""] = anonymous };
        Console.WriteLine();
        Console.WriteLine("| request | median | min–max | load average |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, who, template) in Requests)
        {
            if (!clients.TryGetValue(who, out var client))
            {
                client = who.StartsWith("page:", StringComparison.Ordinal) ? await PageClientAsync(app, who[5..]) : await HelpdeskBench.ApiClientAsync(app, who);
                clients[who] = client;
            }

            var path = template.Replace("LAST", ((total + 49) / 50).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var times = await Timed.GetAsync(client, path, 10);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[4]:0.0} ms | {times[0]:0.0}–{times[^1]:0.0} ms | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |"));
        }
    }

    /// <summary>Copies every demo article <paramref name="copies"/> − 1 times under new slugs, live, with its version; returns the live count.</summary>
    private static async Task<int> CopyAsync(HelpdeskBench.BenchApp app, int copies)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var originals = await db.Set<Article>().AsNoTracking().Include(a => a.Categories).Where(a => !a.Slug.Contains("-copy-")).ToListAsync();
        if (await db.Set<Article>().CountAsync() < originals.Count * copies)
        {
            var versions = await db.Set<ArticleVersion>().AsNoTracking().Where(v => v.Number == 1).ToDictionaryAsync(v => v.ArticleId);
            for (var k = 1; k < copies; k++)
            {
                foreach (var a in originals)
                {
                    var v = versions[a.Id];
                    var copy = new Article
                    {
                        Slug = $"{a.Slug}-copy-{k}", Language = a.Language, Kind = a.Kind, Audience = a.Audience, Status = ArticleStatus.Published,
                        Title = $"{a.Title} ({k})", Summary = a.Summary, Body = a.Body, PlainText = a.PlainText, Tags = a.Tags, DeviceModels = a.DeviceModels,
                        OwnerUserId = a.OwnerUserId, OwnerName = a.OwnerName, ReviewMonths = a.ReviewMonths, ReviewBy = a.ReviewBy, LatestVersion = 1, LiveVersion = 1,
                        CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt, PublishedAt = a.PublishedAt, Views = a.Views,
                        Categories = a.Categories.Select(c => new ArticleCategory { IssueTypeId = c.IssueTypeId, Order = c.Order }).ToList(),
                    };
                    db.Add(copy);
                    await db.SaveChangesAsync();
                    db.Add(new ArticleVersion
                    {
                        ArticleId = copy.Id, Number = 1, Title = copy.Title, Summary = v.Summary, Body = v.Body, Audience = v.Audience, Tags = v.Tags,
                        CategoryIds = v.CategoryIds, DeviceModels = v.DeviceModels, EditedByName = v.EditedByName, EditedAt = v.EditedAt,
                    });
                }

                await db.SaveChangesAsync();
            }
        }

        return await db.Set<Article>().CountAsync(a => a.LiveVersion != null && a.RetiredAt == null);
    }

    /// <summary>A client signed in through the sign-in page, for the pages (the API ignores the cookie).</summary>
    internal static async Task<HttpClient> PageClientAsync(HelpdeskBench.BenchApp app, string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = DemoBench.Password, ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync("/account/sign-in", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {email} answered {response.StatusCode}.");
        }

        return client;
    }
}

/// <summary>The app in demo mode on a 2,000-student district with jobs off, as the knowledge and devices benches start it.</summary>
internal static class DemoBench
{
    public const string Password = "bayview-demo-2026";

    public static HelpdeskBench.BenchApp Start(Dictionary<string, string?> settings)
    {
        settings["Demo:Seed"] = "true";
        settings["Demo:Students"] = "2000";
        settings["Demo:Password"] = Password;
        settings["Jobs:Enabled"] = "false";
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DISTRICTOPS_WEB", Path.Combine(DistrictOpsHome.Resolve(), "src", "DistrictOps.Web"));
        return new HelpdeskBench.BenchApp(settings);
    }

    /// <summary>An anonymous client, once the app answers (the demo seeded).</summary>
    public static async Task<HttpClient> ReadyAsync(HelpdeskBench.BenchApp app)
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        await HelpdeskBench.WaitUntilReadyAsync(anonymous);
        return anonymous;
    }
}

/// <summary>Times a GET: one warm-up call, then <c>runs</c> more; each must answer 200. The times come back sorted, in milliseconds.</summary>
internal static class Timed
{
    public static async Task<List<double>> GetAsync(HttpClient client, string path, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path}: {response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            }

            if (i > 0)
            {
                times.Add(ms);
            }
        }

        times.Sort();
        return times;
    }
}
