using System.Globalization;
using System.Text;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ImportDevices;

/// <summary>
/// Plan, then apply, a device file: the register's own columns (the export's, so an exported file imports back unchanged),
/// or the device-management tool's inventory matched by serial. Every problem is reported with file:line:column and
/// nothing is applied while there is one; applying the same file twice changes nothing the second time.
/// </summary>
public sealed class DeviceImporter(AppDbContext db, ISiteDirectory sites, DeviceHistory history, ImportFiles files)
{
    private static readonly IReadOnlyDictionary<string, string[]> RegisterColumns = DeviceColumns.Import.ToDictionary(c => c, c => c switch
    {
        "asset_tag" => new[] { "asset tag", "tag", "asset" },
        "serial" => ["serial number", "serialnumber"],
        "standard" => ["model standard"],
        _ => [],
    });

    private static readonly IReadOnlyDictionary<string, string[]> InventoryColumns = new Dictionary<string, string[]>
    {
        ["serial"] = ["serial number", "serialnumber", "hardware serial"],
        ["last_check_in"] = ["last check-in", "last check in", "lastcheckin", "last sync", "last sync date time", "lastsyncdatetime", "last contact", "last seen"],
        ["compliance"] = ["compliance state", "compliancestate", "compliant"],
        ["os_version"] = ["os version", "osversion", "operating system version"],
    };

    private static readonly string[] InventoryDateFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm", "M/d/yyyy"];

    /// <summary>Keeps the upload and plans it; with <paramref name="apply"/>, applies it when the plan has no error.</summary>
    public async Task<Result<ImportPlan>> UploadAsync(ImportKind kind, string fileName, byte[] content, bool apply, DeviceUser user, CancellationToken cancellationToken)
    {
        if (content.Length == 0 || content.Length > ImportFiles.MaxBytes)
        {
            return Result.Invalid("file", $"Choose a CSV file of at most {ImportFiles.MaxBytes / 1024 / 1024} MB; this one has {content.Length:N0} bytes.");
        }

        var key = await files.KeepAsync(content, cancellationToken);
        return await RunAsync(kind, Path.GetFileName(fileName), key, content, apply, user, cancellationToken);
    }

    /// <summary>Applies a file planned before, by its key, checked again against the register as it is now.</summary>
    public async Task<Result<ImportPlan>> ApplyAsync(ImportKind kind, string fileName, string key, DeviceUser user, CancellationToken cancellationToken) =>
        await files.FindAsync(key, cancellationToken) is { } content
            ? await RunAsync(kind, Path.GetFileName(fileName), key, content, apply: true, user, cancellationToken)
            : Result.NotFound("That upload is no longer on the server; upload the file again.");

    private async Task<Result<ImportPlan>> RunAsync(ImportKind kind, string file, string key, byte[] content, bool apply, DeviceUser user, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var plan = kind == ImportKind.Devices
            ? await RegisterAsync(file, key, text, apply, user, cancellationToken)
            : await InventoryAsync(file, key, text, apply, user, cancellationToken);
        return apply && plan.ErrorCount > 0 ? Result.Invalid("file", $"Nothing was applied: {plan.ErrorCount:N0} problems, the first: {plan.Errors[0]}") : plan;
    }

