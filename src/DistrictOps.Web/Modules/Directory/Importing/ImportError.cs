namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>One problem in an import file, located as <c>file:line:column</c>.</summary>
public sealed record ImportError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line == 0 ? $"{File} — {Message}" : $"{File}:{Line}:{Column} — {Message}";
}

/// <summary>Collects errors up to a cap and counts all of them.</summary>
public sealed class ImportErrorLog(int cap = ImportErrorLog.DefaultCap)
{
    public const int DefaultCap = 200;

    private readonly List<ImportError> _errors = [];

    public IReadOnlyList<ImportError> Errors => _errors;

    public int Total { get; private set; }

    public bool Any => Total > 0;

    /// <summary>Adds another log's errors after this one's, as if they had been added here.</summary>
    internal void Append(ImportErrorLog other)
    {
        foreach (var error in other.Errors)
        {
            Add(error.File, error.Line, error.Column, error.Message);
        }

        Total += other.Total - other.Errors.Count;
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
