namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>Warnings of one rule: their message with the quoted values left out, how many, and the first few.</summary>
public sealed class WarningGroup(string rule)
{
    public const int Shown = 3;

    public string Rule { get; } = rule;

    public int Count { get; internal set; }

    public List<ImportError> First { get; } = [];

    /// <summary>The message with each quoted value replaced by an ellipsis, so warnings of one rule group together.</summary>
    public static string RuleOf(string message)
    {
        var rule = new System.Text.StringBuilder(message.Length);
        var quoted = false;
        foreach (var c in message)
        {
            if (c == '\'')
            {
                rule.Append(quoted ? "…'" : "'");
                quoted = !quoted;
            }
            else if (!quoted)
            {
                rule.Append(c);
            }
        }

        return rule.ToString();
    }
}

/// <summary>One problem in an import file, located as <c>file:line:column</c>.</summary>
public sealed record ImportError(string File, int Line, int Column, string Message)
{
    /// <summary>The value at that line and column as the file writes it; null for a finding about a whole file or row.</summary>
    public string? Value { get; init; }

    /// <summary>What the sender should change, when the finding knows better than its severity's general advice.</summary>
    public string? Fix { get; init; }

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
            Add(error);
        }

        Total += other.Total - other.Errors.Count;
        _warnings.AddRange(other._warnings.Take(cap - _warnings.Count));
        WarningTotal += other.WarningTotal;
        foreach (var theirs in other._groups.Values)
        {
            if (!_groups.TryGetValue(theirs.Rule, out var group))
            {
                _groups[theirs.Rule] = group = new WarningGroup(theirs.Rule);
            }

            group.Count += theirs.Count;
            group.First.AddRange(theirs.First.Take(WarningGroup.Shown - group.First.Count));
        }
    }

    /// <summary>Warnings grouped by their message with quoted values left out, in order of first appearance: every warning counts.</summary>
    public IReadOnlyCollection<WarningGroup> WarningGroups => _groups.Values;

    private readonly Dictionary<string, WarningGroup> _groups = new(StringComparer.Ordinal);

    /// <summary>Makes every warning an error (<c>--strict</c>).</summary>
    internal void MakeWarningsErrors()
    {
        foreach (var warning in _warnings)
        {
            Add(warning);
        }

        Total += WarningTotal - _warnings.Count;
        _warnings.Clear();
        _groups.Clear();
        WarningTotal = 0;
    }

    public void Warn(string file, int line, int column, string message) => Warn(new ImportError(file, line, column, message));

    public void Warn(ImportError warning)
    {
        var rule = WarningGroup.RuleOf(warning.Message);
        if (!_groups.TryGetValue(rule, out var group))
        {
            _groups[rule] = group = new WarningGroup(rule);
        }

        group.Count++;
        if (group.First.Count < WarningGroup.Shown)
        {
            group.First.Add(warning);
        }

        WarningTotal++;
        if (_warnings.Count < cap)
        {
            _warnings.Add(warning);
        }
    }

    public void Add(string file, int line, int column, string message) => Add(new ImportError(file, line, column, message));

    public void Add(ImportError error)
    {
        Total++;
        if (_errors.Count < cap)
        {
            _errors.Add(error);
        }
    }
}
