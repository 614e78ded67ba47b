using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Infrastructure;

/// <summary>
/// Records the SQL of every command the app runs inside an HTTP request (background work has no request and is not
/// counted), so a test can hold a request to a number of round trips. Register with <see cref="AddTo"/>.
/// </summary>
public sealed class StatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> statements = new();

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<StatementCounter>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<StatementCounter>());
    }

    /// <summary>The statements the request run by <paramref name="request"/> executed, in order.</summary>
    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> request)
    {
        statements.Clear();
        await request();
        return [.. statements];
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        if (http.HttpContext is not null)
        {
            statements.Enqueue(command.CommandText);
        }

        return result;
    }
}
