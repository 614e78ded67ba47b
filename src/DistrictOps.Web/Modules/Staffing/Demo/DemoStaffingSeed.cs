using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Staffing.Demo;

/// <summary>
/// The review's staffing study as data: the model at its recommended ratios, the department's 33 positions as they are
/// (held by the demo's staff) and as the review proposes them, and a two-phase plan tied to the tablet rollout.
/// </summary>
internal sealed class DemoStaffingSeed(AppDbContext db, IPeopleDirectory people, TimeProvider clock) : IDemoSeed
{
    private const string Seeder = "Demo data";

    public int Order => 40;

    public string Title => "The staffing model, positions and phased plan";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<StaffingScenario>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var model = StaffingDefaults.Model(now, Seeder);
        db.Add(model);
        db.AddRange(StaffingDefaults.Ratios(model.Id));
        var staff = (await people.CurrentStaffAsync(cancellationToken)).Where(p => p.PositionTitle is not null)
            .GroupBy(p => p.PositionTitle!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => new Queue<PersonSummary>(g.OrderBy(p => p.SourcedId, StringComparer.Ordinal)), StringComparer.OrdinalIgnoreCase);
        var holders = new Dictionary<string, Queue<Guid>>(StringComparer.Ordinal);
        var current = new OrgBuilder(OrgStructure.Current, title => staff.TryGetValue(title, out var queue) && queue.TryDequeue(out var person) ? person.Id : null);
        BuildCurrent(current);
        foreach (var position in current.Positions.Where(p => p.PersonId is not null))
        {
            (holders.TryGetValue(position.Title, out var queue) ? queue : holders[position.Title] = new()).Enqueue(position.PersonId!.Value);
        }

