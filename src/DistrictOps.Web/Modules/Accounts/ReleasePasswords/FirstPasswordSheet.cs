namespace DistrictOps.Web.Modules.Accounts.ReleasePasswords;

/// <summary>Where a person's account stands for its first password.</summary>
public enum PasswordState
{
    /// <summary>Kept encrypted, never shown: it can be shown once.</summary>
    Waiting,

    /// <summary>Shown now, on this sheet; never again.</summary>
    Shown,

    /// <summary>Shown before (when and to whom is on the row); only a reset gives a new one.</summary>
    Released,

    /// <summary>The person has no account in any directory yet.</summary>
    NoAccount,

    /// <summary>An account DistrictOps linked, or made before first passwords were kept: none to show.</summary>
    NoFirstPassword,

    /// <summary>The account is disabled: its first password is not handed out.</summary>
    Disabled,

    /// <summary>Kept, but this server cannot decrypt it (its Data Protection keys changed): it stays kept, and a reset gives a new one.</summary>
    Unreadable,
}

/// <summary>A person a sheet lists: the name to show and their number (student number or employee id).</summary>
public sealed record SheetPerson(Guid Id, string Name, string? Number);

/// <summary>An account DistrictOps keeps for a person in one target.</summary>
public sealed record KeptAccount(string Target, Guid PersonId, string Username, string Dn, bool Disabled);

/// <summary>A kept first password's record; <see cref="Protected"/> is empty once it was shown.</summary>
public sealed record KeptPassword(long Id, string Target, Guid PersonId, string Protected, DateTimeOffset? ReleasedAt, string? ReleasedBy);

/// <summary>
/// One line of a first-password sheet: a person and one of their accounts (or none), its state, and, only on the sheet that
/// released it, the password itself.
/// </summary>
public sealed record SheetRow(
    Guid PersonId, string Name, string? Number, string? Target, string? Username, PasswordState State,
    DateTimeOffset? ReleasedAt = null, string? ReleasedBy = null, string? Password = null);

/// <summary>
/// The sheet's rule: each person with one line per account they hold (by target), or one line saying they have none yet; a
/// first password waits only while its account is enabled and it was never shown. A first password without an account (the
/// directory refused the account) is not listed: there is nothing to sign in to.
/// </summary>
public static class FirstPasswordSheet
{
    public static PasswordState StateOf(KeptAccount account, KeptPassword? password) =>
        account.Disabled ? PasswordState.Disabled
        : password is null ? PasswordState.NoFirstPassword
        : password.ReleasedAt is not null || password.Protected.Length == 0 ? PasswordState.Released
        : PasswordState.Waiting;

    public static IReadOnlyList<SheetRow> Rows(IReadOnlyList<SheetPerson> people, IReadOnlyList<KeptAccount> accounts, IReadOnlyList<KeptPassword> passwords)
    {
        var byPerson = accounts.ToLookup(a => a.PersonId);
        var kept = passwords.ToDictionary(p => (p.Target, p.PersonId));
        var rows = new List<SheetRow>();
        foreach (var person in people)
        {
            var held = byPerson[person.Id].OrderBy(a => a.Target, StringComparer.OrdinalIgnoreCase).ToList();
            if (held.Count == 0)
            {
                rows.Add(new SheetRow(person.Id, person.Name, person.Number, null, null, PasswordState.NoAccount));
                continue;
            }

            foreach (var account in held)
            {
                var password = kept.GetValueOrDefault((account.Target, account.PersonId));
                var state = StateOf(account, password);
                rows.Add(new SheetRow(person.Id, person.Name, person.Number, account.Target, account.Username, state,
                    state == PasswordState.Released ? password!.ReleasedAt : null, state == PasswordState.Released ? password!.ReleasedBy : null));
            }
        }

        return rows;
    }

    /// <summary>How many of these people's first passwords wait, and how many were shown already.</summary>
    public static (int Waiting, int Released) Count(IEnumerable<Guid> people, IReadOnlyList<KeptAccount> accounts, IReadOnlyList<KeptPassword> passwords)
    {
        var ids = people.ToHashSet();
        var kept = passwords.Where(p => ids.Contains(p.PersonId)).ToDictionary(p => (p.Target, p.PersonId));
        var states = accounts.Where(a => ids.Contains(a.PersonId)).Select(a => StateOf(a, kept.GetValueOrDefault((a.Target, a.PersonId)))).ToList();
        return (states.Count(s => s == PasswordState.Waiting), states.Count(s => s == PasswordState.Released));
    }
}
