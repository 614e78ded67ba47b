namespace DistrictOps.Web.Platform;

/// <summary>
/// Collects a request's problems by field while a handler checks it, so each rule is one line:
/// <code>
/// var errors = new ErrorList();
/// var title = errors.Required("title", command.Title, "Give the ticket a title.");
/// errors.MaxLength("title", title, Ticket.TitleMaxLength);
/// if (errors.Any) return Result.Invalid(errors);
/// </code>
/// Field names are camelCase, as the API and the pages name them.
/// </summary>
public sealed class ErrorList
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public bool Has(string field) => byField.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The value trimmed, or null with the message when it is missing or blank.</summary>
    public string? Required(string field, string? value, string message)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, message);
            return null;
        }

        return trimmed;
    }

    /// <summary>True when the value (trimmed) fits; null fits.</summary>
    public bool MaxLength(string field, string? value, int maxLength, string? message = null)
    {
        var length = value?.Trim().Length ?? 0;
        if (length <= maxLength)
        {
            return true;
        }

        Add(field, message ?? $"At most {maxLength} characters; this is {length}.");
        return false;
    }

    /// <summary>True when the value is within min and max; null is left to <see cref="Required"/>.</summary>
    public bool Range(string field, int? value, int min, int max, string? message = null)
    {
        if (value is null || (value >= min && value <= max))
        {
            return true;
        }

        Add(field, message ?? $"Expected a whole number from {min} to {max}; got {value}.");
        return false;
    }

    /// <summary>True when the value is one of the enum's names (JSON can carry numbers no member has).</summary>
    public bool Defined<TEnum>(string field, TEnum? value, string? message = null)
        where TEnum : struct, Enum
    {
        if (value is not { } v || Enum.IsDefined(v))
        {
            return true;
        }

        Add(field, message ?? $"Expected one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return false;
    }

    /// <summary>Adds another list's problems, each field name put under a prefix (<c>BV-000001.status</c>).</summary>
    public void AddAll(ErrorList other, string prefix = "")
    {
        foreach (var (field, messages) in other.byField)
        {
            foreach (var message in messages)
            {
                Add(prefix + field, message);
            }
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
