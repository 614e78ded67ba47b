using Microsoft.AspNetCore.DataProtection;

namespace DistrictOps.Web.Modules.Rostering.Sharing;

/// <summary>
/// An agreement's SFTP password or private key at rest: sealed with the app's data protection under one purpose, opened only by
/// the delivery that uses it. Whoever saves an agreement seals with <see cref="Seal"/>; nothing shows a secret again.
/// </summary>
public static class SftpSecrets
{
    public const string Purpose = "DistrictOps.Rostering.SftpSecret.v1";

    public static string Seal(IDataProtectionProvider protection, string secret) => protection.CreateProtector(Purpose).Protect(secret);

    public static string Open(IDataProtectionProvider protection, string sealedSecret) => protection.CreateProtector(Purpose).Unprotect(sealedSecret);
}
