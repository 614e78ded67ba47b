using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DistrictOps.IntegrationTests.Infrastructure;

/// <summary>A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps every message it accepts.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        var sink = new SmtpSink(port ?? FreePort());
        await sink.WaitUntilListeningAsync();
        return sink;
    }

    /// <summary>The first message accepted that matches, waiting for it up to the timeout.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
            {
                throw new TimeoutException("No matching message arrived. Received: " + string.Join(" | ", _messages.Select(m => $"{m.To} {m.Subject}")));
            }

            await Task.Delay(50);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(10) && !_running.IsCompleted)
            {
                await Task.Delay(25);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped, or a session is still closing: either way nothing more is kept.
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
