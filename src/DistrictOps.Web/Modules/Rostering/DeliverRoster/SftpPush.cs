using System.Net.Sockets;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

/// <summary>Where a package goes: the app's SFTP server, its account and secret (opened), the host key it must show, and the folder.</summary>
public sealed record SftpTarget(string Host, int Port, string Username, Data.SftpAuth Auth, string Secret, string? HostKey, string Folder)
{
    public string PathOf(string name) => Folder.TrimEnd('/') + "/" + name;

    /// <summary>The target as the delivery records it: never the secret.</summary>
    public string Describe(string name) => $"sftp://{Host}:{Port}{PathOf(name)}";
}

/// <summary>Why a push failed: <see cref="Retry"/> when trying again later may help (the server did not answer), not when only a person can fix it.</summary>
public sealed class SftpPushException(string message, bool retry, Exception? inner = null) : Exception(message, inner)
{
    public bool Retry { get; } = retry;
}

/// <summary>
/// Pushes a package over SFTP (SSH.NET). The server must show the host key the agreement names (SHA256 fingerprint, as
/// <c>ssh-keygen -lf</c> prints it); an agreement that names none is refused, since student data goes only to a server DistrictOps
/// can recognise. The file goes up under a temporary name (<c>.name.part</c>) and is renamed when complete, so the app never
/// reads half a file; a file already there under the final name with the same size is a push that succeeded before, and is
/// not sent again.
/// </summary>
public sealed class SftpPush
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Returns false when the file was there already (nothing sent), true when it was uploaded now.</summary>
    public async Task<bool> PushAsync(SftpTarget target, string localPath, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(target.HostKey))
        {
            throw new SftpPushException("The agreement names no SFTP host key fingerprint (SHA256:…); DistrictOps sends student data only to a server it can recognise. Add the fingerprint to the agreement.", retry: false);
        }

        var expected = target.HostKey.Trim();
        expected = expected.StartsWith("SHA256:", StringComparison.Ordinal) ? expected : "SHA256:" + expected;
        string? shown = null;
        using var client = new SftpClient(Connection(target));
        client.HostKeyReceived += (_, e) =>
        {
            shown = "SHA256:" + e.FingerPrintSHA256;
            e.CanTrust = string.Equals(shown, expected, StringComparison.Ordinal);
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (shown is not null && shown != expected && e is SshException)
        {
            throw new SftpPushException($"The server {target.Host}:{target.Port} showed the host key {shown}, not the {expected} the agreement names; nothing was sent. If the app changed its server's key, check it with the vendor and update the agreement.", retry: false, e);
        }
        catch (SshAuthenticationException e)
        {
            throw new SftpPushException($"The server {target.Host}:{target.Port} refused the account '{target.Username}': {e.Message} Check the agreement's username and {(target.Auth == Data.SftpAuth.Password ? "password" : "private key")}.", retry: false, e);
        }
        catch (Exception e) when (e is SocketException or SshException or TimeoutException or IOException)
        {
            throw new SftpPushException($"The server {target.Host}:{target.Port} did not answer: {e.Message}", retry: true, e);
        }

        try
        {
            return await UploadAsync(client, target, localPath, name, cancellationToken);
        }
        catch (Exception e) when (e is SshException or SocketException or IOException)
        {
            throw new SftpPushException($"The upload to {target.Host}:{target.Port} failed: {e.Message}", retry: true, e);
        }
        finally
        {
            client.Disconnect();
        }
    }

    private static async Task<bool> UploadAsync(SftpClient client, SftpTarget target, string localPath, string name, CancellationToken cancellationToken)
    {
        var final = target.PathOf(name);
        var size = new FileInfo(localPath).Length;
        if (await client.ExistsAsync(final, cancellationToken) && (await client.GetAttributesAsync(final, cancellationToken)).Size == size)
        {
            return false;
        }

        var part = target.PathOf("." + name + ".part");
        await using (var file = File.OpenRead(localPath))
        {
            await client.UploadFileAsync(file, part, cancellationToken);
        }

        // posix-rename (OpenSSH's extension) replaces atomically; without it, the plain rename needs the name free.
        if (client.ConnectionInfo.ServerVersion?.Contains("OpenSSH", StringComparison.Ordinal) == true)
        {
            client.RenameFile(part, final, isPosix: true);
        }
        else
        {
            await client.RenameFileAsync(part, final, cancellationToken);
        }

        return true;
    }

    private static Renci.SshNet.ConnectionInfo Connection(SftpTarget target)
    {
        AuthenticationMethod method = target.Auth == Data.SftpAuth.Password
            ? new PasswordAuthenticationMethod(target.Username, target.Secret)
            : new PrivateKeyAuthenticationMethod(target.Username, KeyOf(target.Secret));
        return new Renci.SshNet.ConnectionInfo(target.Host, target.Port, target.Username, method) { Timeout = Timeout };
    }

    private static PrivateKeyFile KeyOf(string secret)
    {
        try
        {
            using var key = new MemoryStream(Encoding.UTF8.GetBytes(secret.ReplaceLineEndings("\n")));
            return new PrivateKeyFile(key);
        }
        catch (SshException e)
        {
            throw new SftpPushException($"The agreement's private key cannot be read ({e.Message}); paste an OpenSSH or PEM private key without a passphrase.", retry: false, e);
        }
    }
}
