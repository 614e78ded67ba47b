using System.Collections.Concurrent;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class LoggingTests
{
    [Theory]
    [Providers]
    public async Task Request_logs_carry_a_request_id_and_the_route_but_never_the_path_or_query(DatabaseProvider provider)
    {
        var sink = new CapturingLoggerProvider();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<ILoggerProvider>(sink));
        var admin = await app.ApiClientAsync("admin@bayview.example");

        var response = await admin.GetAsync("/api/v1/users?query=Maria%20Student-Surname");
        response.EnsureSuccessStatusCode();

        var line = Assert.Single(sink.Lines, l => l.Message.StartsWith("HTTP GET /api/v1/users", StringComparison.Ordinal));
        Assert.Contains("RequestId=", line.Scopes, StringComparison.Ordinal);
        Assert.Contains("responded 200", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Lines, l => (l.Message + l.Scopes).Contains("Surname", StringComparison.Ordinal));
    }

    private sealed record LogLine(string Category, string Message, string Scopes);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<LogLine> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                    }

                    list.Add(scope?.ToString() ?? "");
                }, scopes);
                owner.Lines.Enqueue(new LogLine(category, formatter(state, exception), string.Join(" ", scopes)));
            }
        }
    }
}
