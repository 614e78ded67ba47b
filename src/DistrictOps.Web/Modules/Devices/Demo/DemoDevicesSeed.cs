using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Devices.Demo;

/// <summary>
/// In demo mode: the review's 1-to-1 program. 8,000 phase-1 tablets (bought August 2024, support ending 2028) and 15,000
/// newer ones (August 2026), each out with a student; most families signed this year's agreement. Each school keeps a
/// loaner pool; the last months brought damage, loss and theft at the rates districts report (about 6 % and 1.5 % a year),
/// with repairs, a few willful-damage charges, payments and a waiver; a few sites were audited. The bond pays until
/// 2027, so the forecast shows the gap the review feared. Runs once, only with a demo district (<c>Demo:Students</c> &gt; 0).
/// </summary>
internal sealed class DemoDevicesSeed(AppDbContext db, IPeopleDirectory people, ISiteDirectory sites, DistrictTime time, IOptions<DemoOptions> options) : IDemoSeed
{
    public const int PhaseOne = 8_000;
    public const int PhaseTwo = 15_000;
    private const string Seeder = "Demo data";

    public int Order => 25;

    public string Title => "1-to-1 devices: tablets, loaners, incidents and fees";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Students <= 0 || await db.Set<Device>().AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(16);
        var (older, newer) = await StandardsAsync(cancellationToken);
        var students = await people.CurrentStudentsAsync(PhaseOne + PhaseTwo, cancellationToken);
        var bond = await FundingAsync(students.Count * newer.UnitCostCents, cancellationToken);
        var schools = (await sites.ListAsync(cancellationToken)).Where(s => s.Type != "District" && s.Enrollment > 0).ToList();
        var devices = new List<Device>();
        var events = new List<DeviceEvent>();
        var assignments = new List<Assignment>();
        for (var i = 0; i < students.Count; i++)
        {
            var phaseOne = i % 23 < 8;
            var standard = phaseOne ? older : newer;
            var device = NewDevice(devices.Count + 1, standard, phaseOne ? new DateOnly(2024, 8, 1) : new DateOnly(2026, 8, 1), bond, students[i].PrimarySiteId, random);
            var student = students[i];
            var outAt = time.StartOf(device.PurchasedOn!.Value.AddDays(20 + random.Next(10)));
            (device.Status, device.HolderKind, device.HolderId, device.HolderName, device.AccessoriesOut) = (DeviceStatus.Assigned, HolderKind.Student, student.Id, student.Name, Accessories.Charger | Accessories.Case);
            devices.Add(device);
            assignments.Add(new Assignment
            {
                DeviceId = device.Id, HolderKind = HolderKind.Student, HolderId = student.Id, HolderName = student.Name, SiteId = device.SiteId, AccessoriesOut = device.AccessoriesOut,
                OutAt = outAt, OutByName = Seeder, AgreementOnFile = random.NextDouble() < 0.9,
            });
            events.Add(Event(device, DeviceEventKind.Added, device.CreatedAt, "Added from the purchase order", null));
            events.Add(Event(device, DeviceEventKind.CheckedOut, outAt, $"To {student.Name}", DeviceStatus.InStock));
        }

