using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Directory;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>
/// The small district (Harbor View Elementary, Bayview High) with HR staff, coverage and linked
/// accounts: Ivan Petrov (site.tech@) covers the elementary school and shares the high school with
/// Sam Ruiz (tech2@); Maria Lopez (teacher@) teaches at the elementary school; Amy Chen is the help desk (helpdesk@).
/// </summary>
public sealed class HelpdeskWorld : IAsyncDisposable
{
    public const string SiteTech = "site.tech@bayview.example";
    public const string SecondTech = "tech2@bayview.example";
    public const string Teacher = "teacher@bayview.example";
    public const string HelpDesk = "helpdesk@bayview.example";
    public const string SeniorTech = "senior.tech@bayview.example";
    public const string Network = "network@bayview.example";
    public const string Manager = "it.manager@bayview.example";

    private HelpdeskWorld(TestDatabase db, DistrictOpsFactory app)
    {
        Db = db;
        App = app;
    }

    public TestDatabase Db { get; }

    public DistrictOpsFactory App { get; }

    public Guid Elementary { get; private set; }

    public Guid High { get; private set; }

    public Guid District { get; private set; }

    public Dictionary<string, Guid> Users { get; } = [];

    /// <summary>
    /// The world on a database of its own, copied from a template built once per test process, and the app started on it
    /// with the given settings and services.
    /// </summary>
    public static Task<HelpdeskWorld> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        CreateAsync(provider, _ => settings, services);

    /// <summary>The same, with settings that depend on the world's own database (its connection string).</summary>
    public static async Task<HelpdeskWorld> CreateAsync(
        DatabaseProvider provider, Func<TestDatabase, IReadOnlyDictionary<string, string?>?> settings, Action<IServiceCollection>? services = null)
    {
        var db = await TestDatabase.CreateFromAsync(provider, nameof(HelpdeskWorld), BuildAsync);
        var world = new HelpdeskWorld(db, new DistrictOpsFactory(db, settings(db), services));
        await using var scope = world.App.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sites = await context.Set<Site>().ToDictionaryAsync(s => s.SourcedId, s => s.Id);
        (world.Elementary, world.High, world.District) = (sites["org-es-01"], sites["org-hs-01"], sites["org-district"]);
        foreach (var user in await context.Users.ToListAsync())
        {
            world.Users[user.Email!] = user.Id;
        }

        return world;
    }

    /// <summary>Opens a ticket through the API as <paramref name="email"/> and returns its number.</summary>
    public async Task<string> OpenAsync(string email, object command)
    {
        var client = await App.ApiClientAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/helpdesk/tickets", command);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
    }

    /// <summary>The request most tests open: a tablet off the wireless at the elementary school, routed to the site technicians.</summary>
    public object Tablet() => new { title = "Tablet won't connect", description = "No wireless.", siteId = Elementary, issueTypeId = 3 };

    public async Task<Ticket> TicketAsync(string number)
    {
        await using var context = Db.OpenContext();
        var id = long.Parse(number.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
        return await context.Set<Ticket>().SingleAsync(t => t.Id == id);
    }

    /// <summary>The Directory id of the person with this source id (<c>s-es-1</c>, <c>t-es</c>).</summary>
    public async Task<Guid> PersonIdAsync(string sourcedId)
    {
        await using var context = Db.OpenContext();
        return await context.Set<Person>().Where(p => p.SourcedId == sourcedId).Select(p => p.Id).SingleAsync();
    }

    public async Task<List<TicketEvent>> EventsAsync(string number)
    {
        var ticket = await TicketAsync(number);
        await using var context = Db.OpenContext();
        return await context.Set<TicketEvent>().Where(e => e.TicketId == ticket.Id).OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task BuildAsync(TestDatabase db)
    {
        var root = System.IO.Directory.CreateTempSubdirectory("districtops-helpdesk-").FullName;
        try
        {
            await ImportAsync(db, root);
            await using var app = new DistrictOpsFactory(db);
            await LinkAccountsAsync(app);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    private static async Task ImportAsync(TestDatabase db, string root)
    {
        var roster = await CliRunner.RunAsync(db, "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(Path.Combine(root, "roster")), "--apply");
        Assert.True(roster.Code == 0, roster.Error);
        var hr = System.IO.Directory.CreateDirectory(Path.Combine(root, "hr")).FullName;
        await File.WriteAllTextAsync(Path.Combine(hr, "staff.csv"), """
            employeeId,personSourcedId,givenName,familyName,email,positionTitle,department,siteSourcedIds,status,startDate,endDate
            E001,t-es,Maria,Lopez,maria.lopez@bayview.example,Teacher,Harbor View Elementary,org-es-01,active,2015-08-10,
            E900,,Ivan,Petrov,ivan.petrov@bayview.example,Desktop Technician,Information Technology,"org-es-01,org-hs-01",active,2019-01-07,
            E902,,Sam,Ruiz,sam.ruiz@bayview.example,Desktop Technician,Information Technology,org-hs-01,active,2020-01-07,
            E901,,Amy,Chen,amy.chen@bayview.example,Help Desk Technician,Information Technology,org-district,active,2021-03-01,

            """);
        await File.WriteAllTextAsync(Path.Combine(hr, "coverage.csv"), "employeeId,siteSourcedId,share\nE900,org-es-01,1.00\nE900,org-hs-01,0.50\nE902,org-hs-01,0.50\n");
        var staff = await CliRunner.RunAsync(db, "import", "hr", hr, "--apply");
        Assert.True(staff.Code == 0, staff.Error);
    }

    private static async Task LinkAccountsAsync(DistrictOpsFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sites = await db.Set<Site>().ToDictionaryAsync(s => s.SourcedId, s => s.Id);
        var (elementary, high) = (sites["org-es-01"], sites["org-hs-01"]);
        var addUser = scope.ServiceProvider.GetRequiredService<AddUserHandler>();
        var added = await addUser.HandleAsync(new AddUserCommand(SecondTech, "Sam Ruiz", [Roles.SiteTechnician], [high], DistrictOpsFactory.DemoPassword), Actor.Operator);
        Assert.True(added.Succeeded);

        var people = await db.Set<Person>().Where(p => p.EmployeeId != null).ToDictionaryAsync(p => p.EmployeeId!, p => p.Id);
        var links = new Dictionary<string, string> { [SiteTech] = "E900", [SecondTech] = "E902", [Teacher] = "E001", [HelpDesk] = "E901" };
        var users = await db.Users.ToDictionaryAsync(u => u.Email!);
        foreach (var (email, employee) in links)
        {
            users[email].PersonId = people[employee];
        }

        db.UserSites.AddRange(
            new UserSite { UserId = users[SiteTech].Id, SiteId = elementary },
            new UserSite { UserId = users[SiteTech].Id, SiteId = high },
            new UserSite { UserId = users[Teacher].Id, SiteId = elementary });
        db.Set<TeamMember>().AddRange(
            new TeamMember { TeamId = HelpdeskDefaults.HelpDeskTeam, UserId = users[HelpDesk].Id },
            new TeamMember { TeamId = HelpdeskDefaults.SiteTechnicianTeam, UserId = users[SiteTech].Id },
            new TeamMember { TeamId = HelpdeskDefaults.SiteTechnicianTeam, UserId = users[SecondTech].Id },
            new TeamMember { TeamId = HelpdeskDefaults.SeniorTechnicianTeam, UserId = users[SeniorTech].Id },
            new TeamMember { TeamId = HelpdeskDefaults.NetworkTeam, UserId = users[Network].Id });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}
