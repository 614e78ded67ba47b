using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.DeliverRoster;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renci.SshNet;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

/// <summary>Pushes to the OpenSSH server scripts/test starts on loopback (DISTRICTOPS_TEST_SFTP).</summary>
public sealed class DeliverBySftpTests
{
    private static Dictionary<string, string> Server()
    {
        var text = Environment.GetEnvironmentVariable("DISTRICTOPS_TEST_SFTP")
            ?? throw new InvalidOperationException("DISTRICTOPS_TEST_SFTP is not set: run the tests with scripts/test, which starts the SFTP server.");
        return text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Theory]
    [Providers]
    public async Task A_package_is_pushed_with_a_password_or_a_key_to_a_server_that_shows_the_named_host_key_once_and_retried_then_failed_when_unreachable(DatabaseProvider provider)
    {
        var server = Server();
        await using var world = await RosteringWorld.CreateAsync(provider);
        void Sftp(SharingAgreement a, SftpAuth auth, string secret, string? hostKey = null, int? port = null)
        {
            (a.Method, a.SftpHost, a.SftpPort, a.SftpUsername, a.SftpAuth) = (DeliveryMethod.Sftp, server["Host"], port ?? int.Parse(server["Port"], System.Globalization.CultureInfo.InvariantCulture), server["Username"], auth);
            (a.SftpSecret, a.SftpHostKey, a.SftpFolder) = (world.Seal(secret), hostKey ?? server["HostKey"], server["Folder"]);
        }

        var suffix = provider.ToString();
        var byPassword = await world.AddAppAsync("Destiny " + suffix, ExportFormat.OneRoster11, change: a => Sftp(a, SftpAuth.Password, server["Password"]));
        var byKey = await world.AddAppAsync("Illuminate " + suffix, ExportFormat.OneRoster12, change: a => Sftp(a, SftpAuth.PrivateKey, File.ReadAllText(server["KeyFile"])));
        var impostor = await world.AddAppAsync("Read 180 " + suffix, ExportFormat.OneRoster12, change: a => Sftp(a, SftpAuth.Password, server["Password"], "SHA256:Zm9yZ2VkLWhvc3Qta2V5LWZpbmdlcnByaW50LXh4eHg"));
        var unreachable = await world.AddAppAsync("OneLogin " + suffix, ExportFormat.OneRoster12, change: a => Sftp(a, SftpAuth.Password, server["Password"], port: ClosedPort()));

        using var reader = new SftpClient(server["Host"], int.Parse(server["Port"], System.Globalization.CultureInfo.InvariantCulture), server["Username"], server["Password"]);
        await reader.ConnectAsync(CancellationToken.None);
        foreach (var app in new[] { byPassword, byKey })
        {
            var delivered = await world.DeliverAsync(app);
            Assert.Equal((DeliveryStatus.Delivered, 1), (delivered.Status, delivered.Attempts));
            var remote = new Uri(delivered.Target!).AbsolutePath;
            Assert.StartsWith(server["Folder"] + "/", remote, StringComparison.Ordinal);
            using var copy = new MemoryStream();
            await Task.Run(() => reader.DownloadFile(remote, copy));
            Assert.Equal(delivered.Sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
            Assert.DoesNotContain(reader.ListDirectory(server["Folder"]), f => f.Name.EndsWith(".part", StringComparison.Ordinal));

            var written = reader.GetLastWriteTimeUtc(remote);
            Assert.Equal(DeliveryStatus.Delivered, (await world.RetryAsync(delivered.Id)).Status);
            Assert.Equal(written, reader.GetLastWriteTimeUtc(remote));
        }

        // Pushing a file already there with the same size sends nothing (a retry after an upload whose record was lost).
        var again = await world.DeliveryAsync((await world.DeliverAsync(byKey)).Id);
        var target = new SftpTarget(server["Host"], int.Parse(server["Port"], System.Globalization.CultureInfo.InvariantCulture), server["Username"], SftpAuth.Password, server["Password"], server["HostKey"], server["Folder"]);
        Assert.False(await new SftpPush().PushAsync(target, world.PackagePath(again.Id), Path.GetFileName(new Uri(again.Target!).AbsolutePath), CancellationToken.None));

        var refused = await world.DeliverAsync(impostor);
        Assert.Equal(DeliveryStatus.Failed, refused.Status);
        Assert.Contains("host key", refused.Error, StringComparison.Ordinal);

        var waiting = await world.DeliverAsync(unreachable);
        Assert.Equal((DeliveryStatus.Retrying, 1), (waiting.Status, waiting.Attempts));
        Assert.InRange(waiting.NextAttemptAt!.Value - waiting.StartedAt, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
        Assert.Equal((DeliveryStatus.Retrying, 2), ((await world.RetryAsync(waiting.Id)).Status, (await world.DeliveryAsync(waiting.Id)).Attempts));
        Assert.Equal(DeliveryStatus.Retrying, (await world.RetryAsync(waiting.Id)).Status);
        var failed = await world.RetryAsync(waiting.Id);
        Assert.Equal((DeliveryStatus.Failed, 4), (failed.Status, failed.Attempts));
        Assert.Equal(DeliveryStatus.Failed, (await world.RetryAsync(waiting.Id)).Status);

        await using var scope = world.App.Services.CreateAsyncScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<IAutomationTickets>().OpenOnceAsync(DeliveryNotices.Ticket("OneLogin", failed, "again"));
        Assert.False(ticket.Value!.OpenedNow);
        await using var context = world.Db.OpenContext();
        Assert.False(await context.Set<SharedPerson>().AnyAsync(s => s.AppId == unreachable || s.AppId == impostor));
        Assert.Equal(15, await context.Set<SharedPerson>().CountAsync(s => s.AppId == byPassword));
    }
}
