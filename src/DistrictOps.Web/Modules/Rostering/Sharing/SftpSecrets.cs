using Microsoft.AspNetCore.DataProtection;

namespace DistrictOps.Web.Modules.Rostering.Sharing;

/// <summary>An agreement's SFTP password or private key, encrypted at rest with the app's data protection keys; shown to nobody once saved.</summary>
public sealed class SftpSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("DistrictOps.Rostering.SftpSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string stored) => _protector.Unprotect(stored);
}
