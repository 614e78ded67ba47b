namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// The least an import of a package can cost: every file the manifest lists read once with the importer's own CSV reader,
/// every value of every row touched, nothing parsed, compared or written. The import bench prints each step's ratio to it.
/// </summary>
public static class CsvFloor
{
    /// <summary>The rows read and the characters of their values, so the read cannot be optimised away.</summary>
    public static (long Rows, long Characters) Read(string path)
    {
        var errors = new ImportErrorLog();
        using var package = OneRosterPackage.Open(path, errors);
        if (errors.Any)
        {
            throw new InvalidOperationException($"{path} is not a OneRoster package: {errors.Errors[0].Message}");
        }

        var (rows, characters) = (0L, 0L);
        foreach (var file in OneRosterSpec.ImportOrder.Where(f => package.ModeOf(f) != ImportFileMode.Absent))
        {
            using var csv = CsvFile.Open(package, file, OneRosterSpec.Columns(package.Version, file)!, errors)
                ?? throw new InvalidOperationException($"{file} cannot be read: {errors.Errors[0].Message}");
            while (csv.Read())
            {
                rows++;
                characters += csv.Characters();
            }
        }

        return (rows, characters);
    }
}
