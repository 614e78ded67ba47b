using System.Globalization;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.Primitives;

namespace DistrictOps.Web.Platform.Http;

/// <summary>
/// Reads a query string as text, so a bad value is reported by its parameter's name instead of failing the
/// binding or being ignored: <c>page: expected a whole number from 1 to 100000; got 'x'.</c> Blank values
/// count as absent. Every list reads its paging with <see cref="Paging"/>, so every list has the same rules.
/// </summary>
public sealed class QueryReader(IQueryCollection query)
{
    private const int ShownValueLength = 40;

    public ErrorList Errors { get; } = new();

    /// <summary>The value trimmed, or null when absent or blank.</summary>
    public string? Text(string name, int maxLength)
    {
        var text = Raw(name);
        if (text is not null && text.Length > maxLength)
        {
            Errors.Add(name, $"{name}: expected at most {maxLength} characters; got {text.Length}.");
            return null;
        }

        return text;
    }

    /// <summary>Every value of a repeated or comma-separated parameter (<c>status=New&amp;status=Open</c>, <c>status=New,Open</c>).</summary>
    public IReadOnlyList<string> List(string name) =>
        query.TryGetValue(name, out var values)
            ? values.OfType<string>().SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    public Guid? Id(string name, string what)
    {
        var text = Raw(name);
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        return Refuse<Guid>(name, what, text);
    }

    public int? WholeNumber(string name, int min, int max)
    {
        var text = Raw(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        return Refuse<int>(name, $"a whole number from {min} to {max}", text);
    }

    public DateOnly? Date(string name)
    {
        var text = Raw(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return Refuse<DateOnly>(name, "a date as YYYY-MM-DD", text);
    }

    /// <summary>A span of district days, either end open; a last day before the first is refused under <c>to</c>.</summary>
    public (DateOnly? From, DateOnly? To) Days(string from = "from", string to = "to")
    {
        var first = Date(from);
        var last = Date(to);
        if (first > last)
        {
            Errors.Add(to, $"{to}: expected a day on or after {from} ({first:yyyy-MM-dd}); got '{last:yyyy-MM-dd}'.");
        }

        return (first, last);
    }

    /// <summary>A member of the enum by name, any case; numbers are refused so that only named values are accepted.</summary>
    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var text = Raw(name);
        return text is null ? null : Named<TEnum>(name, text);
    }

    /// <summary>One value of a <see cref="List"/> as a member of the enum, reported under the list's name.</summary>
    public TEnum? Named<TEnum>(string name, string text)
        where TEnum : struct, Enum
    {
        if (!text.Any(char.IsAsciiDigit) && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        return Refuse<TEnum>(name, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>()), text);
    }

    /// <summary><c>page</c> (1 to 100,000) and <c>pageSize</c> (1 to 500; 50 unless the list says otherwise), the same on every list.</summary>
    public PageRequest Paging(int defaultSize = PageRequest.DefaultSize) =>
        new(WholeNumber("page", 1, PageRequest.MaxPage), WholeNumber("pageSize", 1, PageRequest.MaxSize) ?? defaultSize);

    /// <summary>A reader over values a caller has already picked out of a query (a list's bound parameters).</summary>
    public static QueryReader Of(params (string Name, string? Value)[] values) =>
        new(new QueryCollection(values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => new StringValues(v.Value), StringComparer.OrdinalIgnoreCase)));

    /// <summary>Only the paging of a list that has no other query to read.</summary>
    public static Result<PageRequest> ReadPaging(IQueryCollection query, int defaultSize = PageRequest.DefaultSize)
    {
        var reader = new QueryReader(query);
        return reader.Then(reader.Paging(defaultSize));
    }

    /// <summary>The problems found, or the value read when there are none.</summary>
    public Result<T> Then<T>(T value) => Errors.Any ? Result.Invalid(Errors) : value;

    private string? Raw(string name) =>
        query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) && values.ToString().Trim() is { Length: > 0 } text ? text : null;

    private T? Refuse<T>(string name, string expected, string text)
        where T : struct
    {
        var shown = text.Length > ShownValueLength ? text[..ShownValueLength] + "…" : text;
        Errors.Add(name, $"{name}: expected {expected}; got '{shown}'.");
        return null;
    }
}
