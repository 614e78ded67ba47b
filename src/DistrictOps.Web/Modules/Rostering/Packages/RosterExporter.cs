using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Rostering.Packages;

/// <summary>What to export: for which app, in which format, cut to which scope, with which fields; <c>Since</c> null for a bulk package.</summary>
public sealed record ExportRequest(Guid AppId, ExportFormat Format, RosterScope Scope, SharedFields Fields, DateTimeOffset? Since)
{
    public static ExportRequest Of(SharingAgreement agreement, DateTimeOffset? since) =>
        new(agreement.AppId, agreement.Format, AgreementRules.ScopeOf(agreement), agreement.Fields, agreement.Format == ExportFormat.SchoolDataSync ? null : since);

    public bool IsDelta => Since is not null;

    public string Version => Format == ExportFormat.OneRoster11 ? "1.1" : "1.2";
}

/// <summary>One file of a package: its name, its rows (without the header) and, in a OneRoster manifest, absent, bulk or delta.</summary>
public sealed record PackageFile(string File, int Rows, string Mode);

/// <summary>
/// A package written: its files, how many people it shares, the data time it covers up to, and the format rules it broke while
/// being written (School Data Sync's required fields; OneRoster's are checked by the Directory's import afterwards).
/// </summary>
public sealed record ExportedPackage(IReadOnlyList<PackageFile> Files, int People, DateTimeOffset? DataAsOf, IReadOnlyList<string> Problems, int ProblemCount);

/// <summary>
/// Writes an agreement's package from the Directory's roster, streaming: rows in sourcedId order straight into the zip's
/// entries, users in batches of <see cref="UserBatch"/> with their orgs and agents. What it holds whole is small: the orgs in
/// scope and the ids of the people in it. Every record is masked by the agreement first. The ids of the people it shares
/// (not those it tells the app to delete) go to a side file, for the record of who received whom once it is delivered.
/// </summary>
public sealed class RosterExporter(IRosterData roster, IServiceScopeFactory scopes, AppDbContext db)
{
    public const int UserBatch = 2000;

    // A package streams each file's rows from one query in sourcedId order; on a district of a million people PostgreSQL
    // sorts ten million enrollments before the first row comes, longer than the 30-second default (measured: the
    // 1,000,000-user bench timed out). The export runs as a background job, so it waits.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(30);

