using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Directory;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
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

    private readonly string _root;

    private HelpdeskWorld(TestDatabase db, DistrictOpsFactory app, string root)
    {
        Db = db;
        App = app;
        _root = root;
    }

    public TestDatabase Db { get; }

    public DistrictOpsFactory App { get; }

    public Guid Elementary { get; private set; }

    public Guid High { get; private set; }

    public Guid District { get; private set; }

    public Dictionary<string, Guid> Users { get; } = [];

    public static async Task<HelpdeskWorld> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var root = System.IO.Directory.CreateTempSubdirectory("districtops-helpdesk-").FullName;
        var db = await ImportOneRosterTests.MigratedAsync(provider);
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

        var app = new DistrictOpsFactory(db, settings, services);
        var world = new HelpdeskWorld(db, app, root);
        await world.LinkAccountsAsync();
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

    public async Task<Ticket> TicketAsync(string number)
    {
        await using var context = Db.OpenContext();
        var id = long.Parse(number.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
        return await context.Set<Ticket>().SingleAsync(t => t.Id == id);
    }

    public async Task<List<TicketEvent>> EventsAsync(string number)
    {
        var ticket = await TicketAsync(number);
        await using var context = Db.OpenContext();
        return await context.Set<TicketEvent>().Where(e => e.TicketId == ticket.Id).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task LinkAccountsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sites = await db.Set<Site>().ToDictionaryAsync(s => s.SourcedId, s => s.Id);
        (Elementary, High, District) = (sites["org-es-01"], sites["org-hs-01"], sites["org-district"]);
        var addUser = scope.ServiceProvider.GetRequiredService<AddUserHandler>();
        var added = await addUser.HandleAsync(new AddUserCommand(SecondTech, "Sam Ruiz", [Roles.SiteTechnician], [High], DistrictOpsFactory.DemoPassword));
        Assert.True(added.Succeeded);

        var people = await db.Set<Person>().Where(p => p.EmployeeId != null).ToDictionaryAsync(p => p.EmployeeId!, p => p.Id);
        var links = new Dictionary<string, string> { [SiteTech] = "E900", [SecondTech] = "E902", [Teacher] = "E001", [HelpDesk] = "E901" };
        foreach (var user in await db.Users.ToListAsync())
        {
            Users[user.Email!] = user.Id;
            if (links.TryGetValue(user.Email!, out var employee))
            {
                user.PersonId = people[employee];
            }
        }

        db.UserSites.AddRange(
            new UserSite { UserId = Users[SiteTech], SiteId = Elementary },
            new UserSite { UserId = Users[SiteTech], SiteId = High },
            new UserSite { UserId = Users[Teacher], SiteId = Elementary });
        db.Set<TeamMember>().AddRange(
            new TeamMember { TeamId = HelpdeskDefaults.HelpDeskTeam, UserId = Users[HelpDesk] },
            new TeamMember { TeamId = HelpdeskDefaults.SiteTechnicianTeam, UserId = Users[SiteTech] },
            new TeamMember { TeamId = HelpdeskDefaults.SiteTechnicianTeam, UserId = Users[SecondTech] },
            new TeamMember { TeamId = HelpdeskDefaults.SeniorTechnicianTeam, UserId = Users[SeniorTech] },
            new TeamMember { TeamId = HelpdeskDefaults.NetworkTeam, UserId = Users[Network] });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
        System.IO.Directory.Delete(_root, recursive: true);
    }
}
