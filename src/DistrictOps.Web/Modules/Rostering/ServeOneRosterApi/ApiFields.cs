using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>How a field's filter values are read and compared.</summary>
public enum FieldKind
{
    Text,

    /// <summary>A dateTime (dateLastModified): a value is an ISO 8601 date or date and time, UTC when it names no zone.</summary>
    Instant,

    /// <summary>A date (startDate, birthDate): YYYY-MM-DD.</summary>
    Date,

    /// <summary>"true" or "false".</summary>
    Flag,
}

/// <summary>What writing one page of records needs besides the records: the version, where links point, and the links.</summary>
public sealed class PageContext(OneRosterVersion version, string baseUrl)
{
    public OneRosterVersion Version { get; } = version;

    /// <summary>The version's base URL (scheme, host and base path), for the href of every GUIDRef.</summary>
    public string BaseUrl { get; } = baseUrl;

    public IReadOnlyDictionary<Guid, RosterUserLinks> UserLinks { get; set; } = new Dictionary<Guid, RosterUserLinks>();

    /// <summary>The orgs' and sessions' children in scope, by the parent's sourcedId.</summary>
    public ILookup<string, string> Children { get; set; } = Array.Empty<string>().ToLookup(c => c);

    public void Ref(Utf8JsonWriter json, string name, string type, string? sourcedId)
    {
        if (string.IsNullOrEmpty(sourcedId))
        {
            return;
        }

        json.WritePropertyName(name);
        RefObject(json, type, sourcedId);
    }

    public void Refs(Utf8JsonWriter json, string name, string type, IEnumerable<string> sourcedIds)
    {
        json.WriteStartArray(name);
        foreach (var id in sourcedIds)
        {
            RefObject(json, type, id);
        }

        json.WriteEndArray();
    }

    private void RefObject(Utf8JsonWriter json, string type, string sourcedId)
    {
        json.WriteStartObject();
        json.WriteString("href", $"{BaseUrl}/{Collection(type)}/{Uri.EscapeDataString(sourcedId)}");
        json.WriteString("sourcedId", sourcedId);
        json.WriteString("type", type);
        json.WriteEndObject();
    }

    private static string Collection(string type) => type switch
    {
        "academicSession" => "academicSessions",
        "class" => "classes",
        _ => type + "s",
    };
}

/// <summary>
/// One field of a OneRoster record: its name in the version's JSON, how it is written, and, when it can be filtered and
/// sorted on, the column it reads. A field the agreement does not share (<see cref="Needs"/>) is written empty and may
/// not be filtered or sorted on, so its values cannot be probed.
/// </summary>
public sealed class ApiField<T>
{
    public required string Name { get; init; }

    public LambdaExpression? Column { get; init; }

    public FieldKind Kind { get; init; }

    public SharedFields Needs { get; init; }

    public required Action<Utf8JsonWriter, T, PageContext> Write { get; init; }
}

/// <summary>Builds fields from one expression each, so filtering (in SQL) and writing (in memory) read the same column.</summary>
public static class ApiFields
{
    public static ApiField<T> Text<T>(string name, Expression<Func<T, string?>> column, SharedFields needs = SharedFields.None)
    {
        var read = column.Compile();
        return new ApiField<T>
        {
            Name = name, Column = column, Kind = FieldKind.Text, Needs = needs,
            Write = (json, row, _) =>
            {
                if (read(row) is { } value)
                {
                    json.WriteString(name, value);
                }
            },
        };
    }

