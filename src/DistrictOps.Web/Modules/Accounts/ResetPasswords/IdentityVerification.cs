namespace DistrictOps.Web.Modules.Accounts.ResetPasswords;

/// <summary>One way a technician made sure the caller is the staff member whose password they reset.</summary>
public enum IdentityCheck
{
    /// <summary>The caller gave their employee ID and it is the one HR has (DistrictOps compares; the page never shows it).</summary>
    EmployeeId,

    /// <summary>The technician called them back at the phone number on file, not the number they called from.</summary>
    Callback,

    /// <summary>They came in person and showed their district badge.</summary>
    InPerson,

    /// <summary>Their supervisor confirmed the request.</summary>
    Supervisor,
}

/// <summary>
/// When a caller's identity counts as verified for a password reset: at least two different checks, one of them a call
/// back to the number on file or seeing them in person with their badge. An employee ID and a supervisor's name are facts
/// someone pretending to be the staff member can know; a call back or a badge they cannot fake over the phone.
/// </summary>
public static class IdentityVerification
{
    public const int ChecksNeeded = 2;

    /// <summary>Why <paramref name="checks"/> do not verify the caller, or null when they do.</summary>
    public static string? Refusal(IReadOnlyCollection<IdentityCheck> checks)
    {
        var made = checks.Distinct().ToList();
        var strong = made.Any(c => c is IdentityCheck.Callback or IdentityCheck.InPerson);
        return made.Count switch
        {
            0 => "Verify who is asking first: make at least two checks, one of them a call back to the number on file or seeing them in person with their badge.",
            < ChecksNeeded => "One check is not enough: make at least two, one of them a call back to the number on file or seeing them in person with their badge.",
            _ when !strong => "Call them back at the number on file or see them in person with their badge as well: an employee ID and a supervisor's name are things someone pretending to be them can know.",
            _ => null,
        };
    }

    /// <summary>The checks as the ticket note and the audit say them: "employee ID matched HR's; called back at the number on file".</summary>
    public static string Describe(IEnumerable<IdentityCheck> checks) => string.Join("; ", checks.Distinct().Order().Select(c => c switch
    {
        IdentityCheck.EmployeeId => "employee ID matched HR's",
        IdentityCheck.Callback => "called back at the number on file",
        IdentityCheck.InPerson => "seen in person with their district badge",
        _ => "confirmed by their supervisor",
    }));

    /// <summary>A check as a form or the API names it ("callback", "inPerson"), in any case; null when it is none.</summary>
    public static IdentityCheck? Parse(string? text) =>
        text?.Trim() is { Length: > 0 } name && name.All(char.IsAsciiLetter) && Enum.TryParse<IdentityCheck>(name, ignoreCase: true, out var check) ? check : null;

    /// <summary>Whether the employee ID the caller gave is the one on file, ignoring spaces and case ("e 901" is E901).</summary>
    public static bool SameEmployeeId(string given, string onFile) =>
        string.Equals(Compact(given), Compact(onFile), StringComparison.OrdinalIgnoreCase);

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
