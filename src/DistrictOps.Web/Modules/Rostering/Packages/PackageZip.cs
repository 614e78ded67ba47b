using System.IO.Compression;

namespace DistrictOps.Web.Modules.Rostering.Packages;

/// <summary>
/// A package being written: a zip with its files at the root, each written straight into its entry (nothing held whole),
/// every entry stamped with one fixed time so the same data gives the same bytes.
/// </summary>
public sealed class PackageZip : IDisposable
{
    /// <summary>The time every entry carries (zip's DOS time has no zone; this one reads the same everywhere).</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FileStream _file;
    private readonly ZipArchive _zip;

    public PackageZip(string path)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true);
    }

    /// <summary>Writes one CSV file: its header, then whatever <paramref name="rows"/> writes; returns its row count.</summary>
    public async Task<int> WriteAsync(string name, IReadOnlyList<string> header, Func<CsvFileWriter, Task> rows)
    {
        await using var text = Open(name);
        var csv = new CsvFileWriter(text, header);
        csv.WriteHeader();
        await rows(csv);
        return csv.Rows;
    }

    /// <summary>Writes one CSV file whose records were spooled to <paramref name="recordsPath"/> (written beside another file).</summary>
    public async Task WriteSpooledAsync(string name, IReadOnlyList<string> header, string recordsPath, CancellationToken cancellationToken)
    {
        await using var text = Open(name);
        RosterCsv.WriteRecord(text, header);
        await text.FlushAsync(cancellationToken);
        await using var records = File.OpenRead(recordsPath);
        await records.CopyToAsync(((StreamWriter)text).BaseStream, cancellationToken);
    }

    private StreamWriter Open(string name)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return new StreamWriter(entry.Open(), RosterCsv.Utf8, 1 << 16);
    }

    public void Dispose()
    {
        _zip.Dispose();
        _file.Dispose();
    }
}
