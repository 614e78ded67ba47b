using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>
/// Answers one OneRoster read: the collection's page (filtered, sorted, limited, with <c>X-Total-Count</c> and <c>Link</c>)
/// or one record, each record masked by the agreement and cut to the requested fields.
/// </summary>
public sealed class OneRosterReader(IRosterData roster, AppDbContext db, PageCursors cursors, IOptions<OneRosterApiOptions> options)
{
    public const string CallerKey = "OneRoster.Caller";

    public async Task<IOneRosterAnswer> ListAsync<T>(
        HttpContext http, OneRosterVersion version, ApiResource<T> resource, Func<ApiSource, Task<IQueryable<T>?>> from,
        Func<ApiSource, IReadOnlyList<T>, PageContext, Task>? enrich = null) where T : RosterRecord
    {
        var caller = (ApiCaller)http.Items[CallerKey]!;
        var (query, error) = ApiQueries.Parse(http.Request.Query, resource, caller.Fields, version, options.Value.MaxLimit);
        if (query is null)
        {
            return new OneRosterErrorResult(error!);
        }

        var source = new ApiSource(caller, query.IncludesRemoved, roster, db, http);
        if (await from(source) is not { } rows)
        {
            return new OneRosterErrorResult(OneRosterError.NotFound($"There is no such record as {http.Request.Path.Value}'s parent."));
        }

        if (query.Predicate is { } predicate)
        {
            rows = rows.Where(predicate);
        }

        var ct = http.RequestAborted;
        var key = string.Join('\n', caller.AppId, caller.Revision, version, http.Request.Path.Value, query.FilterText, query.Sort, query.Descending,
            (await roster.LastModifiedAsync(ct))?.UtcTicks);
        var total = await cursors.CountAsync(key, () => rows.CountAsync(ct));
        var page = await PageAsync(rows, query, key, ct);
        var context = new PageContext(version, BaseUrl(http, version));
        if (enrich is not null && page.Count > 0)
        {
            await enrich(source, page, context);
        }

        var masked = page.Select(r => resource.Mask(r, caller.Fields)).ToList();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture),
        };
        if (Links(http, query.Offset, query.Limit, total) is { Length: > 0 } links)
        {
            headers["Link"] = links;
        }

        return new OneRosterJsonResult(masked.Count, PeopleOf(masked), headers, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray(resource.Plural);
            foreach (var row in masked)
            {
                resource.Write(json, row, context, query.Fields);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public async Task<IOneRosterAnswer> OneAsync<T>(
        HttpContext http, OneRosterVersion version, ApiResource<T> resource, Func<ApiSource, IQueryable<T>> from,
        Func<ApiSource, IReadOnlyList<T>, PageContext, Task>? enrich = null) where T : RosterRecord
    {
        var caller = (ApiCaller)http.Items[CallerKey]!;
        var (fields, error) = ApiQueries.FieldsOf(http.Request.Query, resource);
        if (error is not null)
        {
            return new OneRosterErrorResult(error);
        }

        var source = new ApiSource(caller, includeRemoved: false, roster, db, http);
        var id = source.Id();
        var row = await from(source).Where(r => r.SourcedId == id).FirstOrDefaultAsync(http.RequestAborted);
        if (row is null)
        {
            // The same answer whether the record does not exist or lies outside the app's agreement.
            return new OneRosterErrorResult(OneRosterError.NotFound($"There is no {resource.Singular} with sourcedId {id}."));
        }

        var context = new PageContext(version, BaseUrl(http, version));
        if (enrich is not null)
        {
            await enrich(source, [row], context);
        }

        var masked = resource.Mask(row, caller.Fields);
        return new OneRosterJsonResult(1, PeopleOf([masked]), new Dictionary<string, string>(), json =>
        {
            json.WriteStartObject();
            json.WritePropertyName(resource.Singular);
            resource.Write(json, masked, context, fields);
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// In sourcedId order a page after the first starts after the last sourcedId the page before it ended on, when this
    /// node served that page: the unique index answers it at any depth, where an offset would read every row before it.
    /// </summary>
    private async Task<List<T>> PageAsync<T>(IQueryable<T> rows, ApiQuery<T> query, string key, CancellationToken ct) where T : RosterRecord
    {
        if (query.ByKey)
        {
            var after = query.Offset > 0 ? cursors.After(key, query.Offset) : null;
            var ordered = after is null
                ? rows.OrderBy(r => r.SourcedId).Skip(query.Offset)
                : rows.Where(r => r.SourcedId.CompareTo(after) > 0).OrderBy(r => r.SourcedId);
            var page = await ordered.Take(query.Limit).ToListAsync(ct);
            if (page.Count > 0)
            {
                cursors.Remember(key, query.Offset + page.Count, page[^1].SourcedId);
            }

            return page;
        }

        var sorted = query.SortColumn is { } column ? Sorted(rows, column, query.Descending) : rows.OrderByDescending(r => r.SourcedId);
        return await sorted.Skip(query.Offset).Take(query.Limit).ToListAsync(ct);
    }

    private static IOrderedQueryable<T> Sorted<T>(IQueryable<T> rows, LambdaExpression column, bool descending) where T : RosterRecord
    {
        var row = Expression.Parameter(typeof(T), "row");
        var key = Expression.Lambda(ApiFields.Body(column, row), row);
        var call = Expression.Call(typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy),
            [typeof(T), key.ReturnType], rows.Expression, Expression.Quote(key));
        var ordered = (IOrderedQueryable<T>)rows.Provider.CreateQuery<T>(call);
        return descending ? ordered.ThenByDescending(r => r.SourcedId) : ordered.ThenBy(r => r.SourcedId);
    }

    private static List<Guid> PeopleOf<T>(IReadOnlyList<T> rows) =>
        rows switch
        {
            IReadOnlyList<RosterUser> users => users.Select(u => u.Id).ToList(),
            IReadOnlyList<RosterDemographics> demographics => demographics.Select(d => d.Id).ToList(),
            _ => [],
        };

    public static string BaseUrl(HttpContext http, OneRosterVersion version) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{version.BasePath()}";

    /// <summary>RFC 8288 links to the first, previous, next and last pages, with the request's other parameters.</summary>
    private static string Links(HttpContext http, int offset, int limit, int total)
    {
        var request = http.Request;
        var others = request.Query.Where(q => q.Key is not ("limit" or "offset")).ToList();
        string Link(int at, string rel)
        {
            var url = new StringBuilder($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?");
            foreach (var (name, values) in others)
            {
                url.Append(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(values.ToString())}&");
            }

            url.Append(CultureInfo.InvariantCulture, $"limit={limit}&offset={at}");
            return $"<{url}>; rel=\"{rel}\"";
        }

        var last = total == 0 ? 0 : (total - 1) / limit * limit;
        var links = new List<string> { Link(0, "first") };
        if (offset > 0)
        {
            links.Add(Link(Math.Max(0, offset - limit), "prev"));
        }

        if (offset + limit < total)
        {
            links.Add(Link(offset + limit, "next"));
        }

        links.Add(Link(last, "last"));
        return string.Join(", ", links);
    }
}

/// <summary>
/// What this node remembers between the pages of one walk through a collection: its count, and where each page it served
/// ended, keyed by the app, its agreement's revision, the query and the Directory's last import (a new import starts afresh).
/// </summary>
public sealed class PageCursors : IDisposable
{
    private static readonly TimeSpan CountLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CursorLifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<int> CountAsync(string key, Func<Task<int>> count)
    {
        var entry = "count\n" + key;
        if (_cache.TryGetValue(entry, out int known))
        {
            return known;
        }

        var total = await count();
        _cache.Set(entry, total, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CountLifetime });
        return total;
    }

    public string? After(string key, int offset) => _cache.TryGetValue(Cursor(key, offset), out string? after) ? after : null;

    public void Remember(string key, int offset, string lastSourcedId) =>
        _cache.Set(Cursor(key, offset), lastSourcedId, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = CursorLifetime });

    private static string Cursor(string key, int offset) => string.Create(CultureInfo.InvariantCulture, $"after\n{key}\n{offset}");

    public void Dispose() => _cache.Dispose();
}
