using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Data;

/// <summary>The list page asked for: <c>page</c> from 1 (to 100,000), <c>pageSize</c> 50 by default and 500 at most.</summary>
public readonly record struct PageRequest
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;
    public const int MaxPage = 100_000;

    public PageRequest(int? page, int? pageSize)
    {
        Page = Math.Clamp(page ?? 1, 1, MaxPage);
        Size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
    }

    public int Page { get; }

    public int Size { get; }

    public int Skip => (Page - 1) * Size;
}

/// <summary>One page of a list, as every list endpoint and page returns it.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public static class PagingExtensions
{
    /// <summary>Pages an ordered query; the query must already have a stable ORDER BY.</summary>
    public static async Task<PagedResult<T>> ToPagedResultAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new PagedResult<T>(items, total, page.Page, page.Size);
    }
}
