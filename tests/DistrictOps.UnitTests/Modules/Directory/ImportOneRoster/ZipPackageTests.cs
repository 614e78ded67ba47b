using System.IO.Compression;
using System.Text;
using DistrictOps.Web.Modules.Directory.Importing;

namespace DistrictOps.UnitTests.Modules.Directory.ImportOneRoster;

public sealed class ZipPackageTests
{
    [Fact]
    public async Task Two_files_of_a_zip_read_at_once_from_two_threads_each_read_whole_and_in_order()
    {
        // The importer checks enrollments.csv on one thread while it checks users.csv on another; a zip's entries share
        // the archive's file stream, so unguarded reads seek it under each other (without the lock this test failed
        // every time: corrupt deflate data or interleaved text).
        var users = Lines("users", 400_000);
        var enrollments = Lines("enrollments", 400_000);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n");
            Write(archive, "users.csv", users);
            Write(archive, "enrollments.csv", enrollments);
        }

        var path = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, zip.ToArray());
        var errors = new ImportErrorLog();
        try
        {
            using var package = OneRosterPackage.Open(path, errors);
            using var start = new Barrier(2);
            var read = await Task.WhenAll(ReadAsync(package, start, "users.csv"), ReadAsync(package, start, "enrollments.csv"));

            Assert.Equal(users, read[0]);
            Assert.Equal(enrollments, read[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<string> ReadAsync(OneRosterPackage package, Barrier start, string file) => Task.Run(() =>
    {
        using var reader = package.OpenText(file);
        start.SignalAndWait();
        var text = new StringBuilder();
        var buffer = new char[97];
        for (int n; (n = reader.Read(buffer)) > 0;)
        {
            text.Append(buffer, 0, n);
        }

        return text.ToString();
    });

    private static string Lines(string name, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"{name}-{i},{i * 7919 % 104729},row {i} of {name}\n"));

    private static void Write(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
