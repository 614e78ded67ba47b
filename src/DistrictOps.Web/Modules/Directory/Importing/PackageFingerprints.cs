using System.Buffers;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// Remembers the last package that was compared row by row and changed nothing, so the same files against unchanged tables
/// are answered by hashing their bytes instead of comparing millions of rows again (ADR 0025). A write to any table the
/// import compares with moves <see cref="DirectoryDataVersion"/> (database triggers), and a fingerprint recorded at
/// another version is never used.
/// </summary>
public sealed class PackageFingerprints(AppDbContext db, TimeProvider time, ILogger<PackageFingerprints> logger)
{
    public const string OneRoster = "oneroster";

    private const int BufferSize = 1 << 20;

    /// <summary>
    /// XxHash128 of the package's files (name, bytes and length of each, the manifest first) and of <paramref name="decides"/>,
    /// the options that change a plan, after this build of DistrictOps: another build may plan the same files differently.
    /// </summary>
    public static string HashOf(OneRosterPackage package, params string[] decides)
    {
        var hash = new XxHash128();
        Append(hash, typeof(PackageFingerprints).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var value in decides)
        {
            Append(hash, value);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            foreach (var file in package.FilesRead)
            {
                Append(hash, file);
                using var stream = package.OpenRead(file);
                var length = 0L;
                for (int read; (read = stream.Read(buffer, 0, BufferSize)) > 0; length += read)
                {
                    hash.Append(buffer.AsSpan(0, read));
                }

                Append(hash, length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    public Task<long> DataVersionAsync(CancellationToken ct) =>
        db.Set<DirectoryDataVersion>().Where(v => v.Id == DirectoryDataVersion.TheRow).Select(v => v.Value).SingleAsync(ct);

    /// <summary>The plan these files gave when last compared, if nothing the import compares with was written since; else null.</summary>
    public async Task<ImportPlan?> RecallAsync(string source, OneRosterPackage package, string hash, CancellationToken ct)
    {
        var recorded = await (from fingerprint in db.Set<ImportFingerprint>().AsNoTracking()
                              join version in db.Set<DirectoryDataVersion>() on fingerprint.DataVersion equals version.Value
                              where fingerprint.Source == source && fingerprint.Hash == hash && version.Id == DirectoryDataVersion.TheRow
                              select new { fingerprint.PlanJson, fingerprint.ComparedAt }).SingleOrDefaultAsync(ct);
        return recorded is null ? null : JsonSerializer.Deserialize<RecalledPlan>(recorded.PlanJson)!.ToPlan(package, recorded.ComparedAt);
    }

    /// <summary>Records a plan that changes nothing, compared at <paramref name="dataVersion"/> (read before the comparison began).</summary>
    public async Task RecordAsync(string source, string hash, long dataVersion, ImportPlan plan, CancellationToken ct)
    {
        var row = await db.Set<ImportFingerprint>().SingleOrDefaultAsync(f => f.Source == source, ct);
        if (row is null)
        {
            row = new ImportFingerprint { Source = source, Hash = hash, PlanJson = "" };
            db.Add(row);
        }

        (row.Hash, row.DataVersion, row.PlanJson, row.ComparedAt) = (hash, dataVersion, JsonSerializer.Serialize(RecalledPlan.Of(plan)), time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another import recorded its fingerprint at the same moment; this one is only a shortcut, so the next run compares again.
            logger.LogInformation(e, "The {Source} fingerprint was not recorded: another import wrote it at the same time", source);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static void Append(XxHash128 hash, string value)
    {
        hash.Append(Encoding.UTF8.GetBytes(value));
        hash.Append([0]);
    }

    /// <summary>What a plan that changes nothing says: each entity's count of rows left as they are, and its warnings.</summary>
    internal sealed record RecalledPlan(List<RecalledEntity> Entities, List<ImportError> Warnings, int WarningCount, List<RecalledGroup> Groups)
    {
        public static RecalledPlan Of(ImportPlan plan) => new(
            plan.Entities.Select(e => new RecalledEntity(e.Entity, e.File, e.Mode, e.Leave)).ToList(),
            plan.Warnings.ToList(),
            plan.WarningCount,
            plan.WarningGroups.Select(g => new RecalledGroup(g.Rule, g.Count, g.First)).ToList());

        public ImportPlan ToPlan(OneRosterPackage package, DateTimeOffset comparedAt) =>
            new(package.Name, package.Version, Entities.Select(e => new EntityPlan(e.Entity, e.File, e.Mode) { Leave = e.Leave }).ToList(), [], 0, [])
            {
                Warnings = Warnings,
                WarningCount = WarningCount,
                WarningGroups = Groups.Select(g => g.ToGroup()).ToList(),
                SameFilesComparedAt = comparedAt,
            };
    }

    internal sealed record RecalledEntity(string Entity, string File, ImportFileMode Mode, int Leave);

    internal sealed record RecalledGroup(string Rule, int Count, List<ImportError> First)
    {
        public WarningGroup ToGroup()
        {
            var group = new WarningGroup(Rule) { Count = Count };
            group.First.AddRange(First);
            return group;
        }
    }
}