    private async Task<ImportPlan> RegisterAsync(string file, string key, TextReader text, bool apply, DeviceUser user, CancellationToken cancellationToken)
    {
        var findings = new List<ImportFinding>();
        var rows = ReadRegister(file, text, findings);
        var rules = await DeviceRules.LoadAsync(db, sites, cancellationToken);
        var tags = rows.Select(r => Custody.Normalize(r.Fields.AssetTag ?? "")).Distinct().ToList();
        var serials = rows.Select(r => Custody.Normalize(r.Fields.Serial ?? "")).Distinct().ToList();
        // Each list as one parameter (an array, a JSON array on SQLite): as 30,000 parameters of their own, EF's default
        // for a list, SQLite took seconds to prepare the statement.
        var existing = await db.Set<Device>().Where(d => EF.Parameter(tags).Contains(d.AssetTag) || EF.Parameter(serials).Contains(d.Serial)).ToListAsync(cancellationToken);
        var byTag = existing.ToDictionary(d => d.AssetTag);
        var bySerial = existing.ToDictionary(d => d.Serial);
        var seenTags = new Dictionary<string, int>();
        var seenSerials = new Dictionary<string, int>();
        var planned = new List<PlannedRow>();
        var changes = new List<(Device? Device, DeviceValues Values, string Changes)>();
        foreach (var (line, fields, columns) in rows)
        {
            ImportFinding At(string column, string message) => new(file, line, columns.GetValueOrDefault(column), column, message);
            var (tag, serial) = (Custody.Normalize(fields.AssetTag ?? ""), Custody.Normalize(fields.Serial ?? ""));
            var (tagLine, serialLine) = (tag.Length > 0 ? seenTags.GetValueOrDefault(tag) : 0, serial.Length > 0 ? seenSerials.GetValueOrDefault(serial) : 0);
            if (tagLine > 0 || serialLine > 0)
            {
                findings.Add(tagLine > 0 ? At("asset_tag", $"The asset tag {tag} is also on line {tagLine}.") : At("serial", $"The serial {serial} is also on line {serialLine}."));
            }

            seenTags.TryAdd(tag, line);
            seenSerials.TryAdd(serial, line);
            var device = byTag.GetValueOrDefault(tag);
            var errors = new ErrorList();
            var values = rules.Check(fields, errors, current: device?.Status);
            findings.AddRange(errors.ToDictionary().SelectMany(e => e.Value.Select(m => At(DeviceColumns.Of(e.Key), m))));
            if (values is null || tagLine > 0 || serialLine > 0)
            {
                continue;
            }

            var problem = bySerial.GetValueOrDefault(values.Serial) is { } other && other.AssetTag != values.AssetTag
                ? At("serial", $"The serial {values.Serial} is registered as {other.AssetTag}; correct the tag or the serial.")
                : !user.Scope.Covers(values.SiteId) || (device is not null && !user.Scope.Covers(device.SiteId)) ? At("site", "Only devices at your own sites.")
                : device is not null && DeviceRules.MoveRefusal(device, values.Status) is { } refusal ? At("status", refusal)
                : null;
            if (problem is not null)
            {
                findings.Add(problem);
            }
            else if (device is null || !values.SameAs(device))
            {
                var changed = device is null ? "new" : string.Join(", ", values.ChangedFrom(device));
                planned.Add(new PlannedRow(line, values.AssetTag, device is null ? "add" : "change", changed));
                changes.Add((device, values, changed));
            }
        }

        var applied = apply && findings.Count == 0 && changes.Count > 0;
        if (applied)
        {
            foreach (var (device, values, changed) in changes)
            {
                var target = device ?? new Device { Id = Guid.CreateVersion7(), AssetTag = "", Serial = "", CreatedAt = history.Now };
                var from = target.Status;
                values.CopyTo(target);
                target.Status = values.Status;
                if (device is null)
                {
                    db.Add(target);
                }

                history.Add(target, user, DeviceEventKind.Imported, $"{file}: {changed}", device is not null && from != target.Status ? from : null);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return ImportPlan.Of(ImportKind.Devices, file, key, rows.Count, findings, [], planned, applied);
    }

    private static List<(int Line, DeviceFields Fields, Dictionary<string, int> Columns)> ReadRegister(string file, TextReader text, List<ImportFinding> findings)
    {
        var rows = new List<(int Line, DeviceFields Fields, Dictionary<string, int> Columns)>();
        using var csv = DeviceCsv.Open(file, text, RegisterColumns, ["asset_tag", "serial", "standard"], findings);
        while (csv is not null && csv.Read(findings))
        {
            rows.Add((csv.Line, new DeviceFields(csv["asset_tag"], csv["serial"], csv["standard"], csv["status"], csv["site"], csv["room"], csv["purchase_order"],
                csv["purchased_on"], csv["cost"], csv["funding_source"], csv["warranty_ends"], csv["notes"]), DeviceColumns.Import.ToDictionary(c => c, csv.Column)));
        }

        return rows;
    }

    private async Task<ImportPlan> InventoryAsync(string file, string key, TextReader text, bool apply, DeviceUser user, CancellationToken cancellationToken)
    {
        var findings = new List<ImportFinding>();
        var latest = new Dictionary<string, (int Line, DateTimeOffset? Seen, string? Compliance, string? Os)>();
        var rows = 0;
        using (var csv = DeviceCsv.Open(file, text, InventoryColumns, ["serial"], findings))
        {
            while (csv is not null && csv.Read(findings))
            {
                rows++;
                var serial = csv["serial"] is { } s ? Custody.Normalize(s) : null;
                var seen = Instant(csv["last_check_in"]);
                if (serial is null || serial.Length > Device.SerialMaxLength)
                {
                    findings.Add(csv.Finding("serial", serial is null ? "Give the device's serial number." : $"At most {Device.SerialMaxLength} characters."));
                }
                else if (csv["last_check_in"] is { } raw && seen is null)
                {
                    findings.Add(csv.Finding("last_check_in", $"Expected a date and time such as 2026-11-30 14:05:00 (UTC) or 11/30/2026 2:05:00 PM; got \u201c{raw}\u201d."));
                }
                else if (!latest.TryGetValue(serial, out var before) || (seen ?? DateTimeOffset.MinValue) > (before.Seen ?? DateTimeOffset.MinValue))
                {
                    latest[serial] = (csv.Line, seen, Clip(csv["compliance"], Device.ComplianceMaxLength), Clip(csv["os_version"], Device.OsVersionMaxLength));
                }
            }
        }

        var serials = latest.Keys.ToList();
        var devices = await user.Scope.Visible(db.Set<Device>()).Where(d => EF.Parameter(serials).Contains(d.Serial)).ToListAsync(cancellationToken);
        var planned = new List<PlannedRow>();
        foreach (var device in devices)
        {
            var row = latest[device.Serial];
            if ((device.LastSeenAt, device.Compliance, device.OsVersion) != (row.Seen ?? device.LastSeenAt, row.Compliance, row.Os))
            {
                planned.Add(new PlannedRow(row.Line, device.AssetTag, "change", $"last check-in {row.Seen:yyyy-MM-dd HH:mm}, {row.Compliance}, {row.Os}"));
                (device.LastSeenAt, device.Compliance, device.OsVersion) = (row.Seen ?? device.LastSeenAt, row.Compliance, row.Os);
            }
        }

        var unknown = serials.Except(devices.Select(d => d.Serial)).Order(StringComparer.Ordinal).ToList();
        var notes = new List<string>();
        if (unknown.Count > 0)
        {
            notes.Add($"{unknown.Count:N0} serials are not in the register (or not at your sites): {string.Join(", ", unknown.Take(20))}{(unknown.Count > 20 ? ", …" : "")}.");
        }

        if (rows > latest.Count + findings.Count)
        {
            notes.Add($"{rows - latest.Count - findings.Count:N0} rows repeat a serial; the latest check-in of each was kept.");
        }

        var applied = apply && findings.Count == 0 && planned.Count > 0;
        if (applied)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return ImportPlan.Of(ImportKind.Inventory, file, key, latest.Count, findings, notes, planned, applied);
    }

    private static DateTimeOffset? Instant(string? text) =>
        text is not null && DateTime.TryParseExact(text, InventoryDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : null;

    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
