using System.Diagnostics;
using System.Globalization;
using DistrictOps.Web.Modules.Accounts;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// The account planner at a district's scale, in memory: N people (students in classes at 10 × the demo's 61 sites, and
/// staff), planned first against an empty directory (every account and group made), then against a directory holding
/// exactly that plan's result (nothing to do), then after a day's changes (renames, transfers, grade changes, leavers,
/// newcomers). The directory read and the database load are not in these figures (see bench/README.md).
/// </summary>
internal static class AccountsBench
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 16, 0, 0, TimeSpan.Zero);
    private static readonly string[] Given = ["Ana", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Iris", "Jon", "Kai", "Lena", "Mateo", "Nia", "Omar", "Priya"];
    private static readonly string[] Family = ["Garcia", "Nguyen", "Smith", "Lopez", "Kim", "Patel", "Brown", "Chen", "Singh", "Rossi", "Khan", "Silva", "Müller", "O'Brien", "Ito", "Haddad"];

    public static void Run(int people, IReadOnlyList<GroupKind> groups)
    {
        var target = new AccountTarget
        {
            Name = "K12", Dialect = DirectoryDialect.ActiveDirectory, Url = "ldaps://dc1.k12.example", BaseDn = "DC=k12,DC=bayview,DC=example",
            Kinds = ["Student", "Teacher", "Staff"], OuTemplate = "OU={grade},OU={site},OU={kind}", UpnSuffix = "k12.bayview.example",
            Groups = [.. groups],
        };
        var holders = Enumerable.Range(0, people).Select(Holder).ToList();
        var classes = holders.SelectMany(h => h.Classes ?? []).Distinct().ToDictionary(c => c, c => new AccountClass(c, $"Section {c}", null));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{people:N0} people, groups {(groups.Count == 0 ? "none" : string.Join('+', groups))}, {classes.Count:N0} classes, {holders.Sum(h => h.Classes?.Count ?? 0):N0} class memberships; load {Load()}"));

        var first = Time("plan against an empty directory", () => AccountPlanner.Plan(new PlanInput(target, holders, new DirectoryState([], []), new Dictionary<Guid, KnownAccount>(), new Dictionary<string, Guid>(), Now, classes)));
        var (state, known, claims) = Applied(first);
        var same = Time("plan, nothing changed", () => AccountPlanner.Plan(new PlanInput(target, holders, state, known, claims, Now, classes)));
        if (same.Operations.Count != 0)
        {
            throw new InvalidOperationException($"A nothing-changed plan has {same.Operations.Count} operations: {same.Operations[0].Kind} {same.Operations[0].Dn} ({same.Operations[0].Reason})");
        }

        var changed = DayOfChanges(holders);
        var day = Time("plan after a day's changes", () => AccountPlanner.Plan(new PlanInput(target, changed, state, known, claims, Now, classes)));
        Console.WriteLine("  " + string.Join(", ", day.Operations.GroupBy(o => o.Kind).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count():N0}"))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB; load {Load()}"));
    }

    private static AccountPlan Time(string step, Func<AccountPlan> plan)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = plan();
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step}: {watch.Elapsed.TotalSeconds:N2} s, {result.Operations.Count:N0} operations ({result.Operations.Count(o => o.OnGroup):N0} on groups), {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:N0} MB allocated"));
        return result;
    }

    /// <summary>The directory as applying <paramref name="plan"/> would leave it, and the sync's own records of it.</summary>
    private static (DirectoryState State, Dictionary<Guid, KnownAccount> Known, Dictionary<string, Guid> Claims) Applied(AccountPlan plan)
    {
        var creates = plan.Operations.Where(o => o.Kind == OperationKind.Create).ToList();
        var accounts = creates.Select(o => new DirectoryAccount(o.Dn, o.Changes["employeeID"], o.Username, true, false,
            o.Changes.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase))).ToList();
        var groups = plan.Operations.Where(o => o.Kind == OperationKind.CreateGroup).Select(o => new DirectoryGroup(o.Dn, o.Name, true, o.Members ?? [])).ToList();
        var ous = plan.Operations.Where(o => o.Kind == OperationKind.CreateOu).Select(o => o.Dn).ToList();
        var known = creates.ToDictionary(o => o.PersonId!.Value, o => new KnownAccount(o.PersonId!.Value, o.Username!, null));
        var claims = creates.ToDictionary(o => o.Username!, o => o.PersonId!.Value, StringComparer.OrdinalIgnoreCase);
        return (new DirectoryState(accounts, ous, [.. claims.Keys], groups), known, claims);
    }

    /// <summary>Of every 1,000 people: 4 renamed, 3 transferred to another site, 5 up a grade, 2 left 60 days ago; and 1 % newcomers.</summary>
    private static List<AccountHolder> DayOfChanges(List<AccountHolder> holders)
    {
        var changed = holders.Select((h, i) => (i % 1000) switch
        {
            < 4 => h with { FamilyName = h.FamilyName + "-Ruiz" },
            < 7 => h with { SiteSourcedId = Site(i + 1), SiteName = $"School {i + 1}" },
            < 12 when h.Kind == "Student" => h with { Grade = "12" },
            < 14 => h with { LeftAt = Now.AddDays(-60) },
            _ => h,
        }).ToList();
        changed.AddRange(Enumerable.Range(holders.Count, holders.Count / 100).Select(Holder));
        return changed;
    }

    private static AccountHolder Holder(int i)
    {
        var student = i % 12 != 0;
        var site = i % 610;
        var grade = student ? (i / 610 % 13) switch { 0 => "KG", var g => g.ToString("00", CultureInfo.InvariantCulture) } : null;
        string[] sections = student ? [.. Enumerable.Range(0, 4).Select(k => $"cls-{site}-{grade}-{(i / 7 + k) % 6}-{k}")] : [$"cls-{site}-staff-{i % 20}"];
        return new AccountHolder(GuidOf(i), $"p-{i}", student ? "Student" : (i % 24 == 0 ? "Staff" : "Teacher"), Given[i % Given.Length], Family[i / 16 % Family.Length],
            i % 3 == 0 ? Given[(i + 5) % Given.Length] : null, null, null, Site(site), $"School {site}", grade, student ? null : $"E{i}", null, null, null, sections);
    }

    private static string Site(int i) => $"org-{i % 610:000}";

    private static Guid GuidOf(int i) => new(i, 0, 0, new byte[8]);

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
