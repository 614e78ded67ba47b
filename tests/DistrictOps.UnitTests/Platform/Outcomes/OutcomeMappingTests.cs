using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.UnitTests.Platform.Outcomes;

public sealed class OutcomeMappingTests
{
    private sealed class TestPage : PageModel
    {
    }

    public static TheoryData<OutcomeKind, int> StatusCodes => new()
    {
        { OutcomeKind.NotFound, 404 },
        { OutcomeKind.Forbidden, 403 },
        { OutcomeKind.Conflict, 409 },
    };

    private static Failure Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => Result.NotFound("There is no ticket 7."),
        OutcomeKind.Forbidden => Result.Forbidden("There is no ticket 7."),
        OutcomeKind.Conflict => Result.Conflict("There is no ticket 7."),
        _ => Result.Invalid("title", "Give a title."),
    };

    [Theory]
    [MemberData(nameof(StatusCodes))]
    public void The_api_answers_each_refusal_with_its_status_and_the_handlers_message(OutcomeKind kind, int status)
    {
        Result<string> result = Of(kind);

        var problem = Assert.IsType<ProblemHttpResult>(result.ToOk().Result);
        Assert.Equal(status, problem.StatusCode);
        Assert.Equal("There is no ticket 7.", problem.ProblemDetails.Detail);
        Assert.Equal(status, ((IStatusCodeHttpResult)Of(kind).ToProblem()).StatusCode);
    }

    [Fact]
    public void The_api_answers_an_invalid_request_with_a_validation_problem_by_field()
    {
        Result<string> result = Result.Invalid("title", "Give a title.");

        var problem = Assert.IsType<ValidationProblem>(result.ToCreated(v => "/x", v => v).Result);
        Assert.Equal(400, problem.StatusCode);
        Assert.Equal(["Give a title."], problem.ProblemDetails.Errors["title"]);
    }

    [Fact]
    public void The_api_answers_a_success_with_the_value_or_the_response_made_from_it()
    {
        Assert.Equal("ok", Assert.IsType<Ok<string>>(Result.Ok("ok").ToOk().Result).Value);
        Assert.Equal(2, Assert.IsType<Ok<int>>(Result.Ok("ok").ToOk(v => v.Length).Result).Value);
        var created = Assert.IsType<Created<int>>(Result.Ok("ok").ToCreated(v => "/things/" + v, v => v.Length).Result);
        Assert.Equal("/things/ok", created.Location);
    }

    [Fact]
    public void A_page_answers_not_found_and_forbidden_and_shows_the_rest_itself()
    {
        var page = new TestPage { PageContext = new PageContext() };

        Assert.IsType<NotFoundResult>(page.Refuse(Result.NotFound("gone")));
        Assert.IsType<ForbidResult>(page.Refuse(Result.Forbidden("not yours")));

        Assert.Null(page.Refuse(Result.Invalid("assigneeUserId", "Only technicians.")));
        Assert.Equal(["Only technicians."], page.ErrorsFor("Input.AssigneeUserId"));

        Assert.Null(page.Refuse(Result.Conflict("The problem is closed.")));
        Assert.Equal(["The problem is closed."], page.ErrorsFor(""));
    }

    [Fact]
    public void A_list_page_puts_the_query_problems_under_the_parameter_names()
    {
        var page = new TestPage { PageContext = new PageContext() };

        Assert.Null(page.ValueOrErrors<string>(Result.Invalid("page", "page: expected a whole number.")));
        Assert.Equal(["page: expected a whole number."], page.ErrorsFor("Page"));
        Assert.Equal("read", page.ValueOrErrors(Result.Ok("read")));
    }
}