        var proposed = new OrgBuilder(OrgStructure.Proposed, was => holders.TryGetValue(was, out var queue) && queue.TryDequeue(out var id) ? id : null);
        BuildProposed(proposed);
        db.AddRange(current.Positions);
        db.AddRange(proposed.Positions);
        db.AddRange(
            new StaffingPhase
            {
                Id = Guid.CreateVersion7(now), Number = 1, Name = "Phase 1: the first 8,000 tablets", DevicesAdded = 8000, StartsOn = new(2026, 7, 1), CheckpointOn = new(2027, 1, 29),
                Tier1FteAdded = 10, Tier2PositionsAdded = 2, Status = PhaseStatus.UnderWay,
            },
            new StaffingPhase
            {
                Id = Guid.CreateVersion7(now.AddTicks(1)), Number = 2, Name = "Phase 2: 15,000 more tablets", DevicesAdded = 15000, StartsOn = new(2027, 7, 1), CheckpointOn = new(2028, 1, 28),
                Tier1FteAdded = 18, Tier2PositionsAdded = 0, Status = PhaseStatus.Planned,
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    // The department as the review finds it: 33 positions, the typist clerk 2 vacant.
    private static void BuildCurrent(OrgBuilder org)
    {
        var cto = org.Add(null, "Chief Technology Officer", "Leadership");
        org.Add(cto, "Senior Administrative Secretary", "Administration");
        var director = org.Add(cto, "Director, Systems Integration", "Leadership");
        var sis = org.Add(director, "Student Information System Supervisor", "Data services");
        org.Add(sis, "Typist Clerk 2", "Administration", vacant: true);
        org.Add(sis, "Attendance Enrollment Technician", "Data services");
        org.Add(sis, "Data Entry Clerk", "Data services", count: 3);
        var reporting = org.Add(director, "State Reporting Specialist", "Data services");
        org.Add(reporting, "Attendance Enrollment Technician", "Data services", count: 2);
        org.Add(director, "Database Administrator", "Systems");
        org.Add(director, "Data Integration Analyst", "Systems");
        var network = org.Add(cto, "Senior Network Engineer", "Network");
        org.Add(network, "Network Engineer", "Network");
        org.Add(network, "VoIP Programmer and Technician", "Network");
        var operations = org.Add(cto, "IT Operations Manager", "Leadership");
        var supervisor = org.Add(operations, "Technology Operations Supervisor", "Site support");
        org.Add(supervisor, "Help Desk Technician", "Help desk", count: 3);
        org.Add(supervisor, "Desktop Technician", "Site support", count: 9, tier: 1);
        org.Add(operations, "Network Technician", "Systems", count: 2);
    }

    // The review's recommendations: retitled positions keep their holders; the new director, the two technology support
    // specialist 2 positions and 28 more site technicians are vacant; the typist clerk 2 is eliminated.
    private static void BuildProposed(OrgBuilder org)
    {
        var cto = org.Add(null, "Chief Technology Officer", "Leadership", was: "Chief Technology Officer");
        org.Add(cto, "Senior Administrative Secretary", "Administration", was: "Senior Administrative Secretary", change: "Job description updated for departmental operations, budget and bond compliance");
        var director = org.Add(cto, "Director, Information Services", "Leadership", was: "Director, Systems Integration", change: "Retitled from Director, Systems Integration");
        var sis = org.Add(director, "Student Information System Supervisor", "Data services", was: "Student Information System Supervisor");
        org.Add(sis, "Data Entry Clerk", "Data services", count: 3, was: "Data Entry Clerk");
        var data = org.Add(director, "Data Services Supervisor", "Data services", was: "State Reporting Specialist", change: "Retitled from State Reporting Specialist");
        org.Add(data, "Student Data Technician", "Data services", count: 3, was: "Attendance Enrollment Technician", change: "Retitled from Attendance Enrollment Technician; all three report to the data services supervisor");
        org.Add(director, "Database Administrator", "Systems", was: "Database Administrator");
        org.Add(director, "Data Integration Analyst", "Systems", was: "Data Integration Analyst");
        var technical = org.Add(cto, "Director of Technical Services", "Leadership", change: "New position over the network and IT operations teams");
        var network = org.Add(technical, "Senior Network Engineer", "Network", was: "Senior Network Engineer");
        org.Add(network, "Network Engineer", "Network", was: "Network Engineer");
        org.Add(network, "Network Specialist", "Network", was: "VoIP Programmer and Technician", change: "Retitled from VoIP Programmer and Technician");
        var operations = org.Add(technical, "IT Operations Manager", "Leadership", was: "IT Operations Manager", change: "Job description clarified; network duties move to the network team");
        org.Add(operations, "Special Projects Supervisor", "Site support", was: "Technology Operations Supervisor", change: "Retitled from Technology Operations Supervisor");
        org.Add(operations, "Help Desk Technician", "Help desk", count: 3, was: "Help Desk Technician");
        org.Add(operations, "Systems Administrator", "Systems", count: 2, was: "Network Technician", change: "Retitled from Network Technician");
        org.Add(operations, "Technology Support Specialist 2", "Site support", count: 2, tier: 2, change: "New second-tier position: imaging, device management, escalations");
        org.Add(operations, "Technology Support Specialist 1", "Site support", count: 37, tier: 1, was: "Desktop Technician", change: "Retitled from Desktop Technician; 28 new positions in two phases");
    }

    /// <summary>Adds positions in order; a holder comes from <c>holderOf</c> by the title (current) or the title it was (proposed).</summary>
    private sealed class OrgBuilder(OrgStructure structure, Func<string, Guid?> holderOf)
    {
        public List<Position> Positions { get; } = [];

        public Position Add(Position? reportsTo, string title, string family, int count = 1, int? tier = null, bool vacant = false, string? was = null, string? change = null)
        {
            Position? first = null;
            for (var i = 0; i < count; i++)
            {
                var holderTitle = structure == OrgStructure.Current ? title : was;
                var position = new Position
                {
                    Id = Guid.NewGuid(), Structure = structure, Title = title, JobFamily = family, Fte = 1.0m, ReportsToId = reportsTo?.Id, SupportTier = tier,
                    PersonId = vacant || holderTitle is null ? null : holderOf(holderTitle), Change = change,
                    Order = Positions.Count(p => p.ReportsToId == reportsTo?.Id),
                };
                Positions.Add(position);
                first ??= position;
            }

            return first!;
        }
    }
}