        var pools = Pools(schools, newer, bond, devices, events, random);
        await SaveAsync(devices, events, assignments, pools, cancellationToken);
        await IncidentsAsync(devices.Where(d => d.HolderKind == HolderKind.Student).ToList(), random, cancellationToken);
        await AuditsAsync(schools.Take(3).ToList(), cancellationToken);
    }

    private async Task<(DeviceStandard Older, DeviceStandard Newer)> StandardsAsync(CancellationToken cancellationToken)
    {
        var older = Standard("Student tablet 2024", "10w Gen 2", "2024.3", 32_900, 4, new DateOnly(2028, 6, 30), new DateOnly(2024, 6, 14));
        var newer = Standard("Student tablet 2026", "10w Gen 3", "2026.1", 34_900, 5, new DateOnly(2031, 6, 30), new DateOnly(2026, 5, 22));
        var next = Standard("Student tablet 2027 (pilot)", "11e Gen 1", "2027.0-beta", 36_900, 5, new DateOnly(2032, 6, 30), null);
        next.Checks.Single(c => c.Item == CheckItem.DocumentCameras).Result = CheckResult.Fail;
        next.Checks.Single(c => c.Item == CheckItem.DocumentCameras).Notes = "No driver for the classroom document cameras in the image";
        next.Checks.Single(c => c.Item == CheckItem.Printers).Result = CheckResult.NotTested;
        db.AddRange(older, newer, next);
        await db.SaveChangesAsync(cancellationToken);
        return (older, newer);
    }

    private DeviceStandard Standard(string name, string model, string image, long cents, int life, DateOnly supportEnds, DateOnly? approved)
    {
        var standard = new DeviceStandard
        {
            Id = Guid.CreateVersion7(), Name = name, Manufacturer = "Lenovo", Model = model, Configuration = "4 GB, 128 GB, pen, keyboard cover", ImageName = "Student",
            ImageVersion = image, Status = approved is null ? StandardStatus.Proposed : StandardStatus.Approved, ApprovedOn = approved,
            ApprovedByName = approved is null ? null : "Marcus Lee", Grades = "03,04,05,06,07,08,09,10,11,12", UnitCostCents = cents, ExpectedLifeYears = life,
            SupportEnds = supportEnds, UpdatedAt = time.Now,
        };
        standard.Checks.AddRange(Enum.GetValues<CheckItem>().Select(item => new StandardCheck
        {
            StandardId = standard.Id, Item = item, Result = CheckResult.Pass, CheckedByName = "Grace Kim",
            CheckedAt = approved is { } day ? time.StartOf(day.AddDays(-7)) : time.Now.AddDays(-3),
        }));
        return standard;
    }

    /// <summary>The bond pays a fifth of the fleet's value a year until 2027; after it, the general fund and a grant cover a few percent.</summary>
    private async Task<FundingSource> FundingAsync(long fleetCents, CancellationToken cancellationToken)
    {
        var bond = new FundingSource { Id = Guid.CreateVersion7(), Name = "Measure B bond", AnnualCents = fleetCents / 5 / 100 * 100, EndsYear = 2027 };
        db.AddRange(bond,
            new FundingSource { Id = Guid.CreateVersion7(), Name = "General fund", AnnualCents = fleetCents * 3 / 100 / 100 * 100 },
            new FundingSource { Id = Guid.CreateVersion7(), Name = "Title IV-A grant", AnnualCents = fleetCents / 100 / 100 * 100, EndsYear = 2028 });
        await db.SaveChangesAsync(cancellationToken);
        return bond;
    }

    private Device NewDevice(int number, DeviceStandard standard, DateOnly bought, FundingSource funding, Guid? siteId, Random random) => new()
    {
        Id = Guid.CreateVersion7(), AssetTag = "BV-" + number.ToString("000000", CultureInfo.InvariantCulture),
        Serial = "PF" + random.Next(0x100000, 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture) + number.ToString("00000", CultureInfo.InvariantCulture),
        StandardId = standard.Id, Status = DeviceStatus.InStock, SiteId = siteId, PurchaseOrder = bought.Year == 2024 ? "PO-24-0117" : "PO-26-0342", PurchasedOn = bought,
        CostCents = standard.UnitCostCents, FundingSourceId = funding.Id, WarrantyEnds = bought.AddYears(3), CreatedAt = time.StartOf(bought), UpdatedAt = time.StartOf(bought),
        LastSeenAt = time.Now.AddHours(-random.Next(1, random.NextDouble() < 0.03 ? 24 * 60 : 72)), Compliance = "Compliant",
        OsVersion = bought.Year == 2024 ? "10.0.22631.4602" : "10.0.26100.2605",
    };

    /// <summary>A loaner pool at each school: about one spare per 60 students, at least four, all in stock.</summary>
    private List<LoanerPool> Pools(List<SiteSummary> schools, DeviceStandard standard, FundingSource funding, List<Device> devices, List<DeviceEvent> events, Random random)
    {
        var pools = new List<LoanerPool>();
        foreach (var school in schools)
        {
            var pool = new LoanerPool { Id = Guid.CreateVersion7(), SiteId = school.Id, Name = $"{school.Name} loaners" };
            pools.Add(pool);
            for (var i = 0; i < Math.Max(4, school.Enrollment / 60); i++)
            {
                var device = NewDevice(devices.Count + 1, standard, new DateOnly(2026, 8, 1), funding, school.Id, random);
                device.PoolId = pool.Id;
                devices.Add(device);
                events.Add(Event(device, DeviceEventKind.Added, device.CreatedAt, $"Added to {pool.Name}", null));
            }
        }

        return pools;
    }

    private async Task SaveAsync(List<Device> devices, List<DeviceEvent> events, List<Assignment> assignments, List<LoanerPool> pools, CancellationToken cancellationToken)
    {
        db.AddRange(pools);
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAsync(devices, cancellationToken);
        await db.InsertAsync(events, cancellationToken);
        await db.InsertAsync(assignments, cancellationToken);
        var year = SchoolYear.Of(time.Today);
        var signed = assignments.Where(a => a.AgreementOnFile).Select((a, i) => new DeviceAgreement
        {
            StudentId = a.HolderId!.Value, SchoolYear = year, SignedAt = a.OutAt.AddDays(-3), SignedByName = "Parent or guardian",
            Method = i % 3 == 0 ? AgreementMethod.Paper : AgreementMethod.Online, ProtectionOptIn = i % 4 == 0, RecordedByName = i % 3 == 0 ? "Front office" : "Family portal",
        }).ToList();
        await db.InsertAsync(signed, cancellationToken);
    }

    /// <summary>The last 120 days of incidents at yearly rates of about 6 % damaged, 1 % lost and 0.5 % stolen, with decisions, repairs and fees.</summary>
    private async Task IncidentsAsync(List<Device> held, Random random, CancellationToken cancellationToken)
    {
        var fleet = held.Count;
        var picks = held.OrderBy(_ => random.Next()).Take((int)(fleet * 0.085 * 120 / 365)).ToList();
        var ids = picks.Select(d => d.Id).ToList();
        var tracked = await db.Set<Device>().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var open = await db.Set<Assignment>().Where(a => ids.Contains(a.DeviceId) && a.InAt == null).ToDictionaryAsync(a => a.DeviceId, cancellationToken);
        var parts = Parts();
        db.AddRange(parts);
        var incidents = new List<(Incident Incident, Device Device)>();
        foreach (var (pick, n) in picks.Select((d, n) => (d, n)))
        {
            var device = tracked[pick.Id];
            var kind = n % 17 == 0 ? IncidentKind.Stolen : n % 8 == 0 ? IncidentKind.Lost : IncidentKind.Damaged;
            var at = time.Now.AddDays(-random.Next(2, 120)).AddMinutes(-random.Next(0, 600));
            var incident = new Incident
            {
                DeviceId = device.Id, Kind = kind, Cause = kind == IncidentKind.Damaged ? (n % 13 == 0 ? DamageCause.Willful : DamageCause.Accidental) : null,
                PoliceReport = kind == IncidentKind.Stolen ? $"BPD-26-{4100 + n}" : null, OccurredOn = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-1),
                Description = kind switch { IncidentKind.Stolen => "Taken from a backpack on the bus.", IncidentKind.Lost => "Not returned after a family move.", _ => "Screen cracked after a drop." },
                StudentId = device.HolderId, StudentName = device.HolderName, SiteId = device.SiteId, ReportedAt = at, ReportedByName = "Luis Ortega", StatusBefore = device.Status,
            };
            Decide(incident, n);
            incidents.Add((incident, device));
            Follow(incident, device, open[device.Id], parts, random, at);
        }

        db.AddRange(incidents.Select(i => i.Incident));
        await db.SaveChangesAsync(cancellationToken);
        Fees(incidents, tracked);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Decide(Incident incident, int n)
    {
        if (n % 10 == 9)
        {
            return;
        }

        (incident.Responsibility, incident.DecisionReason) = incident switch
        {
            { Kind: IncidentKind.Damaged, Cause: DamageCause.Willful } => (Responsibility.Family, "Willful damage (Education Code 48904)."),
            { Kind: IncidentKind.Damaged } => n % 3 == 0 ? (Responsibility.Warranty, "Accidental damage under warranty.") : (Responsibility.District, "Accidental damage."),
            { Kind: IncidentKind.Lost } => n % 2 == 0 ? (Responsibility.Family, "Not returned (Education Code 48904).") : (Responsibility.District, "Lost at school."),
            _ => (Responsibility.District, "Stolen; police report on file."),
        };
        (incident.DecidedByName, incident.DecidedAt) = ("Marcus Lee", incident.ReportedAt.AddDays(2));
    }

    /// <summary>A lost or stolen device leaves its holder; a damaged one goes to repair, most already back.</summary>
    private void Follow(Incident incident, Device device, Assignment assignment, List<Part> parts, Random random, DateTimeOffset at)
    {
        if (incident.Kind != IncidentKind.Damaged)
        {
            (assignment.InAt, assignment.InByName, assignment.NotesIn) = (at, "Luis Ortega", $"Reported {incident.Kind.ToString().ToLowerInvariant()}");
            (device.Status, device.HolderKind, device.HolderId, device.HolderName, device.AccessoriesOut) =
                (incident.Kind == IncidentKind.Lost ? DeviceStatus.Lost : DeviceStatus.Stolen, null, null, null, Accessories.None);
            return;
        }

        var done = random.NextDouble() < 0.6;
        var part = parts[random.Next(parts.Count)];
        var repair = new RepairOrder
        {
            DeviceId = device.Id, Kind = random.NextDouble() < 0.7 ? RepairKind.InHouse : RepairKind.Vendor, Status = done ? RepairStatus.Done : RepairStatus.Open,
            Problem = incident.Description, Resolution = done ? $"Replaced the {part.Name.ToLowerInvariant()}." : null, LaborCents = 2_500, OpenedAt = at.AddHours(2),
            OpenedByName = "Luis Ortega", ClosedAt = done ? at.AddDays(random.Next(2, 9)) : null, StatusBefore = DeviceStatus.Assigned,
        };
        repair.VendorRma = repair.Kind == RepairKind.Vendor ? $"RMA-{random.Next(100000, 999999)}" : null;
        repair.Parts.Add(new RepairPart { PartId = part.Id, Quantity = 1, UnitCostCents = part.UnitCostCents });
        db.Add(repair);
        device.Status = done ? DeviceStatus.Assigned : DeviceStatus.InRepair;
    }

    private static List<Part> Parts() =>
    [
        new() { Id = Guid.CreateVersion7(), Name = "Screen assembly", PartNumber = "5D10S39787", OnHand = 14, ReorderLevel = 20, UnitCostCents = 8_900 },
        new() { Id = Guid.CreateVersion7(), Name = "Battery", PartNumber = "5B10W51853", OnHand = 40, ReorderLevel = 15, UnitCostCents = 4_200 },
        new() { Id = Guid.CreateVersion7(), Name = "Keyboard cover", PartNumber = "4X30Z42517", OnHand = 6, ReorderLevel = 10, UnitCostCents = 5_900 },
        new() { Id = Guid.CreateVersion7(), Name = "Charger 45 W USB-C", PartNumber = "GX21M50608", OnHand = 55, ReorderLevel = 25, UnitCostCents = 2_400 },
    ];

    /// <summary>Charges for what families are responsible for; some paid, one waived.</summary>
    private void Fees(List<(Incident Incident, Device Device)> incidents, Dictionary<Guid, Device> devices)
    {
        var charged = incidents.Where(i => i.Incident.Responsibility == Responsibility.Family && i.Incident.StudentId is not null).ToList();
        foreach (var ((incident, _), n) in charged.Select((c, n) => (c, n)))
        {
            var amount = incident.Kind == IncidentKind.Lost ? devices[incident.DeviceId].CostCents ?? 34_900 : 12_500;
            db.Add(new FeeEntry
            {
                StudentId = incident.StudentId!.Value, Kind = FeeEntryKind.Charge, AmountCents = amount, At = incident.DecidedAt!.Value, IncidentId = incident.Id,
                Reason = incident.Kind == IncidentKind.Lost ? "Device not returned" : "Willful damage: screen", RecordedByName = "Marcus Lee",
            });
            if (n % 3 == 0)
            {
                db.Add(new FeeEntry { StudentId = incident.StudentId!.Value, Kind = FeeEntryKind.Payment, AmountCents = amount / 2, At = incident.DecidedAt!.Value.AddDays(10), Reason = "Check 1042, first half", RecordedByName = "Front office" });
            }
            else if (n % 7 == 1)
            {
                db.Add(new FeeEntry { StudentId = incident.StudentId!.Value, Kind = FeeEntryKind.Waiver, AmountCents = amount, At = incident.DecidedAt!.Value.AddDays(5), Reason = "Family hardship; the principal asked", RecordedByName = "Marcus Lee", ApprovedByName = "Marcus Lee" });
            }
        }
    }

    /// <summary>Three schools audited last month: about 97 % found, the rest on the missing list.</summary>
    private async Task AuditsAsync(List<SiteSummary> schools, CancellationToken cancellationToken)
    {
        foreach (var school in schools)
        {
            var expected = await db.Set<Device>().Where(d => d.SiteId == school.Id && d.Status != DeviceStatus.Lost && d.Status != DeviceStatus.Stolen).Select(d => d.Id).ToListAsync(cancellationToken);
            var at = time.Now.AddDays(-30);
            var audit = new Audit { Name = $"{school.Name} fall audit", SiteId = school.Id, StartedAt = at, StartedByName = "Luis Ortega", ClosedAt = at.AddHours(6), ExpectedCount = expected.Count };
            db.Add(audit);
            await db.SaveChangesAsync(cancellationToken);
            var items = expected.Select((id, n) => new AuditItem { AuditId = audit.Id, DeviceId = id, Expected = true, ScannedAt = n % 33 == 5 ? null : at.AddMinutes(n % 300), ScannedByName = n % 33 == 5 ? null : "Luis Ortega" }).ToList();
            (audit.FoundCount, audit.MissingCount) = (items.Count(i => i.ScannedAt is not null), items.Count(i => i.ScannedAt is null));
            await db.InsertAsync(items, cancellationToken);
            var found = items.Where(i => i.ScannedAt is not null).Select(i => i.DeviceId).ToList();
            await db.Set<Device>().Where(d => found.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.LastAuditedAt, at.AddHours(6)), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static DeviceEvent Event(Device device, DeviceEventKind kind, DateTimeOffset at, string detail, DeviceStatus? from) => new()
    {
        DeviceId = device.Id, At = at, ActorName = Seeder, Kind = kind, FromStatus = from, ToStatus = from is null ? null : device.Status, Detail = detail,
    };
}
