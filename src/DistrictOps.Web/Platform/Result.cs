using System.Diagnostics.CodeAnalysis;

namespace DistrictOps.Web.Platform;

/// <summary>How a handler's work ended. Every kind but <see cref="Ok"/> is a <see cref="Failure"/>.</summary>
public enum OutcomeKind
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// Why a handler refused: its kind, the words for the person, and for <see cref="OutcomeKind.Invalid"/>
/// the problems by field (camelCase, as the API names them). Converts to any <see cref="Result{T}"/>.
/// </summary>
public sealed class Failure
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();

    private Failure(OutcomeKind kind, string message, IReadOnlyDictionary<string, string[]> errors)
    {
        Kind = kind;
        Message = message;
        Errors = errors;
    }

    public OutcomeKind Kind { get; }

    /// <summary>One sentence for the person; for Invalid, every field's messages joined.</summary>
    public string Message { get; }

    /// <summary>The problems by field; empty unless the kind is Invalid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Every message, one per line of a list or the CLI's stderr.</summary>
    public IReadOnlyList<string> Messages => Kind == OutcomeKind.Invalid ? Errors.SelectMany(e => e.Value).ToList() : [Message];

    internal static Failure Of(OutcomeKind kind, string message) => new(kind, message, NoFields);

    internal static Failure InvalidFields(IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid outcome needs at least one field error.", nameof(errors));
        }

        var byField = errors.GroupBy(e => CamelCase(e.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
        return new(OutcomeKind.Invalid, string.Join(" ", errors.SelectMany(e => e.Value)), byField);
    }

    /// <summary>
    /// Field names as the API writes them, whatever the handler passed (<c>nameof(command.Title)</c> is <c>Title</c>):
    /// each segment of a path starts lower case, so <c>Targets[0].FirstResponseMinutes</c> is <c>targets[0].firstResponseMinutes</c>.
    /// </summary>
    internal static string CamelCase(string field) =>
        string.Join('.', field.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}

/// <summary>
/// What a handler returns: a value, or a <see cref="Failure"/> of one kind. The API maps the kind to a status
/// code once (<c>Platform/Http/HttpOutcomes</c>), pages once (<c>Platform/Ui/PageOutcomes</c>), the CLI to stderr.
/// </summary>
public sealed class Result<T>
{
    private Result(T value) => Value = value;

    private Result(Failure failure) => Failure = failure;

    public T? Value { get; }

    public Failure? Failure { get; }

    public OutcomeKind Kind => Failure?.Kind ?? OutcomeKind.Ok;

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>Runs the next step on the value; a failure passes through untouched.</summary>
    public async Task<Result<TNext>> ThenAsync<TNext>(Func<T, Task<TNext>> next) => Succeeded ? await next(Value) : Failure;

    /// <summary>Runs the next step that may itself fail; the first failure is the outcome.</summary>
    public async Task<Result<TNext>> ThenAsync<TNext>(Func<T, Task<Result<TNext>>> next) => Succeeded ? await next(Value) : Failure;

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Failure failure) => new(failure);
}

/// <summary>The one way to say each outcome: <c>return Result.NotFound($"There is no ticket {id}.")</c>.</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) => value;

    public static Failure NotFound(string message) => Failure.Of(OutcomeKind.NotFound, message);

    public static Failure Forbidden(string message) => Failure.Of(OutcomeKind.Forbidden, message);

    public static Failure Conflict(string message) => Failure.Of(OutcomeKind.Conflict, message);

    public static Failure Invalid(string field, string message) => Failure.InvalidFields(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) => Failure.InvalidFields(errors);

    public static Failure Invalid(ErrorList errors) => Failure.InvalidFields(errors.ToDictionary());
}
