using System.Security.Cryptography;

namespace DistrictOps.Web.Modules.Devices.ImportDevices;

public enum ImportKind
{
    /// <summary>The register: devices added or changed by asset tag.</summary>
    Devices,

    /// <summary>The device-management tool's inventory: last check-in, compliance and OS version by serial.</summary>
    Inventory,
}

public sealed record PlannedRow(int Line, string Device, string Action, string Changes);

/// <summary>
/// What an import would do, or did: counts, every problem with file:line:column (the first <see cref="Shown"/>), notes
/// that do not stop it, and the first rows it changes. Applied only when it has no error; then everything or nothing.
/// </summary>
public sealed record ImportPlan(
    ImportKind Kind, string File, string Key, int Rows, int Add, int Change, int Unchanged, int ErrorCount, IReadOnlyList<string> Errors,
    IReadOnlyList<string> Notes, IReadOnlyList<PlannedRow> Sample, bool Applied)
{
    public const int Shown = 200;

    public bool CanApply => ErrorCount == 0 && Add + Change > 0 && !Applied;

    public static ImportPlan Of(ImportKind kind, string file, string key, int rows, List<ImportFinding> findings, IReadOnlyList<string> notes, List<PlannedRow> planned, bool applied) => new(
        kind, file, key, rows, planned.Count(p => p.Action == "add"), planned.Count(p => p.Action == "change"), rows - planned.Count, findings.Count,
        findings.OrderBy(f => f.Line).ThenBy(f => f.Column).Take(Shown).Select(f => f.Text).ToList(), notes, planned.Take(50).ToList(), applied);
}

/// <summary>
/// Keeps an uploaded file between its plan and its apply, named by its SHA-256 (the plan's key), in the server's temporary
/// folder: applying runs the same file again, checked again against the register as it is then.
/// </summary>
public sealed class ImportFiles
{
    public const long MaxBytes = 50L * 1024 * 1024;

    private readonly string folder = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "districtops-device-imports")).FullName;

    public async Task<string> KeepAsync(byte[] content, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = Path.Combine(folder, key + ".csv");
        if (!File.Exists(path))
        {
            await File.WriteAllBytesAsync(path, content, cancellationToken);
        }

        return key;
    }

    public async Task<byte[]?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length != 64 || !key.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = Path.Combine(folder, key + ".csv");
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }
}
