using System.Text.RegularExpressions;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>What the proposal does to a title: keeps it, adds it, renames it, changes how many hold it, or drops it.</summary>
public enum TitleChangeKind
{
    Same,
    Resized,
    Retitled,
    New,
    Eliminated,
}

/// <summary>A title in one structure or both: how many positions and FTE it has in each, and what the proposal makes of it.</summary>
public sealed record TitleChange(TitleChangeKind Kind, string? CurrentTitle, int CurrentPositions, decimal CurrentFte, string? ProposedTitle, int ProposedPositions, decimal ProposedFte)
{
    public decimal NetFte => ProposedFte - CurrentFte;
}

/// <summary>A position's title, FTE and change note, as the comparison reads them.</summary>
public sealed record TitledPosition(string Title, decimal Fte, string? Change);

/// <summary>
/// The current structure against the proposed one, title by title (pure). A proposed title comes from the current title its change
/// note names ("Retitled from Desktop Technician; …"), else from the same title today, else it is new; a current title no proposed
/// title comes from is eliminated.
/// </summary>
public static partial class TitleChanges
{
    public static IReadOnlyList<TitleChange> Compare(IReadOnlyList<TitledPosition> current, IReadOnlyList<TitledPosition> proposed)
    {
        var today = current.GroupBy(p => p.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (Title: g.First().Title.Trim(), Count: g.Count(), Fte: g.Sum(p => p.Fte)), StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var changes = new List<TitleChange>();
        foreach (var title in proposed.GroupBy(p => p.Title.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var (count, fte) = (title.Count(), title.Sum(p => p.Fte));
            var from = title.Select(p => RetitledFrom(p.Change)).FirstOrDefault(f => f is not null && today.ContainsKey(f)) ?? (today.ContainsKey(title.Key) ? title.Key : null);
            if (from is null)
            {
                changes.Add(new TitleChange(TitleChangeKind.New, null, 0, 0, title.First().Title.Trim(), count, fte));
                continue;
            }

            taken.Add(from);
            var was = today[from];
            var kind = !string.Equals(from, title.Key, StringComparison.OrdinalIgnoreCase) ? TitleChangeKind.Retitled
                : was.Count != count || was.Fte != fte ? TitleChangeKind.Resized : TitleChangeKind.Same;
            changes.Add(new TitleChange(kind, was.Title, was.Count, was.Fte, title.First().Title.Trim(), count, fte));
        }

        changes.AddRange(today.Values.Where(t => !taken.Contains(t.Title))
            .Select(t => new TitleChange(TitleChangeKind.Eliminated, t.Title, t.Count, t.Fte, null, 0, 0)));
        return changes;
    }

    /// <summary>The title a change note says a position was retitled from ("Retitled from X; …" or "Retitled from X."), or null.</summary>
    public static string? RetitledFrom(string? change)
    {
        var match = change is null ? Match.Empty : RetitledPattern().Match(change);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"\bRetitled from ([^;.\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RetitledPattern();
}