    /// <summary>A comma-separated column written as a list (grades, subjects, periods); filtered as its text.</summary>
    public static ApiField<T> List<T>(string name, Expression<Func<T, string?>> column, SharedFields needs = SharedFields.None)
    {
        var read = column.Compile();
        return new ApiField<T>
        {
            Name = name, Column = column, Kind = FieldKind.Text, Needs = needs,
            Write = (json, row, _) =>
            {
                json.WriteStartArray(name);
                foreach (var item in (read(row) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
            },
        };
    }

    public static ApiField<T> Flag<T>(string name, Expression<Func<T, bool>> column)
    {
        var read = column.Compile();
        return new ApiField<T> { Name = name, Column = column, Kind = FieldKind.Flag, Write = (json, row, _) => json.WriteFlag(name, read(row)) };
    }

    public static ApiField<T> NullableFlag<T>(string name, Expression<Func<T, bool?>> column, SharedFields needs)
    {
        var read = column.Compile();
        return new ApiField<T>
        {
            Name = name, Column = column, Kind = FieldKind.Flag, Needs = needs,
            Write = (json, row, _) =>
            {
                if (read(row) is { } value)
                {
                    json.WriteFlag(name, value);
                }
            },
        };
    }

    public static ApiField<T> Date<T>(string name, Expression<Func<T, DateOnly?>> column, SharedFields needs = SharedFields.None)
    {
        var read = column.Compile();
        return new ApiField<T>
        {
            Name = name, Column = column, Kind = FieldKind.Date, Needs = needs,
            Write = (json, row, _) =>
            {
                if (read(row) is { } value)
                {
                    json.WriteString(name, OneRosterVersions.Date(value));
                }
            },
        };
    }

    /// <summary>A field that is only written (links, lists of links): it cannot be filtered or sorted on.</summary>
    public static ApiField<T> Written<T>(string name, Action<Utf8JsonWriter, T, PageContext> write) => new() { Name = name, Write = write };

    /// <summary>sourcedId, status and dateLastModified, which every record has.</summary>
    public static IEnumerable<ApiField<T>> Base<T>() where T : RosterRecord
    {
        yield return Text<T>("sourcedId", r => r.SourcedId);
        yield return Text<T>("status", r => r.Left ? "tobedeleted" : "active");
        yield return new ApiField<T>
        {
            Name = "dateLastModified", Column = (Expression<Func<T, DateTimeOffset?>>)(r => r.ModifiedAt), Kind = FieldKind.Instant,
            Write = (json, row, _) => json.WriteString("dateLastModified", OneRosterVersions.Instant(row.ModifiedAt)),
        };
    }

    /// <summary>The filter as a predicate on the query, or the error naming the field or value that cannot be used.</summary>
    public static (Expression<Func<T, bool>>? Predicate, string? Error) Predicate<T>(FilterNode filter, IReadOnlyDictionary<string, ApiField<T>> fields, SharedFields shared)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var (body, error) = Build(filter, fields, shared, row);
        return body is null ? (null, error) : (Expression.Lambda<Func<T, bool>>(body, row), null);
    }

    /// <summary>Why the field cannot be filtered or sorted on, or null when it can.</summary>
    public static string? Unusable<T>(string name, IReadOnlyDictionary<string, ApiField<T>> fields, SharedFields shared, string use) =>
        !fields.TryGetValue(name, out var field) ? $"{name} is not a field of this collection."
        : field.Column is null ? $"{name} cannot be used to {use}."
        : field.Needs != SharedFields.None && !shared.HasFlag(field.Needs) ? $"{name} is not shared with this app, so it cannot be used to {use}."
        : null;

    public static Expression Body(LambdaExpression column, ParameterExpression row) => new Rebind(column.Parameters[0], row).Visit(column.Body);

    private static (Expression? Body, string? Error) Build<T>(FilterNode node, IReadOnlyDictionary<string, ApiField<T>> fields, SharedFields shared, ParameterExpression row)
    {
        if (node is FilterCondition condition)
        {
            return Compare(condition, fields, shared, row);
        }

        var parts = node is FilterAll all ? all.Parts : ((FilterAny)node).Parts;
        Expression? result = null;
        foreach (var part in parts)
        {
            var (body, error) = Build(part, fields, shared, row);
            if (body is null)
            {
                return (null, error);
            }

            result = result is null ? body : node is FilterAll ? Expression.AndAlso(result, body) : Expression.OrElse(result, body);
        }

        return (result, null);
    }

    private static (Expression? Body, string? Error) Compare<T>(FilterCondition condition, IReadOnlyDictionary<string, ApiField<T>> fields, SharedFields shared, ParameterExpression row)
    {
        if (Unusable(condition.Field, fields, shared, "filter") is { } unusable)
        {
            return (null, unusable);
        }

        var field = fields[condition.Field];
        if (field.Kind != FieldKind.Text && condition.Operator == FilterOperator.Contains)
        {
            return (null, $"{condition.Field}: ~ (contains) compares text; use = != > >= < <= here.");
        }

        var column = Body(field.Column!, row);
        return field.Kind switch
        {
            FieldKind.Text => (CompareText(column, condition), null),
            FieldKind.Instant => ParseInstant(condition.Value) is { } at ? Ordered(column, Expression.Constant(at, typeof(DateTimeOffset?)), condition) : (null, $"{condition.Field}: expected a date and time like 2026-09-01T00:00:00Z; got '{condition.Value}'."),
            FieldKind.Date => DateOnly.TryParseExact(condition.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? Ordered(Expression.Convert(column, typeof(DateOnly?)), Expression.Constant(date, typeof(DateOnly?)), condition)
                : (null, $"{condition.Field}: expected a date as YYYY-MM-DD; got '{condition.Value}'."),
            _ => CompareFlag(column, condition),
        };
    }

    private static BinaryExpression CompareText(Expression column, FilterCondition condition)
    {
        var value = Expression.Constant(condition.Value, typeof(string));
        if (condition.Operator == FilterOperator.Contains)
        {
            var upper = typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!;
            var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
            return Expression.AndAlso(
                Expression.NotEqual(column, Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(column, upper), contains, Expression.Constant(condition.Value.ToUpperInvariant(), typeof(string))));
        }

        if (condition.Operator is FilterOperator.Equal or FilterOperator.NotEqual)
        {
            return condition.Operator == FilterOperator.Equal ? Expression.Equal(column, value) : Expression.NotEqual(column, value);
        }

        var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, column, value);
        return Relation(compare, Expression.Constant(0), condition.Operator);
    }

    private static (Expression? Body, string? Error) Ordered(Expression column, Expression value, FilterCondition condition) =>
        (Relation(column, value, condition.Operator), null);

    private static (Expression? Body, string? Error) CompareFlag(Expression column, FilterCondition condition)
    {
        if (!bool.TryParse(condition.Value, out var flag) || condition.Operator is not (FilterOperator.Equal or FilterOperator.NotEqual))
        {
            return (null, $"{condition.Field}: expected = 'true', = 'false' or != either.");
        }

        var value = Expression.Constant(flag, column.Type);
        return (condition.Operator == FilterOperator.Equal ? Expression.Equal(column, value) : Expression.NotEqual(column, value), null);
    }

    private static BinaryExpression Relation(Expression left, Expression right, FilterOperator op) => op switch
    {
        FilterOperator.Equal => Expression.Equal(left, right),
        FilterOperator.NotEqual => Expression.NotEqual(left, right),
        FilterOperator.Greater => Expression.GreaterThan(left, right),
        FilterOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(left, right),
        FilterOperator.Less => Expression.LessThan(left, right),
        _ => Expression.LessThanOrEqual(left, right),
    };

    /// <summary>An ISO 8601 date or date and time; one without a zone is UTC, as dateLastModified always is.</summary>
    public static DateTimeOffset? ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
        && text.Length >= 10 && char.IsAsciiDigit(text[0]) ? at : null;

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
