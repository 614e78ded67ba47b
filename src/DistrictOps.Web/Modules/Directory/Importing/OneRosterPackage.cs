using System.IO.Compression;
using System.Text;
using Sylvan.Data.Csv;

namespace DistrictOps.Web.Modules.Directory.Importing;

public enum ImportFileMode
{
    Absent,
    Bulk,
    Delta,
}

/// <summary>A OneRoster CSV package: a folder or a zip with manifest.csv and the data files at its root.</summary>
public sealed class OneRosterPackage : IDisposable
{
    private const string NotAZip = "is not a zip file; expected a zip of OneRoster CSV files with manifest.csv at its root, or a folder.";

    private readonly string? _folder;
    private readonly ZipArchive? _zip;

    private OneRosterPackage(string name, string? folder, ZipArchive? zip)
    {
        Name = name;
        _folder = folder;
        _zip = zip;
    }

    /// <summary>The folder or file name, for messages and the import run; never the content.</summary>
    public string Name { get; }

    public string Version { get; private set; } = "";

    public IReadOnlyDictionary<string, ImportFileMode> Modes { get; private set; } = new Dictionary<string, ImportFileMode>();

    public ImportFileMode ModeOf(string file) => Modes.GetValueOrDefault(file, ImportFileMode.Absent);

    public static OneRosterPackage Open(string path, ImportErrorLog errors)
    {
        var package = System.IO.Directory.Exists(path)
            ? new OneRosterPackage(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), path, null)
            : File.Exists(path)
                ? new OneRosterPackage(Path.GetFileName(path), null, OpenZip(path, errors))
                : throw new FileNotFoundException($"{path}: no such folder or zip file.", path);
        package.ReadManifest(errors);
        return package;
    }

    /// <summary>A package sent as a zip stream; null (with the error logged) when the stream is not a zip.</summary>
    public static OneRosterPackage? OpenZip(Stream zip, string name, ImportErrorLog errors)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            errors.Add(name, 0, 0, NotAZip);
            return null;
        }

        var package = new OneRosterPackage(name, null, archive);
        package.ReadManifest(errors);
        return package;
    }

    /// <summary>A folder of CSV files that has no OneRoster manifest (the HR files).</summary>
    internal static OneRosterPackage PlainFolder(string folder) => new(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder, null);

    public bool Contains(string file) =>
        _folder is not null ? File.Exists(Path.Combine(_folder, file)) : _zip?.GetEntry(file) is not null;

    public TextReader OpenText(string file) => new StreamReader(OpenRead(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>
    /// A file's bytes as the package holds them (a zip entry decompressed). Files may be read at once from several threads:
    /// a zip's entries share the archive's stream, so each read of an entry takes the archive's lock.
    /// </summary>
    public Stream OpenRead(string file)
    {
        if (_folder is not null)
        {
            return File.OpenRead(Path.Combine(_folder, file));
        }

        lock (_zipGate)
        {
            return new SharedArchiveStream(_zip!.GetEntry(file)!.Open(), _zipGate);
        }
    }

    private readonly Lock _zipGate = new();

    /// <summary>A zip entry's stream whose every read and its closing take the archive's lock.</summary>
    private sealed class SharedArchiveStream(Stream entry, Lock gate) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            lock (gate)
            {
                return entry.Read(buffer);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                lock (gate)
                {
                    entry.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>The files an import reads: the manifest and every file it does not mark absent.</summary>
    public IEnumerable<string> FilesRead => Modes.Where(m => m.Value != ImportFileMode.Absent).Select(m => m.Key).Prepend(OneRosterSpec.Manifest);

    public void Dispose() => _zip?.Dispose();

    private static ZipArchive? OpenZip(string path, ImportErrorLog errors)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            errors.Add(Path.GetFileName(path), 0, 0, NotAZip);
            return null;
        }
    }

    /// <summary>The manifest's rows by property name, with their value (and as written) and line; null when the header is wrong.</summary>
    private Dictionary<string, (string Value, string Written, int Line)>? ReadManifestProperties(ImportErrorLog errors)
    {
        var properties = new Dictionary<string, (string Value, string Written, int Line)>(StringComparer.Ordinal);
        using var text = OpenText(OneRosterSpec.Manifest);
        var line = 1;
        try
        {
            using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = CsvFile.RecordLimit });
            if (csv.FieldCount < 2 || csv.GetName(0) != "propertyName" || csv.GetName(1) != "value")
            {
                errors.Add(OneRosterSpec.Manifest, 1, 1, "expected the header 'propertyName,value'.");
                return null;
            }

            while (csv.Read())
            {
                line++;
                properties[csv.GetString(0).Trim()] = (csv.GetString(1).Trim(), csv.GetString(1), line);
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(OneRosterSpec.Manifest, line + 1, e.FieldOrdinal + 1, CsvFile.Malformed(e));
            return null;
        }

        return properties;
    }

    private void ReadManifest(ImportErrorLog errors)
    {
        if (_folder is null && _zip is null)
        {
            return;
        }

        if (!Contains(OneRosterSpec.Manifest))
        {
            errors.Add(OneRosterSpec.Manifest, 0, 0, "is missing; a OneRoster package has manifest.csv at its root.");
            return;
        }

        if (ReadManifestProperties(errors) is not { } properties)
        {
            return;
        }

        if (!properties.TryGetValue("manifest.version", out var manifestVersion) || manifestVersion.Value != "1.0")
        {
            errors.Add(OneRosterSpec.Manifest, manifestVersion.Line, 2, $"manifest.version must be 1.0; found '{manifestVersion.Written}'.");
        }

        if (!properties.TryGetValue("oneroster.version", out var version) || version.Value is not ("1.1" or "1.2"))
        {
            errors.Add(OneRosterSpec.Manifest, version.Line, 2, $"oneroster.version must be 1.1 or 1.2; found '{version.Written}'.");
            return;
        }

        Version = version.Value;
        var modes = new Dictionary<string, ImportFileMode>(StringComparer.Ordinal);
        foreach (var file in OneRosterSpec.ImportOrder.Where(f => OneRosterSpec.Columns(Version, f) is not null))
        {
            var key = "file." + Path.GetFileNameWithoutExtension(file);
            if (!properties.TryGetValue(key, out var mode))
            {
                errors.Add(OneRosterSpec.Manifest, 0, 0, $"has no {key} row; expected absent, bulk or delta.");
                continue;
            }

            var parsed = mode.Value switch
            {
                "absent" => ImportFileMode.Absent,
                "bulk" => ImportFileMode.Bulk,
                "delta" => ImportFileMode.Delta,
                _ => (ImportFileMode?)null,
            };
            if (parsed is null)
            {
                errors.Add(OneRosterSpec.Manifest, mode.Line, 2, $"{key} is '{mode.Written}'; expected absent, bulk or delta.");
                continue;
            }

            if (parsed != ImportFileMode.Absent && !Contains(file))
            {
                errors.Add(OneRosterSpec.Manifest, mode.Line, 2, $"{key} is {mode.Value} but {file} is not in the package.");
                continue;
            }

            if (parsed == ImportFileMode.Absent && Contains(file))
            {
                errors.Add(OneRosterSpec.Manifest, mode.Line, 2, $"{key} is absent but {file} is in the package; say bulk or delta, or leave the file out.");
                continue;
            }

            modes[file] = parsed.Value;
        }

        Modes = modes;
    }
}