    public async Task<ExportedPackage> WriteAsync(
        ExportRequest request, string zipPath, string peoplePath, IProgress<(string Subject, int Percent)>? progress, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(CommandTimeout);
        var dataAsOf = await roster.LastModifiedAsync(ct);
        var orgs = (await roster.Orgs(request.Scope).Select(o => o.SourcedId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var run = new ExportRun(request, orgs, dataAsOf, progress);
        if (request.IsDelta)
        {
            await foreach (var id in roster.Users(request.Scope).Select(u => u.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                run.InScope.Add(id);
            }
        }

        await using (var side = scopes.CreateAsyncScope())
        await using (var people = new FileStream(peoplePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var zip = new PackageZip(zipPath))
        {
            side.ServiceProvider.GetRequiredService<AppDbContext>().Database.SetCommandTimeout(CommandTimeout);
            run.Links = side.ServiceProvider.GetRequiredService<IRosterData>();
            run.People = people;
            if (request.Format == ExportFormat.SchoolDataSync)
            {
                await WriteSchoolDataSyncAsync(run, zip, zipPath + ".roles", ct);
            }
            else
            {
                await WriteOneRosterAsync(run, zip, zipPath + ".roles", ct);
            }
        }

        File.Delete(zipPath + ".roles");
        return new ExportedPackage(run.Files, run.Shared, dataAsOf, run.Problems, run.ProblemCount);
    }

    /// <summary>The state of one export while it runs.</summary>
    private sealed class ExportRun(ExportRequest request, HashSet<string> orgs, DateTimeOffset? dataAsOf, IProgress<(string Subject, int Percent)>? progress)
    {
        public ExportRequest Request { get; } = request;

        public OneRosterRows Rows { get; } = new(request.Version, request.IsDelta);

        public HashSet<string> Orgs { get; } = orgs;

        public DateTimeOffset? DataAsOf { get; } = dataAsOf;

        /// <summary>The people in scope now: for a delta read first, for a bulk package as its users are written.</summary>
        public HashSet<Guid> InScope { get; } = [];

        public List<PackageFile> Files { get; } = [];

        public List<string> Problems { get; } = [];

        public int ProblemCount { get; private set; }

        public void Problem(string text)
        {
            if (ProblemCount++ < 10)
            {
                Problems.Add(text);
            }
        }

        public IRosterData Links { get; set; } = null!;

        public FileStream People { get; set; } = null!;

        public int Shared { get; private set; }

        public void Report(string subject, int percent) => progress?.Report((subject, percent));

        public void Add(string file, int rows) => Files.Add(new PackageFile(file, rows, Request.IsDelta ? "delta" : "bulk"));

        public void Share(Guid person)
        {
            People.Write(person.ToByteArray());
            Shared++;
        }
    }

    private static string Mode(ExportRun run) => run.Request.IsDelta ? "delta" : "bulk";

    private static IReadOnlyList<string> HeaderOf(ExportRun run, string file) =>
        run.Request.Format == ExportFormat.SchoolDataSync ? SchoolDataSyncRows.Headers[file] : run.Rows.Columns(file);

    private async Task WriteOneRosterAsync(ExportRun run, PackageZip zip, string rolesPath, CancellationToken ct)
    {
        var request = run.Request;
        var demographics = AgreementRules.SharesDemographics(request.Fields);
        var files = OneRosterFiles.DataFiles(request.Version);
        await zip.WriteAsync(OneRosterFiles.Manifest, ["propertyName", "value"], csv =>
        {
            csv.Write(["manifest.version", "1.0"]);
            csv.Write(["oneroster.version", request.Version]);
            foreach (var file in files)
            {
                csv.Write(["file." + Path.GetFileNameWithoutExtension(file), file == OneRosterFiles.Demographics && !demographics ? "absent" : Mode(run)]);
            }

            return Task.CompletedTask;
        });

        var since = request.Since;
        var scope = request.Scope;
        var delta = request.IsDelta;
        run.Report(OneRosterFiles.Orgs, 2);
        await WriteRowsAsync(run, zip, OneRosterFiles.Orgs, Changed(roster.Orgs(scope, delta), since).OrderBy(o => o.SourcedId), run.Rows.Org, ct);
        await WriteRowsAsync(run, zip, OneRosterFiles.AcademicSessions, Changed(roster.Sessions(delta), since).OrderBy(s => s.SourcedId), run.Rows.Session, ct);
        await WriteRowsAsync(run, zip, OneRosterFiles.Courses, Changed(roster.Courses(scope, delta), since).OrderBy(c => c.SourcedId), run.Rows.Course, ct);
        await WriteRowsAsync(run, zip, OneRosterFiles.Classes, Changed(roster.Classes(scope, delta), since).OrderBy(c => c.SourcedId), run.Rows.Class, ct);
        await WriteUsersAsync(run, zip, rolesPath, ct);
        if (demographics)
        {
            var shown = Changed(roster.Demographics(scope, delta), since).OrderBy(d => d.SourcedId);
            await WriteRowsAsync(run, zip, OneRosterFiles.Demographics, shown,
                d => d.Left || run.InScope.Contains(d.Id) ? run.Rows.Demographics(AgreementRules.Mask(d, request.Fields)) : null, ct);
        }

        run.Report(OneRosterFiles.Enrollments, 80);
        await WriteRowsAsync(run, zip, OneRosterFiles.Enrollments, Changed(roster.Enrollments(scope, delta), since).OrderBy(e => e.SourcedId),
            e => e.Left || run.InScope.Contains(e.PersonId) ? run.Rows.Enrollment(e) : null, ct);
    }

    /// <summary>A delta's rows: those changed after <paramref name="since"/>; a bulk package's: all.</summary>
    private static IQueryable<T> Changed<T>(IQueryable<T> rows, DateTimeOffset? since) where T : RosterRecord =>
        since is { } after ? rows.Where(r => r.ModifiedAt > after) : rows;

    /// <summary>Streams a query into a file; <paramref name="row"/> returns null for a record the package leaves out.</summary>
    private static async Task WriteRowsAsync<T>(ExportRun run, PackageZip zip, string file, IQueryable<T> rows, Func<T, string?[]?> row, CancellationToken ct)
    {
        var count = await zip.WriteAsync(file, HeaderOf(run, file), async csv =>
        {
            await foreach (var record in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (row(record) is { } fields)
                {
                    csv.Write(fields);
                }
            }
        });
        run.Add(file, count);
    }

    /// <summary>
    /// A delta's users: those in scope changed since the last delivery (tobedeleted if removed), and those the app received
    /// who have left the scope since, tobedeleted.
    /// </summary>
    private async Task<IQueryable<RosterUser>> DeltaUsersAsync(ExportRun run, CancellationToken ct)
    {
        var since = run.Request.Since!.Value;
        var changedInScope = roster.Users(run.Request.Scope, includeLeft: true).Where(u => u.ModifiedAt > since).Select(u => u.Id);
        var leavers = await LeaversAsync(run, since, ct);
        return roster.Users(RosterScope.Everything, includeLeft: true).Where(u => changedInScope.Contains(u.Id) || leavers.Contains(u.Id));
    }

    /// <summary>
    /// People the app received who are out of the scope now and whose own row or enrollments changed since the last delivery
    /// (that is how a person leaves a scope between two deliveries of one agreement revision).
    /// </summary>
    private async Task<List<Guid>> LeaversAsync(ExportRun run, DateTimeOffset since, CancellationToken ct)
    {
        var appId = run.Request.AppId;
        var shared = db.Set<SharedPerson>().Where(s => s.AppId == appId).Select(s => s.PersonId);
        var changed = roster.Users(RosterScope.Everything, includeLeft: true).Where(u => u.ModifiedAt > since).Select(u => u.Id)
            .Union(roster.Enrollments(RosterScope.Everything, includeLeft: true).Where(e => e.ModifiedAt > since).Select(e => e.PersonId));
        var candidates = await changed.Where(id => shared.Contains(id)).ToListAsync(ct);
        return candidates.Where(id => !run.InScope.Contains(id)).ToList();
    }

    private async Task WriteUsersAsync(ExportRun run, PackageZip zip, string rolesPath, CancellationToken ct)
    {
        var request = run.Request;
        var users = request.IsDelta ? await DeltaUsersAsync(run, ct) : roster.Users(request.Scope);
        var total = Math.Max(1, await users.CountAsync(ct));
        var roles = 0;
        await using (var rolesText = new StreamWriter(rolesPath, false, RosterCsv.Utf8, 1 << 16))
        {
            var rolesCsv = new CsvFileWriter(rolesText, request.Version == "1.1" ? [] : run.Rows.Columns(OneRosterFiles.Roles));
            var count = await zip.WriteAsync(OneRosterFiles.Users, run.Rows.Columns(OneRosterFiles.Users), async csv =>
            {
                var done = 0;
                await foreach (var batch in Batches(users.OrderBy(u => u.SourcedId), ct))
                {
                    await WriteUserBatchAsync(run, batch, csv, rolesCsv, ct);
                    done += batch.Count;
                    run.Report(string.Create(CultureInfo.InvariantCulture, $"users.csv ({done:N0} / {total:N0})"), 10 + (60 * done / total));
                }
            });
            run.Add(OneRosterFiles.Users, count);
            roles = rolesCsv.Rows;
        }

        if (request.Version == "1.2")
        {
            await zip.WriteSpooledAsync(OneRosterFiles.Roles, run.Rows.Columns(OneRosterFiles.Roles), rolesPath, ct);
            run.Add(OneRosterFiles.Roles, roles);
        }
    }

    private static async Task WriteUserBatchAsync(ExportRun run, List<RosterUser> batch, CsvFileWriter users, CsvFileWriter roles, CancellationToken ct)
    {
        var request = run.Request;
        bool Removed(RosterUser u) => request.IsDelta && (u.Left || !run.InScope.Contains(u.Id));
        var links = await run.Links.LinksAsync(request.Scope, batch.Where(u => !Removed(u)).Select(u => u.Id).ToList(), ct);
        foreach (var user in batch)
        {
            if (Removed(user))
            {
                users.Write(run.Rows.RemovedUser(user, user.ModifiedAt > request.Since ? user.ModifiedAt : run.DataAsOf));
                continue;
            }

            var masked = AgreementRules.Mask(user, request.Fields);
            var link = links.GetValueOrDefault(user.Id);
            var orgs = UserOrgs.Of(masked, link, run.Orgs, request.Version);
            users.Write(run.Rows.User(masked, orgs, link?.AgentSourcedIds ?? []));
            foreach (var role in request.Version == "1.2" ? run.Rows.Roles(masked, orgs) : [])
            {
                roles.Write(role);
            }

            run.InScope.Add(user.Id);
            run.Share(user.Id);
        }
    }

    /// <summary>School Data Sync v2.1: always the whole set, guardians left out, a username required of every user.</summary>
    private async Task WriteSchoolDataSyncAsync(ExportRun run, PackageZip zip, string rolesPath, CancellationToken ct)
    {
        var scope = run.Request.Scope;
        run.Report(SchoolDataSyncRows.Orgs, 2);
        await WriteRowsAsync(run, zip, SchoolDataSyncRows.Orgs, roster.Orgs(scope).OrderBy(o => o.SourcedId), SchoolDataSyncRows.Org, ct);
        await WriteRowsAsync(run, zip, SchoolDataSyncRows.AcademicSessions, roster.Sessions().OrderBy(s => s.SourcedId), SchoolDataSyncRows.Session, ct);
        await WriteRowsAsync(run, zip, SchoolDataSyncRows.Courses, roster.Courses(scope).OrderBy(c => c.SourcedId), SchoolDataSyncRows.Course, ct);
        await WriteRowsAsync(run, zip, SchoolDataSyncRows.Classes, roster.Classes(scope).OrderBy(c => c.SourcedId), SchoolDataSyncRows.Class, ct);
        var total = Math.Max(1, await roster.Users(scope).CountAsync(ct));
        int roles;
        await using (var rolesText = new StreamWriter(rolesPath, false, RosterCsv.Utf8, 1 << 16))
        {
            var rolesCsv = new CsvFileWriter(rolesText, SchoolDataSyncRows.Headers[SchoolDataSyncRows.Roles]);
            var count = await zip.WriteAsync(SchoolDataSyncRows.Users, SchoolDataSyncRows.Headers[SchoolDataSyncRows.Users], async csv =>
            {
                var done = 0;
                await foreach (var batch in Batches(roster.Users(scope).OrderBy(u => u.SourcedId), ct))
                {
                    var members = batch.Where(u => !SchoolDataSyncRows.IsGuardian(u)).ToList();
                    var links = await run.Links.LinksAsync(scope, members.Select(u => u.Id).ToList(), ct);
                    foreach (var user in members.Select(u => AgreementRules.Mask(u, run.Request.Fields)))
                    {
                        if (string.IsNullOrWhiteSpace(user.Username))
                        {
                            run.Problem($"{SchoolDataSyncRows.Users}:{csv.Rows + 2}:2 — user '{user.SourcedId}' has no username, which School Data Sync requires" +
                                (run.Request.Fields.HasFlag(SharedFields.Username) ? "." : " (the agreement does not share usernames)."));
                        }

                        csv.Write(SchoolDataSyncRows.User(user));
                        foreach (var role in SchoolDataSyncRows.RolesOf(user, UserOrgs.Of(user, links.GetValueOrDefault(user.Id), run.Orgs, "1.2")))
                        {
                            rolesCsv.Write(role);
                        }

                        run.InScope.Add(user.Id);
                        run.Share(user.Id);
                    }

                    done += batch.Count;
                    run.Report(string.Create(CultureInfo.InvariantCulture, $"users.csv ({done:N0} / {total:N0})"), 10 + (60 * done / total));
                }
            });
            run.Add(SchoolDataSyncRows.Users, count);
            roles = rolesCsv.Rows;
        }

        await zip.WriteSpooledAsync(SchoolDataSyncRows.Roles, SchoolDataSyncRows.Headers[SchoolDataSyncRows.Roles], rolesPath, ct);
        run.Add(SchoolDataSyncRows.Roles, roles);
        run.Report(SchoolDataSyncRows.Enrollments, 80);
        await WriteRowsAsync(run, zip, SchoolDataSyncRows.Enrollments, roster.Enrollments(scope).OrderBy(e => e.SourcedId),
            e => run.InScope.Contains(e.PersonId) ? SchoolDataSyncRows.Enrollment(e) : null, ct);
    }

    private static async IAsyncEnumerable<List<T>> Batches<T>(IQueryable<T> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<T>(UserBatch);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == UserBatch)
            {
                yield return batch;
                batch = new List<T>(UserBatch);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
