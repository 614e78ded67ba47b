namespace DistrictOps.Web.Platform;

/// <summary>
/// What a handler returns: a value, or the problems with the request by field. The API turns the
/// problems into a ValidationProblem, a page into ModelState errors, the CLI into lines on stderr.
/// </summary>
public sealed class Result<T>
{
    internal Result(T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static implicit operator Result<T>(T value) => Result.Ok(value);
}

public static class Result
{
    public static Result<T> Ok<T>(T value) => new(value, new Dictionary<string, string[]>());

    public static Result<T> Invalid<T>(string field, string message) => new(default, new Dictionary<string, string[]> { [field] = [message] });

    public static Result<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors) => new(default, errors);
}
