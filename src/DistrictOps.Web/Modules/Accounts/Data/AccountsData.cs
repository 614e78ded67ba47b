namespace DistrictOps.Web.Modules.Accounts.Data;

/// <summary>
/// An account DistrictOps keeps in one target directory for one person: where it is, under which username, and whether
/// the sync disabled it (only an account the sync disabled is enabled again when the person returns).
/// </summary>
public sealed class ManagedAccount
{
    public const int DnMaxLength = 1024;

    public long Id { get; set; }

    public required string Target { get; set; }

    public Guid PersonId { get; set; }

    public required string Username { get; set; }

    public required string Dn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the sync disabled it; null while enabled, or when someone else disabled it.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>A username someone has held in any directory: unique across every target and never given to anyone else.</summary>
public sealed class UsernameClaim
{
    public const int MaxLength = 64;

    public required string Username { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
}

public enum RunKind
{
    Plan,
    Apply,

    /// <summary>A help desk password reset: one operation, the run's id the form's request id, so a retried post resets once.</summary>
    ResetPassword,
}

/// <summary>One plan or apply against a target: who, when, what it counted, whether a guard stopped it or an override let it go.</summary>
public sealed class AccountRun
{
    public Guid Id { get; set; }

    public required string Target { get; set; }

    public RunKind Kind { get; set; }

    public required string By { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Operations { get; set; }

    public int Done { get; set; }

    public int Failed { get; set; }

    /// <summary>Why the guard refused it, when it did.</summary>
    public string? Refused { get; set; }

    public bool Overridden { get; set; }
}

public enum OperationOutcome
{
    Done,
    Failed,
}

/// <summary>One change made in a directory, with who, when and why: the account audit, searchable by person, username and target.</summary>
public sealed class AccountOperation
{
    public const int DetailMaxLength = 4000;

    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Target { get; set; }

    public Guid? PersonId { get; set; }

    public string? Username { get; set; }

    public required string Kind { get; set; }

    public required string Dn { get; set; }

    public required string Reason { get; set; }

    public string? Detail { get; set; }

    public OperationOutcome Outcome { get; set; }

    public string? Error { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A new account's first password, kept encrypted until someone allowed to hand it out has seen it once.</summary>
public sealed class InitialPassword
{
    public long Id { get; set; }

    public required string Target { get; set; }

    public Guid PersonId { get; set; }

    public required string Protected { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    public string? ReleasedBy { get; set; }
}

/// <summary>
/// The newest Directory import the scheduled sync acted on for a target (applied, or refused by the guard): the sync acts
/// again only after a newer one. A target whose directory did not answer keeps its mark, so the next run tries again.
/// </summary>
public sealed class SyncedImport
{
    public required string Target { get; set; }

    public Guid ImportRunId { get; set; }

    public DateTimeOffset ImportCompletedAt { get; set; }

    public DateTimeOffset SyncedAt { get; set; }
}
