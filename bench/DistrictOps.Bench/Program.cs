using System.Diagnostics;
using System.Globalization;
using DistrictOps.Cli;
using DistrictOps.Web.Modules.Accounts;
using DistrictOps.Web.Modules.Directory.Importing;
using Npgsql;

// Import benchmark: generate the demo district at a given size, then time the OneRoster import on an empty
// database (plan, apply) and again with nothing changed (plan, apply), on SQLite or PostgreSQL.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --students 1000000 --provider Sqlite|Postgres [--postgres CONNECTION]
//   [--work DIR]  keep the package and database in DIR; a later run with the same DIR times only the nothing-changed steps
//   [--phases]    log the importer's time per phase
// Before the import steps it reads the package once with the importer's CSV reader (the floor) and prints each step's ratio to it.
// Helpdesk benchmark (HelpdeskBench.cs): ticket creation through the API and queue latency over N tickets.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --tickets 1000000 --provider Sqlite|Postgres [--postgres CONNECTION] [--keep]
// Search benchmark: the same with --search, descriptions from a small vocabulary and a reply on every 4th ticket, timing the header's search.
// Reports benchmark (ReportsBench.cs): the same with --reports, timing each help desk report API over 90 and 365 days.
// Knowledge benchmark (KnowledgeBench.cs): the demo's articles copied N times, then search, suggestions, lists and pages.
// Devices benchmark (DevicesBench.cs): the register at N devices, the list's filters and a 1,000-device scan session.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --devices 250000 --provider Sqlite|Postgres [--postgres CONNECTION]
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --knowledge 10 --provider Sqlite|Postgres [--postgres CONNECTION]
// Load benchmark (LoadBench.cs): the same tickets, then the Release web app in a process of its own driven by C concurrent clients.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --tickets 100000 --load --provider Sqlite|Postgres --work DIR
//   [--clients 1,4,16,16,16] [--seconds 5] [--warmup 15] [--web PATH/DistrictOps.Web.dll]   a DIR that holds N tickets is reused as it is
// Roster export benchmark (RosterExportBench.cs): a synthetic district of N users with 10 enrollments each, imported once, then a
// bulk OneRoster 1.2 export of all of it and its check by the import's rules.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --roster-export 1000000 --provider Sqlite|Postgres [--postgres CONNECTION] [--work DIR]
// OneRoster API benchmark (OneRosterApiBench.cs): the demo district at N students imported (as the import benchmark does, once
// per --work DIR), then every user paged through over the OneRoster API at limit 100 and at the cap.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --students 1000000 --oneroster-api --provider Sqlite|Postgres --work DIR
// Staffing benchmark (StaffingBench.cs): the demo's schools, their technicians' coverage, devices, tickets and surveys copied to
// N times the demo, then each staffing page and API.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --staffing 10 --provider Sqlite|Postgres [--postgres CONNECTION] [--work DIR]
// Accounts benchmark (AccountsBench.cs): the account planner in memory for N people and their accounts and groups.
// Usage: dotnet run -c Release --project bench/DistrictOps.Bench -- --accounts 1000000 [--groups Site,Grade,Role,Class|none]
if (Arg("--accounts") is { } accountPeople)
{
    var groups = (Arg("--groups") ?? "Site,Grade,Role,Class") is "none" ? [] : (Arg("--groups") ?? "Site,Grade,Role,Class").Split(',').Select(Enum.Parse<GroupKind>).ToList();
    AccountsBench.Run(int.Parse(accountPeople, CultureInfo.InvariantCulture), groups);
    return;
}

var students = int.Parse(Arg("--students") ?? "100000", CultureInfo.InvariantCulture);
var provider = Arg("--provider") ?? "Sqlite";
var keep = Arg("--work");
var work = keep is null ? Directory.CreateTempSubdirectory("districtops-bench-").FullName : Directory.CreateDirectory(keep).FullName;
var loaded = File.Exists(Path.Combine(work, "loaded"));
(TimeSpan Wall, TimeSpan Cpu) floor = default;
var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider, ["Logging:LogLevel:Default"] = "Warning" };
if (args.Contains("--phases"))
{
    settings["Logging:LogLevel:DistrictOps.Web.Modules.Directory.Importing"] = "Debug";
}

