using System.Globalization;
using System.Linq.Expressions;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>
/// A collection request's <c>limit</c>, <c>offset</c>, <c>filter</c>, <c>sort</c>, <c>orderBy</c> and <c>fields</c>, checked
/// against the record's fields and the agreement: a field the app does not receive cannot be filtered or sorted on.
/// </summary>
public sealed class ApiQuery<T> where T : RosterRecord
{
    public const int DefaultLimit = 100;

    internal ApiQuery()
    {
    }

    public int Limit { get; internal init; } = DefaultLimit;

    public int Offset { get; internal init; }

    public string? FilterText { get; internal init; }

    public Expression<Func<T, bool>>? Predicate { get; internal init; }

    /// <summary>Whether the filter asks about changes (dateLastModified) or a status other than active, so rows the source removed come too, as tobedeleted.</summary>
    public bool IncludesRemoved { get; internal init; }

    public string? Sort { get; internal init; }

    public LambdaExpression? SortColumn { get; internal init; }

    public bool Descending { get; internal init; }

    /// <summary>The fields to write; null writes them all.</summary>
    public IReadOnlySet<string>? Fields { get; internal init; }

    /// <summary>Ordered by sourcedId ascending, so a page can start after the last sourcedId of the page before it.</summary>
    public bool ByKey => SortColumn is null && !Descending;
}

/// <summary>Reads a collection request's parameters into an <see cref="ApiQuery{T}"/>, or the binding's error for the first bad one.</summary>
public static class ApiQueries
{
    public static (ApiQuery<T>? Query, OneRosterError? Error) Parse<T>(
        IQueryCollection query, ApiResource<T> resource, SharedFields shared, OneRosterVersion version, int maxLimit)
        where T : RosterRecord
    {
        var (fields, fieldsError) = FieldsOf(query, resource);
        if (fieldsError is not null)
        {
            return (null, fieldsError);
        }

        if (Whole(query, "limit", 1, ApiQuery<T>.DefaultLimit) is not { } limit || Whole(query, "offset", 0, 0) is not { } offset)
        {
            return (null, OneRosterError.BadSelection("limit must be a whole number of at least 1, and offset a whole number of at least 0."));
        }

        var orderBy = query["orderBy"].ToString();
        if (orderBy is not ("" or "asc" or "desc"))
        {
            return (null, OneRosterError.BadSelection($"orderBy must be asc or desc; got '{Cut(orderBy)}'."));
        }

        var sort = query["sort"].ToString();
        if (sort.Length > 0 && ApiFields.Unusable(sort, resource.Fields, shared, "sort") is { } unusable)
        {
            return (null, new OneRosterError(StatusCodes.Status400BadRequest, version.InvalidSort(), "sort: " + unusable));
        }

        var filter = query["filter"].ToString();
        Expression<Func<T, bool>>? predicate = null;
        var removed = false;
        if (filter.Length > 0)
        {
            var (node, syntax) = FilterParser.Parse(filter);
            if (node is null)
            {
                return (null, OneRosterError.BadFilter("filter: " + syntax));
            }

            var (built, error) = ApiFields.Predicate(node, resource.Fields, shared);
            if (built is null)
            {
                return (null, OneRosterError.BadFilter("filter: " + error));
            }

            predicate = built;
            // status='active' (School Data Sync sends it on every call) cannot match a removed row: it stays on the plain path.
            removed = node.Conditions.Any(c => c.Field == "dateLastModified"
                || (c.Field == "status" && !(c.Operator == FilterOperator.Equal && c.Value == "active")));
        }

        return (new ApiQuery<T>
        {
            Limit = Math.Min(limit, maxLimit), Offset = offset, FilterText = filter.Length > 0 ? filter : null, Predicate = predicate, IncludesRemoved = removed,
            Sort = sort.Length > 0 ? sort : null, SortColumn = sort.Length > 0 ? resource.Fields[sort].Column : null, Descending = orderBy == "desc", Fields = fields,
        }, null);
    }

    /// <summary>Only <c>fields</c>, for a single record.</summary>
    public static (IReadOnlySet<string>? Fields, OneRosterError? Error) FieldsOf<T>(IQueryCollection query, ApiResource<T> resource)
        where T : RosterRecord
    {
        var text = query["fields"].ToString();
        if (text.Length == 0)
        {
            return (null, null);
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Where(n => resource.Written.All(f => f.Name != n)).Order(StringComparer.Ordinal).ToList();
        return unknown.Count > 0
            ? (null, OneRosterError.BadSelection($"fields: {string.Join(", ", unknown.Select(Cut))} {(unknown.Count == 1 ? "is not a field" : "are not fields")} of {resource.Plural}."))
            : (names, null);
    }

    private static int? Whole(IQueryCollection query, string name, int least, int missing)
    {
        var text = query[name].ToString();
        return text.Length == 0 ? missing
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least ? value : null;
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
