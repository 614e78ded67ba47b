using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// For the load bench (bench/README.md): with <c>Diagnostics:CountStatements=true</c> every response says how many
/// database commands and transactions its request ran, so round trips per request are measured on the real app over
/// sockets. Off by default: nothing is registered and no header is written.
/// </summary>
public static class StatementCounting
{
    public const string Setting = "Diagnostics:CountStatements";
    public const string CommandsHeader = "X-Db-Commands";
    public const string TransactionsHeader = "X-Db-Transactions";

    private static readonly AsyncLocal<Counts?> Current = new();

    public static IServiceCollection AddStatementCounting(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Setting))
        {
            services.AddSingleton<IInterceptor, StatementCounter>();
        }

        return services;
    }

    public static IApplicationBuilder UseStatementCounting(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(Setting))
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            var counts = new Counts();
            Current.Value = counts;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[CommandsHeader] = Volatile.Read(ref counts.Commands).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers[TransactionsHeader] = Volatile.Read(ref counts.Transactions).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    private sealed class Counts
    {
        public int Commands;
        public int Transactions;
    }

    private sealed class StatementCounter : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            CountTransaction();
            return result;
        }

        public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            CountTransaction();
            return ValueTask.FromResult(result);
        }

        private static T Count<T>(T result)
        {
            if (Current.Value is { } counts)
            {
                Interlocked.Increment(ref counts.Commands);
            }

            return result;
        }

        private static void CountTransaction()
        {
            if (Current.Value is { } counts)
            {
                Interlocked.Increment(ref counts.Transactions);
            }
        }
    }
}
