using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
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

    /// <summary>The fingerprint of a package's rows (<see cref="RowsHashOf(OneRosterPackage, string[])"/>), kept beside that of its bytes.</summary>
    public const string OneRosterRows = "oneroster-rows";

    private const int BufferSize = 1 << 20;

    /// <summary>
    /// XxHash128 of the package's files (name, bytes and length of each, the manifest first) and of <paramref name="decides"/>,
    /// the options that change a plan, after this build of DistrictOps: another build may plan the same files differently.
    /// </summary>
    public static string HashOf(OneRosterPackage package, params string[] decides)
    {
        var hash = Begin(decides);
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

    /// <summary>
    /// XxHash128 of what the import reads from the package's rows, blind to what it does not (ADR 0041): each row's values
    /// except dateLastModified, which is only checked, and, in a bulk file, the order of its rows (a row's 128-bit hash is
    /// added to its file's sum; a delta file's rows are hashed in order, since there a later row can undo an earlier one).
    /// The manifest and each file's header count as written. Exports that rewrite every row's dateLastModified or sort
    /// their rows differently each night hash alike when their rows are the same. Null when a row's dateLastModified would
    /// be an error or a warning, or a file cannot be read as CSV: then only a comparison row by row says what happens.
    /// </summary>
    public static string? RowsHashOf(OneRosterPackage package, params string[] decides)
    {
        var files = package.FilesRead.ToList();
        var hashes = new UInt128?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => hashes[i] = RowsHashOf(package, files[i]));
        if (hashes.Any(h => h is null))
        {
            return null;
        }

        var hash = Begin(["rows", .. decides]);
        for (var i = 0; i < files.Count; i++)
        {
            Append(hash, files[i]);
            Append(hash, hashes[i]!.Value);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static UInt128? RowsHashOf(OneRosterPackage package, string file)
    {
        if (OneRosterSpec.Columns(package.Version, file) is not { } columns)
        {
            // The manifest, and files the import does not read row by row: their bytes.
            using var stream = package.OpenRead(file);
            var whole = new XxHash128();
            whole.Append(stream);
            return whole.GetCurrentHashAsUInt128();
        }

        var errors = new ImportErrorLog();
        using var csv = CsvFile.Open(package, file, columns, errors);
        if (csv is null || errors.Any || errors.WarningTotal > 0)
        {
            return null;
        }

        var delta = package.ModeOf(file) == ImportFileMode.Delta;
        var modified = csv.Column("dateLastModified") - 1;
        var header = MemoryMarshal.AsBytes(string.Join('\u001f', csv.Header).AsSpan());
        var (sum, rows) = (XxHash128.HashToUInt128(header), 0L);
        var ordered = new XxHash128();
        ordered.Append(header);
        var row = new XxHash128();
        var instants = new InstantCheck();
        while (csv.Read())
        {
            row.Reset();
            for (var i = 0; i < csv.FieldCount; i++)
            {
                if (i == modified && !instants.Accepts(csv.FieldAt(i).Trim(), required: delta))
                {
                    return null;
                }

                row.Append(MemoryMarshal.AsBytes(i == modified ? [] : csv.FieldAt(i)));
                row.Append(Separator);
            }

            rows++;
            if (delta)
            {
                Append(ordered, row.GetCurrentHashAsUInt128());
            }
            else
            {
                sum = unchecked(sum + row.GetCurrentHashAsUInt128());
            }
        }

        return csv.Broken ? null : delta ? ordered.GetCurrentHashAsUInt128() : unchecked(sum + (UInt128)rows);
    }

    /// <summary>
    /// Whether the row parser reads a dateLastModified without an error or a warning: empty where it is not required, or a
    /// date-time (<see cref="CsvFile.Instant"/>; the usual shape read by hand, <see cref="IsoDates.TryInstant"/>). The last
    /// value accepted is remembered, since an export often stamps many rows alike.
    /// </summary>
    private sealed class InstantCheck
    {
        private readonly char[] _last = new char[40];
        private int _lastLength = -1;

        public bool Accepts(ReadOnlySpan<char> value, bool required)
        {
            if (value.IsEmpty)
            {
                return !required;
            }

            if (value.Length == _lastLength && value.SequenceEqual(_last.AsSpan(0, _lastLength)))
            {
                return true;
            }

            var accepted = CsvFile.IsInstant(value, out _);
            if (accepted && value.Length <= _last.Length)
            {
                value.CopyTo(_last);
                _lastLength = value.Length;
            }

            return accepted;
        }
    }

    public Task<long> DataVersionAsync(CancellationToken ct) =>
        db.Set<DirectoryDataVersion>().Where(v => v.Id == DirectoryDataVersion.TheRow).Select(v => v.Value).SingleAsync(ct);

    /// <summary>Whether a fingerprint of this kind was recorded at the current data version (one that could be recalled now).</summary>
    public Task<bool> AnyCurrentAsync(string source, CancellationToken ct) =>
        (from fingerprint in db.Set<ImportFingerprint>()
         join version in db.Set<DirectoryDataVersion>() on fingerprint.DataVersion equals version.Value
         where fingerprint.Source == source && version.Id == DirectoryDataVersion.TheRow
         select fingerprint).AnyAsync(ct);

    /// <summary>The plan these files gave when last compared, if nothing the import compares with was written since; else null.</summary>
    public async Task<ImportPlan?> RecallAsync(string source, OneRosterPackage package, string hash, CancellationToken ct)
    {
        var recorded = await (from fingerprint in db.Set<ImportFingerprint>().AsNoTracking()
                              join version in db.Set<DirectoryDataVersion>() on fingerprint.DataVersion equals version.Value
                              where fingerprint.Source == source && fingerprint.Hash == hash && version.Id == DirectoryDataVersion.TheRow
                              select new { fingerprint.PlanJson, fingerprint.ComparedAt }).SingleOrDefaultAsync(ct);
        return recorded is null ? null : JsonSerializer.Deserialize<RecalledPlan>(recorded.PlanJson)!.ToPlan(package, recorded.ComparedAt) with { SameRowsOnly = source == OneRosterRows };
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

    /// <summary>Ends each value of a row in <see cref="RowsHashOf(OneRosterPackage, string)"/>: U+001F as UTF-16.</summary>
    private static readonly byte[] Separator = [0x1f, 0];

    /// <summary>A hash begun with this build's module version id and <paramref name="values"/>: another build may plan the same files differently.</summary>
    private static XxHash128 Begin(IEnumerable<string> values)
    {
        var hash = new XxHash128();
        Append(hash, typeof(PackageFingerprints).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var value in values)
        {
            Append(hash, value);
        }

        return hash;
    }

    private static void Append(XxHash128 hash, UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        hash.Append(bytes);
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
