namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>One problem in an import file, located as <c>file:line:column</c>.</summary>
public sealed record ImportError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line == 0 ? $"{File} — {Message}" : $"{File}:{Line}:{Column} — {Message}";
}

/// <summary>
/// Collects errors (nothing is applied) and warnings (applied, with what was done about them), each up to a cap, and counts all.
/// </summary>
public sealed class ImportErrorLog(int cap = ImportErrorLog.DefaultCap)
{
    public const int DefaultCap = 200;

    private readonly List<ImportError> _errors = [];
    private readonly List<ImportError> _warnings = [];

    public IReadOnlyList<ImportError> Errors => _errors;

    public int Total { get; private set; }

    public bool Any => Total > 0;

    public IReadOnlyList<ImportError> Warnings => _warnings;

    public int WarningTotal { get; private set; }

    /// <summary>Adds another log's errors and warnings after this one's, as if they had been added here.</summary>
    internal void Append(ImportErrorLog other)
    {
        foreach (var error in other.Errors)
        {
            Add(error.File, error.Line, error.Column, error.Message);
        }

        Total += other.Total - other.Errors.Count;
        foreach (var warning in other.Warnings)
        {
            Warn(warning.File, warning.Line, warning.Column, warning.Message);
        }

        WarningTotal += other.WarningTotal - other.Warnings.Count;
    }

    public void Warn(string file, int line, int column, string message)
    {
        WarningTotal++;
        if (_warnings.Count < cap)
        {
            _warnings.Add(new ImportError(file, line, column, message));
        }
    }

    public void Add(string file, int line, int column, string message)
    {
        Total++;
        if (_errors.Count < cap)
        {
            _errors.Add(new ImportError(file, line, column, message));
        }
    }
}