string? database = null;
if (provider == "Postgres")
{
    var server = Arg("--postgres") ?? Environment.GetEnvironmentVariable("DISTRICTOPS_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Give --postgres CONNECTION or set DISTRICTOPS_TEST_POSTGRES.");
    var named = Path.Combine(work, "database");
    var existing = File.Exists(named);
    database = existing ? File.ReadAllText(named) : "districtops_bench_" + Guid.NewGuid().ToString("N")[..8];
    if (!existing)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        File.WriteAllText(named, database);
    }

    settings["ConnectionStrings:DistrictOps"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
}
else
{
    settings["ConnectionStrings:DistrictOps"] = $"Data Source={Path.Combine(work, "bench.db")}";
}

if (Arg("--devices") is { } devices)
{
    await DevicesBench.RunAsync(int.Parse(devices, CultureInfo.InvariantCulture), provider, settings);
    return;
}

if (Arg("--staffing") is { } staffingTimes)
{
    await StaffingBench.RunAsync(int.Parse(staffingTimes, CultureInfo.InvariantCulture), provider, settings);
    return;
}

if (Arg("--knowledge") is { } knowledgeCopies)
{
    await KnowledgeBench.RunAsync(int.Parse(knowledgeCopies, CultureInfo.InvariantCulture), provider, settings);
    return;
}

if (args.Contains("--oneroster-api"))
{
    if (!loaded)
    {
        await Step("generate", "demo", "generate", "--out", Path.Combine(work, "package"), "--students", students.ToString(CultureInfo.InvariantCulture));
        await Step("migrate", "db", "migrate");
        await Step("apply, empty database", "import", "oneroster", Path.Combine(work, "package"), "--apply");
        File.WriteAllText(Path.Combine(work, "loaded"), "");
    }

    await Step("migrate", "db", "migrate");
    await OneRosterApiBench.RunAsync(provider, settings);
    return;
}

if (Arg("--tickets") is { } tickets)
{
    if (args.Contains("--load"))
    {
        await using (var app = await HelpdeskBench.StartAsync(settings))
        {
            await HelpdeskBench.FillAsync(app, int.Parse(tickets, CultureInfo.InvariantCulture), search: false);
        }

        var clients = (Arg("--clients") ?? "1,4,16,16,16").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        await LoadBench.RunAsync(
            provider, settings, clients, TimeSpan.FromSeconds(double.Parse(Arg("--seconds") ?? "5", CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Arg("--warmup") ?? "15", CultureInfo.InvariantCulture)), Arg("--web"), Arg("--only"));
    }
    else if (args.Contains("--reports"))
    {
        await ReportsBench.RunAsync(int.Parse(tickets, CultureInfo.InvariantCulture), provider, settings);
    }
    else
    {
        await HelpdeskBench.RunAsync(int.Parse(tickets, CultureInfo.InvariantCulture), provider, settings, search: args.Contains("--search"));
    }

    if (args.Contains("--keep") || keep is not null)
    {
        Console.WriteLine($"Kept: {settings["ConnectionStrings:DistrictOps"]}");
        return;
    }
}
else if (Arg("--roster-export") is { } rosterUsers)
{
    await RosterExportBench.RunAsync(int.Parse(rosterUsers, CultureInfo.InvariantCulture), provider, settings, work, args);
    if (keep is not null)
    {
        return;
    }
}
else
{
    await ImportBenchAsync();
    if (keep is not null)
    {
        return;
    }
}

Directory.Delete(work, recursive: true);
if (database is not null)
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(Arg("--postgres") ?? Environment.GetEnvironmentVariable("DISTRICTOPS_TEST_POSTGRES"));
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
}

return;

