using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>
/// Refuses the passwords people reach for first (<c>common-passwords.txt</c>, shipped in the assembly): one of the list in
/// any case, or one with digits and symbols before or after it (<c>Summer2026!</c>), with look-alike characters
/// (<c>P@ssw0rd</c>), or a short piece repeated (<c>abcabcabcabc</c>). Length alone lets these through, and they are the
/// first an attacker tries.
/// </summary>
public static class CommonPasswords
{
    public const string Message = "This password is too common: it is, or is built on, one of the passwords attackers try first. "
        + "Choose a phrase of three or four unrelated words instead.";

    private static readonly FrozenSet<string> List = Load();

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (List.Contains(lower))
        {
            return true;
        }

        // Digits and symbols alone are judged whole (123123123123).
        var core = lower.Trim(Decoration) is { Length: > 0 } trimmed ? trimmed : lower;
        return Listed(core) || (Repeated(core) is { } piece && (piece.Length <= 4 || Listed(piece)));
    }

    private static bool Listed(string text) => List.Contains(text) || List.Contains(Plain(text));

    private static string Plain(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch { '@' or '4' => 'a', '3' => 'e', '1' or '!' => 'i', '0' => 'o', '$' or '5' => 's', '7' => 't', var c => c };
        }
    });

    /// <summary>The shortest piece <paramref name="text"/> is two or more copies of, or null.</summary>
    private static string? Repeated(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && string.Concat(Enumerable.Repeat(text[..length], text.Length / length)) == text)
            {
                return text[..length];
            }
        }

        return null;
    }

    private static readonly char[] Decoration = [.. "0123456789 !?.,;:-_+=*#$%&@~^'\"()[]{}<>/\\|`"];

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .ToFrozenSet(StringComparer.Ordinal);
    }
}

/// <summary>Identity's validators run for every password set (adding a user, changing and resetting one), so the check lives here once.</summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "CommonPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && CommonPasswords.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = CommonPasswords.Message })
            : IdentityResult.Success);
}
