using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// Plans and applies a OneRoster package. Planning and applying are one walk over the files, so the
/// plan shown is exactly what is applied. Files are streamed twice (ids first, then rows) and
/// compared with the stored content hashes; only rows whose hash changed are loaded and written.
/// Any invalid row, or a shrink beyond the threshold, means nothing is applied.
/// Stored rows are held as 64-bit keys of their sourcedIds with id and hash (see <see cref="StoredRows"/>),
/// read forward-only while the files are being read, so a million-student district fits in a few hundred MiB.
/// </summary>
public sealed class OneRosterImporter(
    AppDbContext db, TimeProvider time, IOptions<DirectoryImportOptions> settings, PackageFingerprints fingerprints, ILogger<OneRosterImporter> logger)
{
    private const int BatchSize = 2000;

    private static readonly Dictionary<string, string> EntityOf = new(StringComparer.Ordinal)
    {
        [OneRosterSpec.Orgs] = nameof(Site),
        [OneRosterSpec.AcademicSessions] = nameof(AcademicSession),
        [OneRosterSpec.Courses] = nameof(Course),
        [OneRosterSpec.Classes] = nameof(ClassSection),
        [OneRosterSpec.Users] = nameof(Person),
        [OneRosterSpec.Demographics] = nameof(Data.Demographics),
        [OneRosterSpec.Enrollments] = nameof(Enrollment),
    };

    public Task<ImportOutcome> PlanAsync(OneRosterPackage package, ImportErrorLog errors, ImportOptions options, CancellationToken cancellationToken = default) =>
        RecallOrRunAsync(package, errors, options, apply: false, cancellationToken);

    public Task<ImportOutcome> ApplyAsync(OneRosterPackage package, ImportErrorLog errors, ImportOptions options, CancellationToken cancellationToken = default) =>
        RecallOrRunAsync(package, errors, options, apply: true, cancellationToken);

    /// <summary>
    /// Checks a package someone else will import (a rostering export) by every rule, strictly, writing nothing: not even the
    /// record of an unchanged comparison. A package of bulk files only is checked against nothing, as a fresh database would
    /// import it; one with a delta file against what the Directory holds.
    /// </summary>
    public async Task<ImportPlan> CheckAsync(OneRosterPackage package, ImportErrorLog errors, CancellationToken cancellationToken = default)
    {
        var options = new ImportOptions(AllowShrink: true, Strict: true)
        {
            Recheck = true,
            AgainstNothing = package.Modes.Values.All(m => m != ImportFileMode.Delta),
        };
        return (await RunAsync(package, errors, options, apply: false, cancellationToken)).Plan;
    }

    /// <summary>
    /// The same files as the last comparison that changed nothing, against tables nobody wrote since, plan the same: that plan
    /// is recalled (ADR 0025). Otherwise the package is compared row by row, and a comparison that changes nothing is recorded.
    /// </summary>
    private async Task<ImportOutcome> RecallOrRunAsync(OneRosterPackage package, ImportErrorLog errors, ImportOptions options, bool apply, CancellationToken ct)
    {
        if (errors.Any)
        {
            return await RunAsync(package, errors, options, apply, ct);
        }

        string[] decides = [options.Strict ? "strict" : "tolerant", settings.Value.MaxQuarantineShare.ToString("R", System.Globalization.CultureInfo.InvariantCulture)];
        var hash = PackageFingerprints.HashOf(package, decides);
        string? rows = null;
        if (!options.Recheck)
        {
            if (await fingerprints.RecallAsync(PackageFingerprints.OneRoster, package, hash, ct) is { } recalled)
            {
                logger.LogDebug("Same OneRoster files as the comparison of {ComparedAt:O}, and no directory table written since: nothing would change", recalled.SameFilesComparedAt);
                return new ImportOutcome(recalled, null);
            }

            // Reading every row for its hash costs about one floor, so only when a fingerprint of rows could match.
            if (await fingerprints.AnyCurrentAsync(PackageFingerprints.OneRosterRows, ct)
                && (rows = PackageFingerprints.RowsHashOf(package, decides)) is not null
                && await fingerprints.RecallAsync(PackageFingerprints.OneRosterRows, package, rows, ct) is { } same)
            {
                logger.LogDebug("Same OneRoster rows as the comparison of {ComparedAt:O}, and no directory table written since: nothing would change", same.SameFilesComparedAt);
                return new ImportOutcome(same, null);
            }
        }

        var version = await fingerprints.DataVersionAsync(ct);
        var outcome = await RunAsync(package, errors, options, apply, ct);
        if (outcome.RunId is null && outcome.Plan.CanApply && outcome.Plan.ChangesNothing)
        {
            await fingerprints.RecordAsync(PackageFingerprints.OneRoster, hash, version, outcome.Plan, ct);
            // A warning names a line, which another order of the same rows moves: only a plan without one is recalled by rows.
            if (outcome.Plan.WarningCount == 0 && (rows ?? PackageFingerprints.RowsHashOf(package, decides)) is { } rowsHash)
            {
                await fingerprints.RecordAsync(PackageFingerprints.OneRosterRows, rowsHash, version, outcome.Plan, ct);
            }
        }

        return outcome;
    }

    private async Task<ImportOutcome> RunAsync(OneRosterPackage package, ImportErrorLog errors, ImportOptions options, bool apply, CancellationToken cancellationToken)
    {
        var plans = new List<EntityPlan>();
        if (errors.Any)
        {
            return new ImportOutcome(Plan(package, plans, errors, []), null);
        }

        var phase = Stopwatch.StartNew();
        Phase(phase, "start");
        _steps = StepsOf(package, options, apply);
        _steps.Next("Reading what DistrictOps holds");

        // The stored rows load from the database while the files are read: only a file's own rows wait for its map.
        // Each step's errors are kept apart and joined in the order of the steps, so the plan lists them as before.
        var stored = EntityOf.Keys.ToDictionary(f => f, _ => new TaskCompletionSource<StoredRows>(TaskCreationOptions.RunContinuationsAsynchronously));
        // A 1.2 delta changes the stored roles, so they are read too; a bulk package's roles.csv is the whole truth.
        var delta = package.Version == "1.2" && (package.ModeOf(OneRosterSpec.Users) == ImportFileMode.Delta || package.ModeOf(OneRosterSpec.Roles) == ImportFileMode.Delta);
        var storedRoles = new TaskCompletionSource<Dictionary<ulong, OrgRole[]>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loading = Task.Run(() => options.AgainstNothing ? NothingStored(stored, storedRoles) : LoadAllStoredAsync(stored, storedRoles, delta, cancellationToken), CancellationToken.None);
        var existing = new Dictionary<string, StoredRows>(StringComparer.Ordinal);
        var universe = new IdUniverse();
        var collectErrors = EntityOf.Keys.ToDictionary(f => f, _ => new ImportErrorLog());
        var rolesErrors = new ImportErrorLog();
        var classifyErrors = new List<ImportErrorLog>();
        var work = new Dictionary<string, FileWork>(StringComparer.Ordinal);
        try
        {
            async Task CollectAsync(string file)
            {
                // Read while its stored rows load, keyed with the first seed (read again if a collision loads them with another).
                var read = stored[file].Task.IsCompleted ? null : ReadIds(package, file, new IdKeys(0));
                existing[file] = await stored[file].Task;
                CollectIds(package, file, existing[file], universe, collectErrors[file], read);
            }

            foreach (var file in EntityOf.Keys.Where(Referenced.Contains))
            {
                await CollectAsync(file);
            }

            Phase(phase, "load stored rows and collect ids of referenced files");
            universe.People = existing[OneRosterSpec.Users];
            var roles = package.Version == "1.2" ? ReadRoles(package, universe, existing[OneRosterSpec.Users].Keys, await storedRoles.Task, rolesErrors) : null;
            Phase(phase, "read roles");

            await ClassifyAllAsync(package, stored, collectErrors, new Walk(existing, universe, roles, plans, work, classifyErrors), phase);

            await loading;
            foreach (var plan in plans.Where(p => p.Mode == ImportFileMode.Bulk))
            {
                await RemoveUnseenAsync(plan.File, plan, existing[plan.File], work[plan.File], cancellationToken);
            }

            JoinErrors(errors, EntityOf.Keys.Select(f => collectErrors[f]).Append(rolesErrors).Concat(classifyErrors).Append(LeftOutGuard(universe, options.Strict)), options.Strict);
            Phase(phase, "removed rows");
            _steps.Next("Comparing with what DistrictOps holds");
            var refusals = errors.Any ? [] : await ShrinkRefusalsAsync(work, existing, options, cancellationToken);
            Phase(phase, "shrink guard");
            if (!errors.Any)
            {
                await DescribeUpdatesAsync(plans, work, existing, cancellationToken);
            }

            var result = Plan(package, plans, errors, refusals);
            if (!apply || !result.CanApply || result.ChangesNothing)
            {
                // An unchanged package records no run: the plan says "Nothing would change".
                return new ImportOutcome(result, null);
            }

            var runId = await WriteAsync(package, result, work, existing, universe, roles, options, phase, cancellationToken);
            return new ImportOutcome(result, runId);
        }
        finally
        {
            // If reading the files failed, the database is still the loader's until it ends.
            await loading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Progress counts reading, each file's check (and write), and comparing (and saving).</summary>
    private static ImportSteps StepsOf(OneRosterPackage package, ImportOptions options, bool apply)
    {
        var files = OneRosterSpec.ImportOrder.Count(f => f != OneRosterSpec.Roles && package.ModeOf(f) != ImportFileMode.Absent);
        return new ImportSteps(options.Progress, total: 2 + (apply ? 2 * files + 1 : files));
    }

    /// <summary>Each step's errors in the order of the steps; with --strict every warning counts as an error.</summary>
    private static void JoinErrors(ImportErrorLog errors, IEnumerable<ImportErrorLog> logs, bool strict)
    {
        foreach (var log in logs)
        {
            errors.Append(log);
        }

        if (strict)
        {
            errors.MakeWarningsErrors();
        }
    }

    /// <summary>A fresh database: no stored row and no stored role.</summary>
    private static Task NothingStored(Dictionary<string, TaskCompletionSource<StoredRows>> stored, TaskCompletionSource<Dictionary<ulong, OrgRole[]>?> storedRoles)
    {
        foreach (var rows in stored.Values)
        {
            rows.SetResult(new StoredRows(new IdKeys(0)));
        }

        storedRoles.SetResult(null);
        return Task.CompletedTask;
    }

    private async Task LoadAllStoredAsync(
        Dictionary<string, TaskCompletionSource<StoredRows>> stored, TaskCompletionSource<Dictionary<ulong, OrgRole[]>?> storedRoles, bool loadRoles, CancellationToken ct)
    {
        try
        {
            foreach (var (file, rows) in stored)
            {
                var started = Stopwatch.GetTimestamp();
                rows.SetResult(file == OneRosterSpec.Demographics
                    ? await LoadDemographicsAsync(await stored[OneRosterSpec.Users].Task, ct) ?? await LoadStoredAsync(file, ct)
                    : await LoadStoredAsync(file, ct));
                logger.LogDebug("loaded stored {File}: {Seconds:0.0} s", file, Stopwatch.GetElapsedTime(started).TotalSeconds);
                if (file == OneRosterSpec.Users)
                {
                    storedRoles.SetResult(loadRoles ? await LoadStoredRolesAsync((await rows.Task).Keys, ct) : null);
                }
            }
        }
        catch (Exception e)
        {
            foreach (var rows in stored.Values)
            {
                rows.TrySetException(e);
            }

            storedRoles.TrySetException(e);
            throw;
        }
    }

    /// <summary>
    /// The roles people hold, as roles.csv said them: a membership is primary when it is the person's role at their primary site.
    /// HR's own "staff" memberships are not OneRoster's.
    /// </summary>
    private async Task<Dictionary<ulong, OrgRole[]>> LoadStoredRolesAsync(IdKeys keys, CancellationToken ct)
    {
        var roles = new Dictionary<ulong, OrgRole[]>();
        var shared = new Dictionary<OrgRole, OrgRole>();
        var query = from membership in db.Set<PersonSite>().AsNoTracking()
                    join person in db.Set<Person>() on membership.PersonId equals person.Id
                    join site in db.Set<Site>() on membership.SiteId equals site.Id
                    where person.ContentHash != 0 && membership.Role != StaffImporter.StaffRole
                    select new { Person = person.SourcedId, Site = site.SourcedId, membership.Role, Primary = membership.SiteId == person.PrimarySiteId && membership.Role == person.SourceRole };
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            var role = new OrgRole(row.Site, row.Role, row.Primary);
            if (!shared.TryGetValue(role, out var one))
            {
                shared[role] = one = role;
            }

            ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(roles, keys.Of(row.Person), out _);
            list = list is null ? [one] : [.. list, one];
        }

        return roles;
    }

    private TimeSpan _cpu;

    private ImportSteps _steps = new(null, 0);

    /// <summary>What the first walk reads and fills: the stored rows, the ids, the plans, the classified work and its errors per file.</summary>
    private sealed record Walk(
        Dictionary<string, StoredRows> Existing, IdUniverse Universe, UserRoles? Roles, List<EntityPlan> Plans, Dictionary<string, FileWork> Work, List<ImportErrorLog> Errors);

    /// <summary>The files after users.csv (demographics, enrollments): they name people, so a person left out there leaves their rows out too.</summary>
    private static readonly string[] PeopleDependents = [.. OneRosterSpec.ImportOrder.SkipWhile(f => f != OneRosterSpec.Users).Skip(1)];

    /// <summary>One file's result of the first walk: its plan, its classified work and its errors.</summary>
    private sealed record Classified(string File, EntityPlan Plan, FileWork Work, ImportErrorLog Errors);

    /// <summary>
    /// The first walk: validates every row and classifies it; nothing is written. The files that depend on users.csv are
    /// checked on another thread while users.csv is, assuming it leaves out nobody new (a clean export); when it does,
    /// their results are dropped and they are checked again after it, so the outcome is always that of the sequential walk.
    /// </summary>
    private async Task ClassifyAllAsync(
        OneRosterPackage package, Dictionary<string, TaskCompletionSource<StoredRows>> stored, Dictionary<string, ImportErrorLog> collectErrors, Walk walk, Stopwatch phase)
    {
        // The files up to users.csv are those others refer to: their stored rows and ids were collected before the roles.
        Task<List<(string File, StoredRows Stored, Classified? Result)>>? dependents = null;
        foreach (var file in OneRosterSpec.ImportOrder.Where(f => f != OneRosterSpec.Roles).TakeWhile(f => !PeopleDependents.Contains(f)))
        {
            if (file == OneRosterSpec.Users)
            {
                // Started only now: the rows naming people also name classes, whose left-out rows are known by this point.
                dependents = Task.Run(() => CheckDependents(package, stored, collectErrors, walk.Universe, walk.Roles), CancellationToken.None);
            }

            if (ClassifyFile(package, file, walk) is { } classified)
            {
                Add(classified);
                Phase(phase, "classify " + file);
            }
        }

        var results = await dependents!;
        var again = walk.Universe.AnyLeftOut(OneRosterSpec.Users);
        foreach (var (file, rows, result) in results)
        {
            walk.Existing[file] = rows;
            if (result is not null)
            {
                _steps.Next("Checking {0}", file);
                Add(again ? ClassifyFile(package, file, rows, walk.Universe, walk.Roles)! : result);
            }
        }

        Phase(phase, again ? "check files naming people again, after people were left out" : "wait for the files naming people");
        ClassifyRoleChanges(package, walk);

        void Add(Classified classified)
        {
            walk.Plans.Add(classified.Plan);
            walk.Errors.Add(classified.Errors);
            walk.Work[classified.File] = classified.Work;
        }
    }

    /// <summary>Collects the ids of the files that name people and classifies them, into results of their own.</summary>
    private List<(string File, StoredRows Stored, Classified? Result)> CheckDependents(
        OneRosterPackage package, Dictionary<string, TaskCompletionSource<StoredRows>> stored, Dictionary<string, ImportErrorLog> collectErrors, IdUniverse universe, UserRoles? roles)
    {
        var started = Stopwatch.GetTimestamp();
        var results = new List<(string, StoredRows, Classified?)>();
        foreach (var file in PeopleDependents)
        {
            var read = ReadIds(package, file, new IdKeys(0));
            var rows = stored[file].Task.GetAwaiter().GetResult();
            CollectIds(package, file, rows, universe, collectErrors[file], read);
            results.Add((file, rows, ClassifyFile(package, file, rows, universe, roles)));
        }

        logger.LogDebug("checked the files naming people beside users.csv: {Seconds:0.0} s", Stopwatch.GetElapsedTime(started).TotalSeconds);
        return results;
    }

    private Classified? ClassifyFile(OneRosterPackage package, string file, Walk walk)
    {
        if (package.ModeOf(file) != ImportFileMode.Absent)
        {
            _steps.Next("Checking {0}", file);
        }

        return ClassifyFile(package, file, walk.Existing[file], walk.Universe, walk.Roles);
    }

    private static Classified? ClassifyFile(OneRosterPackage package, string file, StoredRows existing, IdUniverse universe, UserRoles? roles)
    {
        if (package.ModeOf(file) == ImportFileMode.Absent)
        {
            return null;
        }

        var plan = new EntityPlan(EntityOf[file], file, package.ModeOf(file));
        var errors = new ImportErrorLog();
        return new Classified(file, plan, Classify(package, file, plan, existing, universe, roles, errors), errors);
    }

    private void Phase(Stopwatch phase, string name)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            using var self = Process.GetCurrentProcess();
            logger.LogDebug("{Phase}: {Seconds:0.0} s ({Cpu:0.0} s CPU), managed heap {Heap:N0} MiB, working set {WorkingSet:N0} MiB",
                name, phase.Elapsed.TotalSeconds, (self.TotalProcessorTime - _cpu).TotalSeconds, GC.GetTotalMemory(false) >> 20, self.WorkingSet64 >> 20);
            _cpu = self.TotalProcessorTime;
        }

        phase.Restart();
    }

    private static ImportPlan Plan(OneRosterPackage package, List<EntityPlan> plans, ImportErrorLog errors, IReadOnlyList<GuardFinding> guard) =>
        new(package.Name, package.Version, plans, errors.Errors, errors.Total, guard.Select(g => g.Text).ToList())
        {
            Warnings = errors.Warnings, WarningCount = errors.WarningTotal, WarningGroups = errors.WarningGroups, Guard = guard,
        };

    /// <summary>What the first walk learned about one file, for the shrink guard and the write.</summary>
    private sealed class FileWork
    {
        /// <summary>Keys of the rows to add or update.</summary>
        public HashSet<ulong> Changed { get; } = [];

        /// <summary>Keys of the rows to remove.</summary>
        public HashSet<ulong> RemovedKeys { get; } = [];

        /// <summary>The rows to remove, in the order they are removed.</summary>
        public List<(string SourcedId, Guid Id)> Removed { get; } = [];

        /// <summary>The updates the plan shows, whose changed fields it names.</summary>
        public List<Row> Samples { get; } = [];

        /// <summary>For roles.csv: the stored people whose roles alone change, with the line that first names them.</summary>
        public List<(string User, int Line)> RoleChanges { get; } = [];

        /// <summary>For users: active students per primary org after the import.</summary>
        public Dictionary<string, int> StudentsPerOrg { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The stored rows of a file's entity, keyed by 64-bit keys of their sourcedIds. Stored sourcedIds are unique, so a
    /// repeated key is a hash collision: then the map is loaded again with another seed.
    /// </summary>
    private async Task<StoredRows> LoadStoredAsync(string file, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var count = Convert.ToInt32(await ScalarAsync(StoredSql(file, count: true), ct), System.Globalization.CultureInfo.InvariantCulture);
            for (var seed = 0L; ; seed++)
            {
                var stored = await LoadStoredAsync(file, new IdKeys(seed), count, ct);
                if (stored is not null)
                {
                    return stored;
                }

                logger.LogWarning("Two stored sourcedIds of {File} have one 64-bit key with seed {Seed}; loading again with another seed.", file, seed);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Demographics belong to people: they take the people's keys, found by person id, instead of joining each row to
    /// its person in the database. Null when the few demographics of people outside that map bring a key collision.
    /// </summary>
    private async Task<StoredRows?> LoadDemographicsAsync(StoredRows people, CancellationToken ct)
    {
        var keyOf = new Dictionary<Guid, ulong>(people.Count);
        foreach (var (key, person) in people.Rows)
        {
            keyOf[person.Id] = key;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var stored = new StoredRows(people.Keys, keyOf.Count);
            var others = new List<StoredRow>();
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = $"SELECT {Column<Data.Demographics>("PersonId")}, {Column<Data.Demographics>("ContentHash")} FROM {Table<Data.Demographics>()}";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var row = new StoredRow(reader.GetGuid(0), reader.GetInt64(1), false);
                    if (keyOf.TryGetValue(row.Id, out var key))
                    {
                        stored.TryAdd(key, row);
                    }
                    else
                    {
                        others.Add(row);
                    }
                }
            }

            foreach (var chunk in others.Chunk(BatchSize))
            {
                var ids = chunk.Select(r => r.Id).ToArray();
                var sourcedIds = await SourcedIds<Person>(ids).ToDictionaryAsync(p => p.Id, p => p.SourcedId, ct);
                foreach (var row in chunk)
                {
                    if (!sourcedIds.TryGetValue(row.Id, out var sourcedId) || !stored.TryAdd(sourcedId, row))
                    {
                        return null;
                    }
                }
            }

            return stored;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads (sourcedId, id, hash, left) forward-only, without entities; null on a key collision.</summary>
    private async Task<StoredRows?> LoadStoredAsync(string file, IdKeys keys, int capacity, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            return StoredRowsSqlite.Load(sqlite, StoredSql(file, count: false), keys, capacity, file == OneRosterSpec.Users, ct);
        }

        var stored = new StoredRows(keys, capacity);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = StoredSql(file, count: false);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var people = file == OneRosterSpec.Users;
        while (await reader.ReadAsync(ct))
        {
            var row = new StoredRow(reader.GetGuid(1), reader.GetInt64(2), reader.GetBoolean(3));
            if (people)
            {
                row.Site = stored.SiteNumber(reader.IsDBNull(4) ? null : reader.GetGuid(4));
                row.Kind = (byte)(Enum.Parse<PersonKind>(reader.GetString(5)) + 1);
            }

            if (!stored.TryAdd(reader.GetString(0), row))
            {
                return null;
            }
        }

        return stored;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>The query of a file's stored rows: sourcedId, id, content hash, left (and for people primary site and kind).</summary>
    private string StoredSql(string file, bool count)
    {
        string Select<T>(string where = "", string extra = "")
        {
            var columns = count ? "COUNT(*)" : $"{Column<T>("SourcedId")}, {Column<T>("Id")}, {Column<T>("ContentHash")}, {Column<T>("LeftAt")} IS NOT NULL{extra}";
            return $"SELECT {columns} FROM {Table<T>()} {where}";
        }

        return file switch
        {
            OneRosterSpec.Orgs => Select<Site>(),
            OneRosterSpec.AcademicSessions => Select<AcademicSession>(),
            OneRosterSpec.Courses => Select<Course>(),
            OneRosterSpec.Classes => Select<ClassSection>(),
            OneRosterSpec.Users => Select<Person>(
                $"WHERE {Column<Person>(nameof(Person.ContentHash))} <> 0", $", {Column<Person>(nameof(Person.PrimarySiteId))}, {Column<Person>(nameof(Person.Kind))}"),
            OneRosterSpec.Demographics =>
                $"SELECT {(count ? "COUNT(*)" : $"p.{Column<Person>("SourcedId")}, d.{Column<Data.Demographics>("PersonId")}, d.{Column<Data.Demographics>("ContentHash")}, d.{Column<Data.Demographics>("PersonId")} IS NULL")} " +
                $"FROM {Table<Data.Demographics>()} d JOIN {Table<Person>()} p ON d.{Column<Data.Demographics>("PersonId")} = p.{Column<Person>("Id")}",
            OneRosterSpec.Enrollments => Select<Enrollment>(),
            _ => throw new InvalidOperationException(file),
        };
    }

    private string Table<T>() => $"\"{db.Model.FindEntityType(typeof(T))!.GetTableName()}\"";

    private string Column<T>(string property)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return $"\"{entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))}\"";
    }

    /// <summary>Files whose ids other files refer to; only these need the set of ids after the import.</summary>
    private static readonly HashSet<string> Referenced =
        [OneRosterSpec.Orgs, OneRosterSpec.AcademicSessions, OneRosterSpec.Courses, OneRosterSpec.Classes, OneRosterSpec.Users];

    /// <summary>
    /// What a file says of its ids, read without the stored rows (so a file can be read while they load): the ids it
    /// lists, those it marks tobedeleted (with their line) or inactive, and its errors. Keys are <see cref="Keys"/>.
    /// </summary>
    private sealed class FileIds(IdKeys keys)
    {
        public IdKeys Keys { get; } = keys;

        public HashSet<ulong> Listed { get; } = [];

        public HashSet<ulong> Dropped { get; } = [];

        public Dictionary<ulong, int> Deleted { get; } = [];

        public Dictionary<ulong, PersonKind> Kinds { get; } = [];

        public ImportErrorLog Errors { get; } = new();

        public bool Unreadable { get; set; }

        public bool HeaderOnly { get; set; }
    }

    /// <summary>Reads a file's ids (only its repeats when no other file refers to it); duplicates within a file are errors. Null for an absent file.</summary>
    private static FileIds? ReadIds(OneRosterPackage package, string file, IdKeys keys)
    {
        var mode = package.ModeOf(file);
        if (mode == ImportFileMode.Absent)
        {
            return null;
        }

        var read = new FileIds(keys);
        using var csv = CsvFile.Open(package, file, OneRosterSpec.Columns(package.Version, file)!, read.Errors);
        if (csv is null)
        {
            read.Unreadable = true;
            return read;
        }

        var kinds = file == OneRosterSpec.Users && package.Version == "1.1";
        var collect = Referenced.Contains(file);
        var lines = new Dictionary<ulong, int>();
        var repeats = new List<(string Id, int Line, int First)>();
        while (csv.Read())
        {
            var id = csv.RawSpan("sourcedId");
            if (id.IsEmpty)
            {
                continue;
            }

            var key = keys.Of(id);
            if (!lines.TryAdd(key, csv.Line))
            {
                repeats.Add((csv.Written("sourcedId"), csv.Line, lines[key]));
            }
            else if (!collect)
            {
                continue;
            }
            else if (csv.RawSpan("status").Equals("tobedeleted", StringComparison.OrdinalIgnoreCase))
            {
                read.Dropped.Add(key);
                read.Deleted[key] = csv.Line;
            }
            else if (mode == ImportFileMode.Bulk && csv.RawSpan("status").Equals(RowParser.Inactive, StringComparison.OrdinalIgnoreCase))
            {
                read.Dropped.Add(key);
            }
            else
            {
                read.Listed.Add(key);
                if (kinds && OneRosterSpec.UserRoles11.FirstOrDefault(r => csv.RawSpan("role").Equals(r, StringComparison.OrdinalIgnoreCase)) is { } role)
                {
                    read.Kinds[key] = RowParser.KindOf(role);
                }
            }
        }

        read.Unreadable = csv.Broken;
        read.HeaderOnly = mode == ImportFileMode.Bulk && csv.Line == 1;
        if (repeats.Count > 0)
        {
            ReportRepeats(package, file, repeats, read.Errors);
        }

        return read;
    }

    /// <summary>
    /// The ids a file's entity will have afterwards, from what the file says (<paramref name="read"/>, keyed as the stored
    /// rows are, or read again; for a file nobody refers to, only its repeats count, found under any keys) and the stored rows.
    /// </summary>
    private static void CollectIds(OneRosterPackage package, string file, StoredRows rows, IdUniverse universe, ImportErrorLog errors, FileIds? read = null)
    {
        if (read is null || (read.Keys != rows.Keys && Referenced.Contains(file)))
        {
            read = ReadIds(package, file, rows.Keys);
        }

        // Afterwards: the ids stored before (a bulk file's entity: only people who came from HR alone, referable e.g. as
        // staff in enrollments whatever OneRoster says), less those the file drops, and those it lists. A key is listed
        // or dropped at its first line only, so the order of the two does not matter.
        var mode = package.ModeOf(file);
        var before = !Referenced.Contains(file) ? null
            : mode != ImportFileMode.Bulk ? rows.Rows.Where(r => !r.Value.Left)
            : file == OneRosterSpec.Users ? rows.Rows.Where(r => !r.Value.Left && r.Value.Hash == 0)
            : [];
        var ids = before is null ? null : read?.Listed ?? [];
        foreach (var (key, _) in before ?? [])
        {
            if (read is null || !read.Dropped.Contains(key))
            {
                ids!.Add(key);
            }
        }

        if (read is not null)
        {
            errors.Append(read.Errors);
            if (read.Unreadable)
            {
                universe.MarkUnreadable(file);
            }
            else if (read.HeaderOnly && rows.Rows.Count(r => !r.Value.Left) is > 0 and var active)
            {
                errors.Add(file, 0, 0, $"the bulk file has a header and no rows, which would remove all {active:N0} {Nouns[file]}; " +
                    $"mark it absent in {OneRosterSpec.Manifest} or send its rows.");
            }

            foreach (var (key, kind) in read.Kinds)
            {
                universe.UserKinds[key] = kind;
            }
        }

        if (ids is not null)
        {
            universe.Set(file, rows.Keys, ids, read?.Deleted ?? []);
        }
    }

    private static readonly Dictionary<string, string> Nouns = new(StringComparer.Ordinal)
    {
        [OneRosterSpec.Orgs] = "orgs",
        [OneRosterSpec.AcademicSessions] = "academic sessions",
        [OneRosterSpec.Courses] = "courses",
        [OneRosterSpec.Classes] = "classes",
        [OneRosterSpec.Users] = "people",
        [OneRosterSpec.Demographics] = "demographics",
        [OneRosterSpec.Enrollments] = "enrollments",
    };

    /// <summary>
    /// A key seen twice in a file is nearly always one sourcedId on two lines. Two different sourcedIds with one key
    /// cannot be told apart by the import, so that is refused too, naming both.
    /// </summary>
    private static void ReportRepeats(OneRosterPackage package, string file, List<(string Id, int Line, int First)> repeats, ImportErrorLog errors)
    {
        var firsts = repeats.Select(r => r.First).ToHashSet();
        var idOnLine = new Dictionary<int, string>();
        int column;
        using (var csv = CsvFile.Open(package, file, OneRosterSpec.Columns(package.Version, file)!, new ImportErrorLog())!)
        {
            column = csv.Column("sourcedId");
            while (csv.Read())
            {
                if (firsts.Contains(csv.Line))
                {
                    idOnLine[csv.Line] = csv.Written("sourcedId");
                }
            }
        }

        foreach (var (id, line, first) in repeats)
        {
            errors.Add(file, line, column, idOnLine[first].AsSpan().Trim().SequenceEqual(id.AsSpan().Trim())
                ? $"sourcedId '{id}' appears twice (first on line {first})."
                : $"sourcedId '{id}' has the same 64-bit key as '{idOnLine[first]}' on line {first}, so the import cannot tell them apart; please report this.");
        }
    }

    private static UserRoles ReadRoles(OneRosterPackage package, IdUniverse universe, IdKeys users, Dictionary<ulong, OrgRole[]>? stored, ImportErrorLog errors)
    {
        var roles = new UserRoles(users, stored);
        if (package.ModeOf(OneRosterSpec.Roles) == ImportFileMode.Absent)
        {
            return roles;
        }

        using var csv = CsvFile.Open(package, OneRosterSpec.Roles, OneRosterSpec.Columns(package.Version, OneRosterSpec.Roles)!, errors);
        if (csv is null)
        {
            universe.MarkUnreadable(OneRosterSpec.Roles);
            return roles;
        }

        roles.UserColumn = csv.Column("userSourcedId");
        var parser = new RowParser(package.Version, package.ModeOf(OneRosterSpec.Roles), universe, null);
        while (csv.Read())
        {
            switch (parser.RoleRow(csv))
            {
                case { Role: { } role } row:
                    roles.Add(row.User, csv.Written("userSourcedId"), role, csv.Line);
                    break;
                case { } row:
                    roles.Remove(row.User, csv.Written("userSourcedId"), row.Org, csv.Line);
                    break;
                case null when csv.IsLeftOut:
                    roles.LeaveOut(csv.Raw("userSourcedId"));
                    break;
            }
        }

        if (csv.Broken)
        {
            universe.MarkUnreadable(OneRosterSpec.Roles);
        }

        universe.LeftOutCounts[OneRosterSpec.Roles] = (csv.Rows, csv.LeftOut);

        return roles;
    }

    /// <summary>
    /// A delta's roles.csv may change people whom its users.csv does not name (or who are in no users.csv at all): each is
    /// planned as an update of their roles, and written from their stored fields with the new roles.
    /// </summary>
    private static void ClassifyRoleChanges(OneRosterPackage package, Walk walk)
    {
        if (walk.Roles is not { IsDelta: true } roles || package.ModeOf(OneRosterSpec.Roles) == ImportFileMode.Absent || package.ModeOf(OneRosterSpec.Users) == ImportFileMode.Bulk)
        {
            return;
        }

        var people = walk.Existing[OneRosterSpec.Users];
        var plan = new EntityPlan("Role", OneRosterSpec.Roles, package.ModeOf(OneRosterSpec.Roles));
        var work = new FileWork();
        var errors = new ImportErrorLog();
        foreach (var (key, user, written, line) in roles.Named)
        {
            ref var found = ref people.Find(key);
            if (Unsafe.IsNullRef(ref found) || found.Left || found.Seen)
            {
                continue;
            }

            var after = roles.Of(key);
            if (after.Count == 0)
            {
                errors.Add(OneRosterSpec.Roles, line, roles.UserColumn, $"user '{written}' would hold no role after this package; every 1.2 user needs at least one role.");
                continue;
            }

            if (after.FirstOrDefault(r => walk.Universe.IsLeftOut(OneRosterSpec.Orgs, r.OrgSourcedId)) is { } lost)
            {
                // roles.csv is read before orgs.csv is checked: a role at an org left out there is left out here.
                errors.Warn(OneRosterSpec.Roles, line, roles.UserColumn,
                    $"user '{written}' would hold a role at org '{lost.OrgSourcedId}', which is left out of {OneRosterSpec.Orgs} itself; the change of their roles is left out.");
                var (rows, leftOut) = walk.Universe.LeftOutCounts[OneRosterSpec.Roles];
                walk.Universe.LeftOutCounts[OneRosterSpec.Roles] = (rows, leftOut + 1);
                continue;
            }

            var fields = RoleFields(roles.Stored(key), after);
            if (fields.Count == 0)
            {
                plan.Leave++;
                continue;
            }

            work.Changed.Add(key);
            work.RoleChanges.Add((user, line));
            plan.Count(PlannedChange.Update, user, line, string.Join(',', fields));
        }

        var usersAt = walk.Plans.FindIndex(p => p.File is OneRosterSpec.Users or OneRosterSpec.Demographics or OneRosterSpec.Enrollments);
        walk.Plans.Insert(usersAt < 0 ? walk.Plans.Count : usersAt, plan);
        walk.Work[OneRosterSpec.Roles] = work;
        walk.Errors.Add(errors);
    }

    /// <summary>What a change of roles changes of a person, named as the write names the fields.</summary>
    private static List<string> RoleFields(IReadOnlyList<OrgRole> before, IReadOnlyList<OrgRole> after)
    {
        var fields = new List<string>();
        var (was, now) = (OrgRole.PrimaryOf(before), OrgRole.PrimaryOf(after));
        if (was?.Role != now?.Role)
        {
            fields.Add("role");
            if (was is null || now is null || RowParser.KindOf(was.Role) != RowParser.KindOf(now.Role))
            {
                fields.Add("kind");
            }
        }

        if (was?.OrgSourcedId != now?.OrgSourcedId)
        {
            fields.Add("primaryOrg");
        }

        if (!OrgRole.Sorted(before).SequenceEqual(OrgRole.Sorted(after)))
        {
            fields.Add("sites");
        }

        return fields;
    }

    private static FileWork Classify(
        OneRosterPackage package, string file, EntityPlan plan, StoredRows existing, IdUniverse universe, UserRoles? roles, ImportErrorLog errors)
    {
        var work = new FileWork();
        if (universe.IsUnreadable(file))
        {
            // Its header or CSV errors are already reported once, by the first read.
            return work;
        }

        using var csv = CsvFile.Open(package, file, OneRosterSpec.Columns(package.Version, file)!, errors, reportHeader: false)!;

        var parser = new RowParser(package.Version, plan.Mode, universe, roles);
        while (csv.Read())
        {
            if (parser.Parse(csv) is not { } row)
            {
                if (csv.IsLeftOut)
                {
                    LeaveOut(csv, existing, universe);
                }

                continue;
            }

            var key = existing.Keys.Of(row.SourcedId);
            ref var found = ref existing.Find(key);
            var stored = !Unsafe.IsNullRef(ref found);
            if (stored)
            {
                found.Seen = true;
            }

            if (row.Deleted)
            {
                if (stored && !found.Left)
                {
                    if (work.RemovedKeys.Add(key))
                    {
                        work.Removed.Add((row.SourcedId, found.Id));
                    }

                    plan.Count(PlannedChange.Remove, row.SourcedId, row.Line);
                }

                continue;
            }

            if (row is UserRow { Kind: PersonKind.Student, PrimaryOrgSourcedId: { } org })
            {
                work.StudentsPerOrg[org] = work.StudentsPerOrg.GetValueOrDefault(org) + 1;
            }

            if (!stored || found.Left)
            {
                work.Changed.Add(key);
                plan.Count(PlannedChange.Add, row.SourcedId, row.Line);
            }
            else if (found.Hash != row.Hash)
            {
                work.Changed.Add(key);
                if (plan.Update < EntityPlan.SamplesPerKind)
                {
                    work.Samples.Add(row);
                }

                plan.Count(PlannedChange.Update, row.SourcedId, row.Line);
            }
            else
            {
                plan.Leave++;
            }
        }

        universe.LeftOutCounts[file] = (csv.Rows, csv.LeftOut);
        return work;
    }

    /// <summary>A row left out changes nothing: its stored row stays as it is (a bulk file does not remove it), and a new one never exists.</summary>
    private static void LeaveOut(CsvFile csv, StoredRows existing, IdUniverse universe)
    {
        var id = csv.RawSpan("sourcedId");
        ref var found = ref existing.Find(existing.Keys.Of(id));
        if (!Unsafe.IsNullRef(ref found) && !found.Left)
        {
            found.Seen = true;
        }
        else
        {
            universe.LeaveOut(csv.Name, id);
        }
    }

    /// <summary>
    /// Rows with a dangling reference are left out (each a warning) only while no file loses more than
    /// <see cref="DirectoryImportOptions.MaxQuarantineShare"/> of its rows; beyond that the import is refused. With --strict each is an error already.
    /// </summary>
    private ImportErrorLog LeftOutGuard(IdUniverse universe, bool strict)
    {
        var errors = new ImportErrorLog();
        var share = settings.Value.MaxQuarantineShare;
        foreach (var (file, (rows, leftOut)) in universe.LeftOutCounts.Where(c => !strict && c.Value.LeftOut > c.Value.Rows * share))
        {
            errors.Add(file, 0, 0, $"{leftOut:N0} of {rows:N0} rows ({100.0 * leftOut / rows:0.##}%) name something that does not exist and would be left out, " +
                $"more than the {share * 100:0.##}% allowed ({DirectoryImportOptions.Section}:{nameof(DirectoryImportOptions.MaxQuarantineShare)}).");
        }

        return errors;
    }

    /// <summary>The fields each update shown in the plan changes, found by applying its row to a detached copy of the stored entity.</summary>
    private async Task DescribeUpdatesAsync(List<EntityPlan> plans, Dictionary<string, FileWork> work, Dictionary<string, StoredRows> existing, CancellationToken ct)
    {
        Guid Id(string file, string sourcedId) => existing[file].TryGet(sourcedId, out var row) ? row.Id : Guid.Empty;
        Task<T> Stored<T>(Guid id) where T : class, IImported => db.Set<T>().AsNoTracking().SingleAsync(e => e.Id == id, ct);

        foreach (var plan in plans.Where(p => work.TryGetValue(p.File, out var w) && w.Samples.Count > 0))
        {
            foreach (var row in work[plan.File].Samples)
            {
                var id = Id(plan.File, row.SourcedId);
                var fields = row switch
                {
                    OrgRow r => r.ApplyTo(await Stored<Site>(id)),
                    SessionRow r => r.ApplyTo(await Stored<AcademicSession>(id)),
                    CourseRow r => r.ApplyTo(await Stored<Course>(id), Id(OneRosterSpec.Orgs, r.OrgSourcedId)),
                    ClassRow r => r.ApplyTo(await Stored<ClassSection>(id), Id(OneRosterSpec.Courses, r.CourseSourcedId), Id(OneRosterSpec.Orgs, r.SchoolSourcedId)),
                    UserRow r => r.ApplyTo(await Stored<Person>(id), r.PrimaryOrgSourcedId is { } org ? Id(OneRosterSpec.Orgs, org) : null),
                    DemographicsRow r => r.ApplyTo(await db.Set<Data.Demographics>().AsNoTracking().SingleAsync(d => d.PersonId == id, ct)),
                    EnrollmentRow r => r.ApplyTo(await Stored<Enrollment>(id),
                        Id(OneRosterSpec.Classes, r.ClassSourcedId), Id(OneRosterSpec.Orgs, r.SchoolSourcedId), Id(OneRosterSpec.Users, r.UserSourcedId)),
                    _ => throw new InvalidOperationException(plan.File),
                };
                var at = plan.Samples.FindIndex(s => s.Change == PlannedChange.Update && s.SourcedId == row.SourcedId);
                plan.Samples[at] = plan.Samples[at] with { Fields = string.Join(',', fields) };
            }
        }
    }

    /// <summary>A bulk file lists everything that exists: stored rows it does not list are removed, in sourcedId order.</summary>
    private async Task RemoveUnseenAsync(string file, EntityPlan plan, StoredRows existing, FileWork work, CancellationToken ct)
    {
        var unseen = existing.Rows.Where(r => !r.Value.Left && !r.Value.Seen).Select(r => (r.Key, r.Value.Id)).ToList();
        if (unseen.Count == 0)
        {
            return;
        }

        var sourcedIds = new Dictionary<Guid, string>();
        foreach (var chunk in unseen.Select(u => u.Id).Chunk(BatchSize))
        {
            var query = file switch
            {
                OneRosterSpec.Orgs => SourcedIds<Site>(chunk),
                OneRosterSpec.AcademicSessions => SourcedIds<AcademicSession>(chunk),
                OneRosterSpec.Courses => SourcedIds<Course>(chunk),
                OneRosterSpec.Classes => SourcedIds<ClassSection>(chunk),
                OneRosterSpec.Users or OneRosterSpec.Demographics => SourcedIds<Person>(chunk),
                OneRosterSpec.Enrollments => SourcedIds<Enrollment>(chunk),
                _ => throw new InvalidOperationException(file),
            };
            await foreach (var (id, sourcedId) in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                sourcedIds[id] = sourcedId;
            }
        }

        foreach (var (key, id) in unseen.OrderBy(u => sourcedIds[u.Id], StringComparer.Ordinal))
        {
            work.RemovedKeys.Add(key);
            work.Removed.Add((sourcedIds[id], id));
            plan.Count(PlannedChange.Remove, sourcedIds[id], 0);
        }
    }

    private sealed record IdAndSourcedId(Guid Id, string SourcedId);

    private IQueryable<IdAndSourcedId> SourcedIds<T>(Guid[] ids) where T : class, IImported =>
        db.Set<T>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new IdAndSourcedId(e.Id, e.SourcedId));

    /// <summary>A truncated SIS export must not wipe the district: refuse big shrinks and emptied sites.</summary>
    private async Task<IReadOnlyList<GuardFinding>> ShrinkRefusalsAsync(
        Dictionary<string, FileWork> work, Dictionary<string, StoredRows> existing, ImportOptions options, CancellationToken ct)
    {
        if (options.AllowShrink)
        {
            return [];
        }

        var refusals = new List<GuardFinding>();
        foreach (var file in Nouns.Keys.Where(f => f != OneRosterSpec.Demographics && work.ContainsKey(f)))
        {
            var removed = work[file].Removed.Count;
            var active = existing[file].Rows.Count(p => !p.Value.Left);
            if (active > 0 && removed > active * options.MaxShrinkShare)
            {
                refusals.Add(GuardFinding.Shrink(Nouns[file], removed, active, options.MaxShrinkShare));
            }
        }

        if (!work.TryGetValue(OneRosterSpec.Users, out var users))
        {
            return refusals;
        }

        var people = existing[OneRosterSpec.Users];

        var studentsBefore = new Dictionary<Guid, int>();
        var changedOrKept = new Dictionary<Guid, int>();
        foreach (var (key, person) in people.Rows)
        {
            if (person.Left || person.PersonKind != PersonKind.Student || people.SiteOf(person) is not { } site)
            {
                continue;
            }

            studentsBefore[site] = studentsBefore.GetValueOrDefault(site) + 1;
            if (!users.RemovedKeys.Contains(key) && !users.Changed.Contains(key))
            {
                changedOrKept[site] = changedOrKept.GetValueOrDefault(site) + 1;
            }
        }

        var sites = await db.Set<Site>().AsNoTracking().Where(s => s.LeftAt == null).Select(s => new { s.Id, s.SourcedId, s.Name }).ToListAsync(ct);
        foreach (var site in sites.Where(s => studentsBefore.GetValueOrDefault(s.Id) > 0))
        {
            var after = users.StudentsPerOrg.GetValueOrDefault(site.SourcedId);
            if (after + changedOrKept.GetValueOrDefault(site.Id) == 0)
            {
                refusals.Add(GuardFinding.EmptiedSite(site.Name, site.SourcedId, studentsBefore[site.Id], options.MaxShrinkShare));
            }
        }

        return refusals;
    }

    private async Task<Guid> WriteAsync(
        OneRosterPackage package, ImportPlan plan, Dictionary<string, FileWork> work, Dictionary<string, StoredRows> existing,
        IdUniverse universe, UserRoles? roles, ImportOptions options, Stopwatch phase, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var runId = Guid.CreateVersion7(now);
        var writer = new ImportWriter(db, runId, now, existing);
        await using var bulk = await db.PrepareBulkLoadAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = new ImportRun
        {
            Id = runId,
            Kind = ImportKind.OneRoster,
            Source = package.Name,
            Description = $"OneRoster {package.Version}: " + string.Join(", ", plan.Entities.Select(e => $"{Path.GetFileNameWithoutExtension(e.File)} {e.Mode.ToString().ToLowerInvariant()}")),
            RunBy = options.RunBy,
            StartedAt = now,
            CountsJson = JsonSerializer.Serialize(plan.Entities.ToDictionary(e => e.Entity, e => new { e.Add, e.Update, e.Remove, e.Leave })),
        };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        await db.LoadWithoutIndexesAsync(FirstLoadTables, async () =>
        {
            foreach (var entityPlan in plan.Entities)
            {
                _steps.Next("Writing {0}", entityPlan.File);
                await writer.WriteFileAsync(package, entityPlan, work[entityPlan.File], universe, roles, ct);
                Phase(phase, "write " + entityPlan.File);
            }
        }, ct);
        Phase(phase, "create the indexes of the first load");

        if (plan.Entities.Any(e => e.Add + e.Update + e.Remove > 0))
        {
            await writer.UpdateSitesAsync(ct);
        }

        await db.Set<ImportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(r => r.SetProperty(x => x.CompletedAt, time.GetUtcNow()), ct);
        await db.SaveChangesAsync(ct);
        Phase(phase, "write enrollment counts of the sites");
        _steps.Next("Saving");
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        await bulk.DisposeAsync();
        Phase(phase, "commit");
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.ChangeTracker.Clear();
        if (await AnalyzeAfterLargeWriteAsync(plan, ct))
        {
            Phase(phase, "analyze");
        }

        logger.LogInformation("Import run {RunId} applied: {Counts}", runId,
            string.Join("; ", plan.Entities.Select(e => $"{e.Entity} +{e.Add} ~{e.Update} -{e.Remove}")));
        return runId;
    }

    /// <summary>
    /// After a write of <see cref="DirectoryImportOptions.AnalyzeFromRows"/> rows or more, PostgreSQL's statistics of the tables it fills, at once. The
    /// planner reads them, and until autovacuum next comes round (a minute or more) they still describe the tables as they
    /// were: right after a first load of a million students, a OneRoster API page that joins guardians to the students was
    /// planned as over empty tables and ran past the 30-second command timeout (bench/README.md). SQLite plans without them.
    /// </summary>
    private async Task<bool> AnalyzeAfterLargeWriteAsync(ImportPlan plan, CancellationToken ct)
    {
        if (db.Database.IsSqlite() || plan.Entities.Sum(e => (long)e.Add + e.Update + e.Remove) < settings.Value.AnalyzeFromRows)
        {
            return false;
        }

        var tables = string.Join(", ", FirstLoadTables.Select(t => $"\"{db.Model.FindEntityType(t)!.GetTableName()}\""));
        // The table names come from the model, never from input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"ANALYZE {tables}", ct);
#pragma warning restore EF1002
        return true;
    }

    /// <summary>
    /// The tables the write fills; while one is empty (a district's first import) its indexes are built after its rows.
    /// The write looks rows up only by primary key (which stays) or reads whole tables.
    /// </summary>
    private static readonly Type[] FirstLoadTables =
    [
        typeof(Site), typeof(AcademicSession), typeof(Course), typeof(ClassSection), typeof(Person), typeof(PersonSite), typeof(GuardianLink),
        typeof(Data.Demographics), typeof(Enrollment), typeof(ImportChange),
    ];

    private sealed class ImportWriter(AppDbContext db, Guid runId, DateTimeOffset now, Dictionary<string, StoredRows> existing)
    {
        private readonly List<ImportChange> _changes = [];
        private readonly AscendingIds _ids = new(now);

        public async Task WriteFileAsync(
            OneRosterPackage package, EntityPlan plan, FileWork work, IdUniverse universe, UserRoles? roles, CancellationToken ct)
        {
            if (plan.File == OneRosterSpec.Roles)
            {
                await WriteRoleChangesAsync(work.RoleChanges, roles!, ct);
                return;
            }

            var map = existing[plan.File];
            var changed = work.Changed;
            // Memberships and guardian links are in each person's hash: with no person added, changed or
            // removed they cannot differ, so an unchanged nightly import skips the third read of users.csv.
            var syncLinks = plan.File == OneRosterSpec.Users && (changed.Count > 0 || work.Removed.Count > 0);
            if (changed.Count > 0 || syncLinks)
            {
                using var csv = CsvFile.Open(package, plan.File, OneRosterSpec.Columns(package.Version, plan.File)!, new ImportErrorLog())!;
                var parser = new RowParser(package.Version, plan.Mode, universe, roles);
                var batch = new List<Row>(BatchSize);
                var links = syncLinks ? new PeopleLinks() : null;
                while (csv.Read())
                {
                    if (parser.Parse(csv) is not { Deleted: false } row)
                    {
                        continue;
                    }

                    if (changed.Contains(map.Keys.Of(row.SourcedId)))
                    {
                        batch.Add(row);
                        if (batch.Count == BatchSize)
                        {
                            await WriteBatchAsync(plan.File, batch, ct);
                            batch.Clear();
                        }
                    }

                    links?.Collect((UserRow)row);
                }

                await WriteBatchAsync(plan.File, batch, ct);
                if (links is not null)
                {
                    await links.SyncAsync(db, this, plan.Mode, ct);
                }
            }

            await RemoveAsync(plan, work.Removed, ct);
        }

        private async Task WriteRoleChangesAsync(List<(string User, int Line)> changes, UserRoles roles, CancellationToken ct)
        {
            var people = existing[OneRosterSpec.Users];
            var sites = await db.Set<Site>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.SourcedId, ct);
            var links = new PeopleLinks();
            foreach (var chunk in changes.Chunk(BatchSize))
            {
                var ids = chunk.Select(c => people.Get(c.User).Id).ToList();
                var loaded = await Load<Person>(ids, ct);
                var agents = await AgentsAsync(ids, ct);
                var rows = new List<Row>(chunk.Length);
                foreach (var (user, line) in chunk)
                {
                    var person = loaded[people.Get(user).Id];
                    var orgs = roles.Of(user);
                    var primaryOrg = orgs.FirstOrDefault(o => o.Primary)?.OrgSourcedId ?? (person.PrimarySiteId is { } site ? sites[site] : null);
                    var row = UserRow.WithRoles(person, line, orgs, primaryOrg, agents.GetValueOrDefault(person.Id) ?? []);
                    rows.Add(row);
                    links.Collect(row);
                }

                await WriteAsync(OneRosterSpec.Users, rows, loaded, r => throw new InvalidOperationException($"'{r.SourcedId}' is not stored."),
                    (e, r) => ((UserRow)r).ApplyTo(e, MaybeIdOf(OneRosterSpec.Orgs, ((UserRow)r).PrimaryOrgSourcedId)));
                await FlushAsync(ct);
            }

            await links.SyncAsync(db, this, ImportFileMode.Delta, ct);
        }

        /// <summary>The sourcedIds each person's guardian links name, as agentSourcedIds lists them.</summary>
        private async Task<Dictionary<Guid, List<string>>> AgentsAsync(List<Guid> ids, CancellationToken ct)
        {
            var asGuardian = from link in db.Set<GuardianLink>()
                             where ids.Contains(link.GuardianId)
                             join student in db.Set<Person>() on link.StudentId equals student.Id
                             select new { Id = link.GuardianId, Agent = student.SourcedId };
            var asStudent = from link in db.Set<GuardianLink>()
                            where ids.Contains(link.StudentId)
                            join guardian in db.Set<Person>() on link.GuardianId equals guardian.Id
                            select new { Id = link.StudentId, Agent = guardian.SourcedId };
            var all = (await asGuardian.ToListAsync(ct)).Concat(await asStudent.ToListAsync(ct));
            return all.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Select(a => a.Agent).Order(StringComparer.Ordinal).ToList());
        }

        public Guid IdOf(string file, string sourcedId) => existing[file].Get(sourcedId).Id;

        public Guid? MaybeIdOf(string file, string? sourcedId) =>
            sourcedId is not null && existing[file].TryGet(sourcedId, out var e) ? e.Id : null;

        private async Task WriteBatchAsync(string file, List<Row> rows, CancellationToken ct)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var map = existing[file];
            var ids = rows.Select(r => map.TryGet(r.SourcedId, out var found) ? found.Id : (Guid?)null).OfType<Guid>().ToList();
            switch (file)
            {
                case OneRosterSpec.Orgs:
                    await WriteAsync(file, rows, await Load<Site>(ids, ct), r => new Site { SourcedId = r.SourcedId, Name = "" }, (e, r) => ((OrgRow)r).ApplyTo(e));
                    break;
                case OneRosterSpec.AcademicSessions:
                    await WriteAsync(file, rows, await Load<AcademicSession>(ids, ct),
                        r => new AcademicSession { SourcedId = r.SourcedId, Title = "", Type = "", SchoolYear = "" }, (e, r) => ((SessionRow)r).ApplyTo(e));
                    break;
                case OneRosterSpec.Courses:
                    await WriteAsync(file, rows, await Load<Course>(ids, ct), r => new Course { SourcedId = r.SourcedId, Title = "" },
                        (e, r) => ((CourseRow)r).ApplyTo(e, IdOf(OneRosterSpec.Orgs, ((CourseRow)r).OrgSourcedId)));
                    break;
                case OneRosterSpec.Classes:
                    await WriteAsync(file, rows, await Load<ClassSection>(ids, ct),
                        r => new ClassSection { SourcedId = r.SourcedId, Title = "", ClassType = "", TermSourcedIds = "" },
                        (e, r) => ((ClassRow)r).ApplyTo(e, IdOf(OneRosterSpec.Courses, ((ClassRow)r).CourseSourcedId), IdOf(OneRosterSpec.Orgs, ((ClassRow)r).SchoolSourcedId)));
                    break;
                case OneRosterSpec.Users:
                    await WriteAsync(file, rows, await Load<Person>(ids, ct), r => new Person { SourcedId = r.SourcedId },
                        (e, r) => ((UserRow)r).ApplyTo(e, MaybeIdOf(OneRosterSpec.Orgs, ((UserRow)r).PrimaryOrgSourcedId)));
                    break;
                case OneRosterSpec.Demographics:
                    await WriteDemographicsAsync(rows.Cast<DemographicsRow>().ToList(), ct);
                    break;
                case OneRosterSpec.Enrollments:
                    await WriteAsync(file, rows, await Load<Enrollment>(ids, ct), r => new Enrollment { SourcedId = r.SourcedId, Role = "" },
                        (e, r) =>
                        {
                            var row = (EnrollmentRow)r;
                            return row.ApplyTo(e, IdOf(OneRosterSpec.Classes, row.ClassSourcedId), IdOf(OneRosterSpec.Orgs, row.SchoolSourcedId), IdOf(OneRosterSpec.Users, row.UserSourcedId));
                        });
                    break;
                default:
                    throw new InvalidOperationException(file);
            }

            await FlushAsync(ct);
        }

        private async Task<Dictionary<Guid, T>> Load<T>(List<Guid> ids, CancellationToken ct) where T : class, IImported =>
            ids.Count == 0 ? [] : await db.Set<T>().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);

        private async Task WriteAsync<T>(string file, List<Row> rows, Dictionary<Guid, T> loaded, Func<Row, T> create, Func<T, Row, IReadOnlyList<string>> apply)
            where T : class, IImported
        {
            var map = existing[file];
            var entity = EntityOf[file];
            var added = new List<T>();
            foreach (var row in rows)
            {
                if (map.TryGet(row.SourcedId, out var found) && loaded.TryGetValue(found.Id, out var current))
                {
                    if (current.SourcedId != row.SourcedId)
                    {
                        throw new InvalidOperationException(
                            $"{file}: sourcedId '{row.SourcedId}' has the same 64-bit key as the stored '{current.SourcedId}'; nothing was applied. Please report this.");
                    }

                    var fields = apply(current, row);
                    var rejoined = current.LeftAt is not null;
                    current.LeftAt = null;
                    current.ModifiedAt = now;
                    db.Update(current);
                    Change(entity, current.Id, row.SourcedId, rejoined ? ChangeKind.Joined : ChangeKind.Changed, rejoined ? null : string.Join(',', fields));
                    map.Set(row.SourcedId, found with { Hash = row.Hash, Left = false });
                }
                else
                {
                    var fresh = create(row);
                    fresh.Id = _ids.Next();
                    fresh.ModifiedAt = now;
                    map.Set(row.SourcedId, new StoredRow(fresh.Id, row.Hash, false));
                    apply(fresh, row);
                    added.Add(fresh);
                    Change(entity, fresh.Id, row.SourcedId, ChangeKind.Joined, null);
                }
            }

            await db.InsertAsync(added);
        }

        private async Task WriteDemographicsAsync(List<DemographicsRow> rows, CancellationToken ct)
        {
            var map = existing[OneRosterSpec.Demographics];
            var personIds = rows.Select(r => IdOf(OneRosterSpec.Users, r.SourcedId)).ToList();
            var loaded = await db.Set<Data.Demographics>().Where(d => personIds.Contains(d.PersonId)).ToDictionaryAsync(d => d.PersonId, ct);
            var added = new List<Data.Demographics>();
            foreach (var row in rows)
            {
                var personId = IdOf(OneRosterSpec.Users, row.SourcedId);
                if (loaded.TryGetValue(personId, out var current))
                {
                    var fields = row.ApplyTo(current);
                    current.ModifiedAt = now;
                    db.Update(current);
                    Change(nameof(Data.Demographics), personId, row.SourcedId, ChangeKind.Changed, string.Join(',', fields));
                }
                else
                {
                    var fresh = new Data.Demographics { PersonId = personId, ModifiedAt = now };
                    row.ApplyTo(fresh);
                    added.Add(fresh);
                    Change(nameof(Data.Demographics), personId, row.SourcedId, ChangeKind.Joined, null);
                }

                map.Set(row.SourcedId, new StoredRow(personId, row.Hash, false));
            }

            await db.InsertAsync(added, ct);
        }

        private async Task RemoveAsync(EntityPlan plan, List<(string SourcedId, Guid Id)> removed, CancellationToken ct)
        {
            foreach (var chunk in removed.Chunk(BatchSize))
            {
                var ids = chunk.Select(c => c.Id).ToList();
                _ = plan.File switch
                {
                    OneRosterSpec.Orgs => await db.Set<Site>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeftAt, now).SetProperty(e => e.ModifiedAt, now), ct),
                    OneRosterSpec.AcademicSessions => await db.Set<AcademicSession>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeftAt, now).SetProperty(e => e.ModifiedAt, now), ct),
                    OneRosterSpec.Courses => await db.Set<Course>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeftAt, now).SetProperty(e => e.ModifiedAt, now), ct),
                    OneRosterSpec.Classes => await db.Set<ClassSection>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeftAt, now).SetProperty(e => e.ModifiedAt, now), ct),
                    OneRosterSpec.Users => await db.Set<Person>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeftAt, now).SetProperty(e => e.ModifiedAt, now), ct),
                    OneRosterSpec.Demographics => await db.Set<Data.Demographics>().Where(e => ids.Contains(e.PersonId)).ExecuteDeleteAsync(ct),
                    OneRosterSpec.Enrollments => await db.Set<Enrollment>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeftAt, now).SetProperty(e => e.ModifiedAt, now), ct),
                    _ => throw new InvalidOperationException(plan.File),
                };
                foreach (var (sourcedId, id) in chunk)
                {
                    Change(plan.Entity, id, sourcedId, ChangeKind.Left, null);
                    existing[plan.File].Set(sourcedId, existing[plan.File].Get(sourcedId) with { Left = true });
                }

                await FlushAsync(ct);
            }
        }

        public async Task UpdateSitesAsync(CancellationToken ct)
        {
            var students = await db.Set<Person>().AsNoTracking()
                .Where(p => p.Kind == PersonKind.Student && p.LeftAt == null && p.PrimarySiteId != null)
                .GroupBy(p => new { p.PrimarySiteId, p.Grades })
                .Select(g => new { g.Key.PrimarySiteId, g.Key.Grades, Count = g.Count() })
                .ToListAsync(ct);
            var bySite = students.GroupBy(s => s.PrimarySiteId!.Value).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var site in await db.Set<Site>().ToListAsync(ct))
            {
                var rows = bySite.GetValueOrDefault(site.Id) ?? [];
                site.Enrollment = rows.Sum(r => r.Count);
                site.Grades = SiteTypes.Normalize(rows.SelectMany(r => (r.Grades ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)));
                if (!site.TypeSetByAdmin)
                {
                    site.Type = SiteTypes.Of(site);
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }

        public void Change(string entity, Guid id, string sourcedId, ChangeKind kind, string? fields) =>
            _changes.Add(new ImportChange { RunId = runId, Entity = entity, EntityId = id, SourcedId = sourcedId, Kind = kind, Fields = fields });

        public async Task FlushAsync(CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await db.InsertAsync(_changes, ct);
            _changes.Clear();
        }
    }

    /// <summary>Person–site memberships and guardian links, brought to what the users file says.</summary>
    private sealed class PeopleLinks
    {
        private readonly List<(string SourcedId, PersonKind Kind, IReadOnlyList<OrgRole> Orgs, IReadOnlyList<string> Agents)> _rows = [];

        public void Collect(UserRow row) => _rows.Add((row.SourcedId, row.Kind, row.Orgs, row.Agents));

        public async Task SyncAsync(AppDbContext db, ImportWriter writer, ImportFileMode mode, CancellationToken ct)
        {
            var inFile = _rows.Select(r => writer.IdOf(OneRosterSpec.Users, r.SourcedId)).ToHashSet();
            var wantedSites = new HashSet<(Guid, Guid, string)>();
            var wantedLinks = new HashSet<(Guid Guardian, Guid Student)>();
            foreach (var row in _rows)
            {
                var person = writer.IdOf(OneRosterSpec.Users, row.SourcedId);
                foreach (var org in row.Orgs)
                {
                    wantedSites.Add((person, writer.IdOf(OneRosterSpec.Orgs, org.OrgSourcedId), org.Role));
                }

                foreach (var agent in row.Agents)
                {
                    if (writer.MaybeIdOf(OneRosterSpec.Users, agent) is { } other)
                    {
                        wantedLinks.Add(row.Kind == PersonKind.Guardian ? (person, other) : (other, person));
                    }
                }
            }

            // A membership's role says whose it is: HR's are "staff", which OneRoster never sends, and stay as HR left them.
            var sites = (await db.Set<PersonSite>().AsNoTracking().Where(s => s.Role != StaffImporter.StaffRole).ToListAsync(ct))
                .Where(s => mode == ImportFileMode.Bulk || inFile.Contains(s.PersonId))
                .Select(s => (s.PersonId, s.SiteId, s.Role)).ToHashSet();
            var links = (await db.Set<GuardianLink>().AsNoTracking().ToListAsync(ct))
                .Where(l => mode == ImportFileMode.Bulk || inFile.Contains(l.GuardianId) || inFile.Contains(l.StudentId))
                .Select(l => (l.GuardianId, l.StudentId)).ToHashSet();

            foreach (var (person, site, role) in sites.Except(wantedSites))
            {
                await db.Set<PersonSite>().Where(s => s.PersonId == person && s.SiteId == site && s.Role == role).ExecuteDeleteAsync(ct);
            }

            foreach (var (guardian, student) in links.Except(wantedLinks))
            {
                await db.Set<GuardianLink>().Where(l => l.GuardianId == guardian && l.StudentId == student).ExecuteDeleteAsync(ct);
            }

            await db.InsertAsync(wantedSites.Except(sites).Select(s => new PersonSite { PersonId = s.Item1, SiteId = s.Item2, Role = s.Item3 }).ToList(), ct);
            await db.InsertAsync(wantedLinks.Except(links).Select(l => new GuardianLink { GuardianId = l.Item1, StudentId = l.Item2 }).ToList(), ct);
        }
    }
}
