using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Platform.Http;

/// <summary>
/// The one mapping from a handler's outcome to HTTP: NotFound 404, Forbidden 403 and Conflict 409 as
/// ProblemDetails with the handler's message, Invalid 400 as a validation problem with <c>errors</c> by field.
/// </summary>
public static class HttpOutcomes
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value)
            : result.Failure.Kind == OutcomeKind.Invalid ? Validation(result.Failure) : Problem(result.Failure);

    public static Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult> ToOk<T, TResponse>(this Result<T> result, Func<T, TResponse> response) =>
        result.Succeeded ? TypedResults.Ok(response(result.Value))
            : result.Failure.Kind == OutcomeKind.Invalid ? Validation(result.Failure) : Problem(result.Failure);

    public static Results<Created<TResponse>, ValidationProblem, ProblemHttpResult> ToCreated<T, TResponse>(
        this Result<T> result, Func<T, string> location, Func<T, TResponse> response) =>
        result.Succeeded ? TypedResults.Created(location(result.Value), response(result.Value))
            : result.Failure.Kind == OutcomeKind.Invalid ? Validation(result.Failure) : Problem(result.Failure);

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.NoContent()
            : result.Failure.Kind == OutcomeKind.Invalid ? Validation(result.Failure) : Problem(result.Failure);

    /// <summary>For an endpoint whose success is not a plain Ok or Created: <c>return result.Failure.ToProblem();</c>.</summary>
    public static IResult ToProblem(this Failure failure) =>
        failure.Kind == OutcomeKind.Invalid ? Validation(failure) : Problem(failure);

    private static ValidationProblem Validation(Failure failure) => TypedResults.ValidationProblem(failure.Errors);

    private static ProblemHttpResult Problem(Failure failure) => TypedResults.Problem(failure.Message, statusCode: failure.Kind switch
    {
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Only a failure has a problem."),
    });
}