async Task ImportBenchAsync()
{
    Console.WriteLine($"DistrictOps import benchmark: {students:N0} students on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    var package = Path.Combine(work, "package");
    if (loaded)
    {
        Floor(package);
    }

    if (!loaded)
    {
        await Step("generate", "demo", "generate", "--out", package, "--students", students.ToString(CultureInfo.InvariantCulture));
        await Step("migrate", "db", "migrate");
        Floor(package);
        await Step("plan, empty database", "import", "oneroster", package, "--plan");
        await Step("apply, empty database", "import", "oneroster", package, "--apply");
        if (keep is not null)
        {
            File.WriteAllText(Path.Combine(work, "loaded"), "");
        }
    }

    // The first comparison of unchanged files reads every row and records them (ADR 0025); the same files again are recalled
    // by their hash; --recheck times the row-by-row comparison of an apply.
    await Step("plan, nothing changed", "import", "oneroster", package, "--plan");
    await Step("apply, nothing changed", "import", "oneroster", package, "--apply");
    // An export that stamps every row anew and sorts its rows another way: the same rows, recalled by them (ADR 0041).
    var rewritten = Path.Combine(work, "rewritten");
    Rewrite(package, rewritten, TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
    await Step("plan, rows rotated and restamped", "import", "oneroster", rewritten, "--plan");
    await Step("apply, rows rotated and restamped", "import", "oneroster", rewritten, "--apply");
    await Step("apply, --recheck", "import", "oneroster", package, "--apply", "--recheck");
    Console.WriteLine($"load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
}

// The floor: the package's files read with the importer's CSV reader, nothing parsed or written. One read warms the page
// cache and the JIT (the import steps find both warm); the floor is the fastest of the three reads after it.
void Floor(string package)
{
    CsvFloor.Read(package);
    var (rows, characters) = (0L, 0L);
    for (var i = 0; i < 3; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuNow();
        (rows, characters) = CsvFloor.Read(package);
        var read = (Wall: Stopwatch.GetElapsedTime(started), Cpu: CpuNow() - cpu);
        floor = i == 0 || read.Wall < floor.Wall ? read : floor;
    }

    Console.WriteLine($"{"floor (read every file)",-34} {floor.Wall.TotalSeconds,8:0.0} s   {floor.Cpu.TotalSeconds,6:0.0} s CPU   {rows:N0} rows, {characters:N0} characters   load average {File.ReadAllText("/proc/loadavg").Trim()}");
}

// The package's files with each CSV's rows rotated (the second half first, read twice rather than held, so the bench's
// peak working set stays the import's) and every row's dateLastModified (the third column) set to one instant. The
// generated files quote nothing before that column.
static void Rewrite(string package, string target, string instant)
{
    Directory.CreateDirectory(target);
    foreach (var path in Directory.EnumerateFiles(package))
    {
        var to = Path.Combine(target, Path.GetFileName(path));
        if (!path.EndsWith(".csv", StringComparison.Ordinal) || Path.GetFileName(path) == "manifest.csv")
        {
            File.Copy(path, to, overwrite: true);
            continue;
        }

        var rows = File.ReadLines(path).Count() - 1;
        using var writer = new StreamWriter(to);
        writer.WriteLine(File.ReadLines(path).First());
        foreach (var line in File.ReadLines(path).Skip(1 + (rows / 2)).Concat(File.ReadLines(path).Skip(1).Take(rows / 2)))
        {
            var first = line.IndexOf(',', StringComparison.Ordinal);
            var second = line.IndexOf(',', first + 1);
            var third = line.IndexOf(',', second + 1);
            writer.WriteLine(string.Concat(line.AsSpan(0, second + 1), instant, line.AsSpan(third)));
        }
    }
}

static TimeSpan CpuNow()
{
    using var self = Process.GetCurrentProcess();
    return self.TotalProcessorTime;
}

async Task Step(string name, params string[] args)
{
    var output = new StringWriter();
    var started = Stopwatch.GetTimestamp();
    var cpu = CpuNow();
    var code = await CliApp.RunAsync(args, output, Console.Error, settings);
    var elapsed = Stopwatch.GetElapsedTime(started);
    var used = CpuNow() - cpu;
    using var self = Process.GetCurrentProcess();
    var ratio = floor.Wall > TimeSpan.Zero && name != "generate" && name != "migrate"
        ? $"   {elapsed / floor.Wall,5:0.0}× floor ({used / floor.Cpu:0.0}× its CPU)" : "";
    var text = output.ToString();
    var recalled = text.Contains("These files hold the same rows as on ", StringComparison.Ordinal) ? "   recalled by rows"
        : text.Contains("These files are the same as on ", StringComparison.Ordinal) ? "   recalled by bytes" : "";
    Console.WriteLine($"{name,-34} {elapsed.TotalSeconds,8:0.0} s   {used.TotalSeconds,6:0.0} s CPU{ratio}{recalled}   peak working set {self.PeakWorkingSet64 / (1024 * 1024),6:N0} MiB   load average {File.ReadAllText("/proc/loadavg").Trim()}   exit {code}");
    if (code != 0)
    {
        Console.WriteLine(text);
        Environment.Exit(code);
    }
}

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
