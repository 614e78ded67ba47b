using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Demo;

/// <summary>
/// Identity's password hasher, except that in demo mode the demo password is hashed once and that hash is given to every
/// account set to it. The demo seeding creates about thirty accounts with that password, and each deliberately slow
/// PBKDF2 hash cost a second of the seeding in all. Sharing one salt only lets someone who reads the database see that
/// these accounts have the same password, and the demo password is published on the sign-in page anyway. Every other
/// password, and every check of a password, goes to Identity's hasher unchanged.
/// </summary>
internal sealed class DemoPasswordHasher(IOptions<DemoOptions> demo, IOptions<PasswordHasherOptions> hashing) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _identity = new(hashing);
    private string? _demoHash;

    // Two first calls at once may each hash; either hash is valid, and the later one is kept.
    public string HashPassword(AppUser user, string password) =>
        demo.Value.Seed && string.Equals(password, demo.Value.Password, StringComparison.Ordinal)
            ? _demoHash ??= _identity.HashPassword(user, password)
            : _identity.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
        _identity.VerifyHashedPassword(user, hashedPassword, providedPassword);
}
