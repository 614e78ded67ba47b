namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// The one place relative data paths are resolved from, so the web app and the CLI share a database
/// whatever their working directory: <c>DISTRICTOPS_HOME</c> if set; else the source checkout that
/// holds the running binaries (the folder with <c>DistrictOps.slnx</c>); else the binaries' folder.
/// </summary>
public static class DistrictOpsHome
{
    public const string EnvironmentVariable = "DISTRICTOPS_HOME";

    public static string Resolve(string? configured = null, string? startDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DistrictOps.slnx")))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(start);
    }

    public static string ResolvePath(string path, string? configuredHome = null, string? startDirectory = null) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Resolve(configuredHome, startDirectory), path));
}
