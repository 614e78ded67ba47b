using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What agents feel: the real web app (the Release build of DistrictOps.Web, Kestrel on a loopback port, Production) in a
/// process of its own on the kept database of N tickets, driven by C concurrent HTTP clients, each with its own connection.
/// Per operation and C: throughput, latency percentiles, database commands and transactions per request (the app's
/// opt-in <see cref="StatementCounting"/> header), the load average and the web process's peak working set.
/// </summary>
internal static class LoadBench
{
    private const string SiteTech = "site.tech@bayview.example";
    private const string HelpDesk = "helpdesk@bayview.example";

    private static readonly string[] Problems = ["Projector has no picture", "Laptop won't charge", "Printer jams on every page", "Wired port dead"];

    private sealed record Operation(string Name, Func<Client, int, Task<HttpResponseMessage>> Send, HttpStatusCode Expected);

    private sealed record Sample(double Ms, int Commands, int Transactions);

    /// <summary>Runs the operations whose name contains <paramref name="only"/> (all when null; the warm-up runs them all).</summary>
    public static async Task RunAsync(string provider, Dictionary<string, string?> settings, int[] clients, TimeSpan duration, TimeSpan warmUp, string? webDll, string? only)
    {
        var (helpDeskToken, siteTechToken, schoolId) = await PrepareAsync(settings);
        using var web = WebProcess.Start(settings, webDll);
        Console.WriteLine($"DistrictOps load benchmark on {provider}: web process {web.Id} on {web.BaseAddress}, {Environment.ProcessorCount} cores, {duration.TotalSeconds:0} s per operation and C, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        await web.WaitUntilReadyAsync();
        var cookies = new CookieContainer();
        using (var signIn = new Client(web.BaseAddress, cookies, token: null))
        {
            await HelpdeskBench.SignInAsync(signIn.Http, HelpDesk);
        }

        var created = new List<string>();
        var operations = Operations(schoolId, created);
        Client NewClient(string? token) => new(web.BaseAddress, cookies, token);
        List<Client> Pool(Operation operation, int count) =>
            Enumerable.Range(0, count).Select(_ => NewClient(operation.Name.Contains("site technician", StringComparison.Ordinal) ? siteTechToken : helpDeskToken)).ToList();

        // Warm-up: JIT, caches and a pool of tickets to reply to and move, none of it measured.
        using (var warm = NewClient(helpDeskToken))
        {
            for (var i = 0; i < 20; i++)
            {
                foreach (var operation in operations)
                {
                    await Measure(operation, warm, i);
                }
            }
        }

        // Then the measured operations at the most clients, each for `warmUp`, again until the runtime's background compiler is
        // done: it compiles a method again, optimised with what it saw, only after many calls, and a round that starts before
        // that measures the first compilation (10-second rounds right after 20 calls each used a third more CPU per create than
        // 30-second ones; the compiler thread still used most of a core 20 s after the start and was quiet by 40 s).
        var measured = operations.Where(o => only is null || o.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        for (var cycle = 1; warmUp > TimeSpan.Zero; cycle++)
        {
            var started = Stopwatch.GetTimestamp();
            using var done = new CancellationTokenSource();
            var compiling = web.CompilerSecondsAsync(done.Token);
            foreach (var operation in measured)
            {
                var pool = Pool(operation, clients.Max());
                await DriveAsync(operation, pool, warmUp);
                pool.ForEach(p => p.Dispose());
            }

            await done.CancelAsync();
            var share = await compiling / Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up cycle {cycle}: the runtime's compiler thread used {share:P1} of a core"));
            if (share < 0.02 || cycle == 6)
            {
                break;
            }
        }

        Console.WriteLine();
        Console.WriteLine("| operation | C | requests | req/s | p50 | p95 | p99 | max | commands/req | transactions/req | errors | web CPU/req | bench CPU/req | load avg (1/5 min) | web peak (VmHWM) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var rounds = new List<(long Peak, long Current)>();
        foreach (var c in clients)
        {
            foreach (var operation in measured)
            {
                var pool = Pool(operation, c);
                var cpu = (Web: web.ProcessorTime(), Bench: Environment.CpuUsage.TotalTime);
                var (samples, errors, elapsed) = await DriveAsync(operation, pool, duration);
                cpu = (web.ProcessorTime() - cpu.Web, Environment.CpuUsage.TotalTime - cpu.Bench);
                pool.ForEach(p => p.Dispose());
                Print(operation.Name, c, samples, errors, elapsed, cpu, web.PeakWorkingSetMiB());
            }

            if (c == clients.Max())
            {
                rounds.Add((web.PeakWorkingSetMiB(), web.WorkingSetMiB()));
            }
        }

        Console.WriteLine();
        // The peak only rises; growth is a peak that keeps rising after the first full-load round (more than 5 %).
        var grows = rounds.Count > 1 && rounds[^1].Peak > rounds[0].Peak * 1.05;
        Console.WriteLine($"Web process after each {clients.Max()}-client round, peak (VmHWM) / current (VmRSS): "
            + $"{string.Join(", ", rounds.Select(r => $"{r.Peak:N0} / {r.Current:N0} MiB"))}: {(grows ? "GROWS across the rounds" : "no growth across the rounds")}.");
    }

    /// <summary>
    /// The six operations an agent's day is made of. Replies and status changes go to the tickets this run created
    /// (round robin), so they touch open tickets and never the same one at once unless there are fewer tickets than clients.
    /// </summary>
    private static List<Operation> Operations(Guid schoolId, List<string> created) =>
    [
        new("create ticket (API, help desk)", async (client, i) =>
        {
            var response = await client.Http.PostAsJsonAsync("/api/v1/helpdesk/tickets", new
            {
                title = $"{Problems[i % Problems.Length]} in room {100 + (i % 300)}",
                description = "Entered by the load benchmark.",
                siteId = schoolId,
                issueTypeId = 1 + (i % 8),
            });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString()!;
                lock (created)
                {
                    created.Add(number);
                }
            }

            return response;
        }, HttpStatusCode.Created),
        new("reply (API, help desk)", (client, i) =>
            client.Http.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{Pick(created, i)}/comments", new { body = "Swapped the charger; please try again.", isPublic = true }), HttpStatusCode.OK),
        new("status change (API, help desk)", (client, i) =>
            client.Http.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{Pick(created, i)}", new { status = i % 2 == 0 ? "OnHold" : "Open" }), HttpStatusCode.OK),
        new("queue page team (HTML, help desk)", (client, _) => client.Http.GetAsync("/helpdesk/queues/team"), HttpStatusCode.OK),
        new("queue API all (site technician)", (client, _) => client.Http.GetAsync("/api/v1/helpdesk/queues/all"), HttpStatusCode.OK),
        new("search 'projector' (HTML, help desk)", (client, _) => client.Http.GetAsync("/helpdesk/search?q=projector"), HttpStatusCode.OK),
    ];

    private static string Pick(List<string> created, int i)
    {
        lock (created)
        {
            return created[(i * 7919) % created.Count];
        }
    }

    /// <summary>Every client sends its next request as soon as the last one is answered, until the time is up.</summary>
    private static async Task<(List<Sample> Samples, int Errors, TimeSpan Elapsed)> DriveAsync(Operation operation, List<Client> pool, TimeSpan duration)
    {
        var samples = new List<Sample>();
        var errors = 0;
        var sequence = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(pool.Select(async client =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sample = await Measure(operation, client, Interlocked.Increment(ref sequence));
                lock (samples)
                {
                    if (sample is null)
                    {
                        errors++;
                    }
                    else
                    {
                        samples.Add(sample);
                    }
                }
            }
        }));
        return (samples, errors, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<Sample?> Measure(Operation operation, Client client, int i)
    {
        var t0 = Stopwatch.GetTimestamp();
        using var response = await operation.Send(client, i);
        var body = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (response.StatusCode != operation.Expected)
        {
            await Console.Error.WriteLineAsync($"{operation.Name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            return null;
        }

        return new Sample(ms, Header(response, StatementCounting.CommandsHeader), Header(response, StatementCounting.TransactionsHeader));
    }

    private static int Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? int.Parse(values.First(), CultureInfo.InvariantCulture) : -1;

    private static void Print(string name, int c, List<Sample> samples, int errors, TimeSpan elapsed, (TimeSpan Web, TimeSpan Bench) cpu, long peakMiB)
    {
        var ms = samples.Select(s => s.Ms).Order().ToList();
        string At(double q) => ms.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * q) - 1)]:0.0} ms");
        var load = File.ReadAllText("/proc/loadavg").Split(' ');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {c} | {samples.Count} | {samples.Count / elapsed.TotalSeconds:0.0} | {At(0.50)} | {At(0.95)} | {At(0.99)} | {At(1.0)} | "
            + $"{(samples.Count == 0 ? 0 : samples.Average(s => s.Commands)):0.0} | {(samples.Count == 0 ? 0 : samples.Average(s => s.Transactions)):0.0} | {errors} | {PerRequest(cpu.Web)} | {PerRequest(cpu.Bench)} | {load[0]} / {load[1]} | {peakMiB:N0} MiB |"));
        // CPU time of every thread of the process over the round, requests answered with an error included.
        string PerRequest(TimeSpan total) => string.Create(CultureInfo.InvariantCulture, $"{total.TotalMilliseconds / Math.Max(1, samples.Count + errors):0.00} ms");
    }

    /// <summary>API tokens for the help desk and a site technician, and a school, made in-process before the web app starts.</summary>
    private static async Task<(string HelpDesk, string SiteTech, Guid School)> PrepareAsync(Dictionary<string, string?> settings)
    {
        await using var app = await HelpdeskBench.StartAsync(settings);
        await using var scope = app.Services.CreateAsyncScope();
        var school = (await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync()).First(s => s.Type is "Elementary" or "Middle" or "High");
        return (await HelpdeskBench.CreateTokenAsync(app, HelpDesk), await HelpdeskBench.CreateTokenAsync(app, SiteTech), school.Id);
    }

    /// <summary>One simulated agent: a connection of its own, the shared sign-in cookie, and a token for the API.</summary>
    private sealed class Client : IDisposable
    {
        public Client(Uri baseAddress, CookieContainer cookies, string? token)
        {
            Http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 1 })
            {
                BaseAddress = baseAddress,
                Timeout = TimeSpan.FromMinutes(2),
            };
            if (token is not null)
            {
                Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        public HttpClient Http { get; }

        public void Dispose() => Http.Dispose();
    }

    /// <summary>
    /// The web app as operators run it: <c>dotnet DistrictOps.Web.dll</c> from the Release build, Production, Kestrel on a free
    /// loopback port, the bench's database settings as environment variables, statement counting switched on, the scheduled
    /// jobs off (on a kept database the close-solved job would close the generated solved tickets while the bench measures).
    /// </summary>
    private sealed class WebProcess : IDisposable
    {
        private readonly Process _process;

        private WebProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public int Id => _process.Id;

        private const string WebOnlyPrefix = "WEB_";

        public static WebProcess Start(Dictionary<string, string?> settings, string? webDll)
        {
            var project = Path.Combine(DistrictOpsHome.Resolve(), "src", "DistrictOps.Web");
            var dll = webDll ?? Path.Combine(project, "bin", "Release", "net10.0", "DistrictOps.Web.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is not there: build the web app in Release first (dotnet build src/DistrictOps.Web -c Release).");
            }

            var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
            foreach (var (key, value) in settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            start.Environment["Diagnostics__CountStatements"] = "true";
            start.Environment["Jobs__Enabled"] = "false";
            // Runtime settings for the web process alone (the bench's own clients keep theirs): WEB_DOTNET_gcServer=0 sets
            // DOTNET_gcServer=0 there.
            foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                if (variable.Key is string key && key.StartsWith(WebOnlyPrefix, StringComparison.Ordinal))
                {
                    start.Environment[key[WebOnlyPrefix.Length..]] = variable.Value as string;
                }
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine($"web: {e.Data}");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new WebProcess(process, baseAddress);
        }

        public async Task WaitUntilReadyAsync()
        {
            using var client = new HttpClient { BaseAddress = BaseAddress };
            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 300);
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The web process exited with {_process.ExitCode} before it was ready.");
                }

                try
                {
                    if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Kestrel is not listening yet.
                }

                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException("The web process was not ready within 5 minutes.");
                }

                await Task.Delay(250);
            }
        }

        public long PeakWorkingSetMiB() => StatusKiB("VmHWM:") / 1024;

        /// <summary>
        /// Seconds of CPU the runtime's tiered compilation threads of the web process use until <paramref name="stop"/> (Linux:
        /// /proc, read twice a second). The runtime ends an idle one and starts another, so each thread id counts from when it
        /// was first seen, or from zero when it was born after the start; a thread that ends loses at most its last half second.
        /// </summary>
        public async Task<double> CompilerSecondsAsync(CancellationToken stop)
        {
            var first = CompilerTicks();
            var last = new Dictionary<string, long>(first);
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(500, CancellationToken.None);
                foreach (var (thread, ticks) in CompilerTicks())
                {
                    last[thread] = ticks;
                }
            }

            return last.Sum(t => t.Value - first.GetValueOrDefault(t.Key)) / 100.0;
        }

        private Dictionary<string, long> CompilerTicks() =>
            Directory.EnumerateDirectories($"/proc/{_process.Id}/task")
                .Where(task => ReadOrEmpty(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                .Select(task => (Id: Path.GetFileName(task), Stat: ReadOrEmpty(Path.Combine(task, "stat")).Split(") ")))
                .Where(t => t.Stat.Length == 2)
                .ToDictionary(t => t.Id, t => UserAndSystemTicks(t.Stat[1].Split(' ')));

        // Fields 14 and 15 of /proc/…/stat, counted from the state (field 3) that follows the command's closing parenthesis.
        private static long UserAndSystemTicks(string[] fields) =>
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

        // A thread can end between listing it and reading it.
        private static string ReadOrEmpty(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (IOException)
            {
                return "";
            }
        }

        /// <summary>User and system CPU time of the web process so far, all its threads (the runtime's and the GC's too).</summary>
        public TimeSpan ProcessorTime()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        public long WorkingSetMiB() => StatusKiB("VmRSS:") / 1024;

        private long StatusKiB(string field) =>
            File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
                .Select(l => long.Parse(l[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
