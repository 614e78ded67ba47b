using DistrictOps.Web.Platform;

namespace DistrictOps.UnitTests.Platform.Outcomes;

public sealed class ResultTests
{
    [Fact]
    public void A_value_succeeds_and_each_failure_keeps_its_kind_and_message()
    {
        Result<int> ok = 42;
        Result<int> missing = Result.NotFound("There is no ticket 7.");
        Result<int> forbidden = Result.Forbidden("Only technicians can do this.");
        Result<int> conflict = Result.Conflict("The problem is closed.");

        Assert.True(ok.Succeeded);
        Assert.Equal(OutcomeKind.Ok, ok.Kind);
        Assert.Equal(42, ok.Value);
        Assert.Equal((OutcomeKind.NotFound, "There is no ticket 7."), (missing.Kind, missing.Failure!.Message));
        Assert.Equal(OutcomeKind.Forbidden, forbidden.Kind);
        Assert.Equal(OutcomeKind.Conflict, conflict.Kind);
        Assert.Empty(conflict.Failure!.Errors);
    }

    [Fact]
    public void An_invalid_result_carries_every_field_and_joins_its_messages()
    {
        var errors = new ErrorList();
        errors.Add("title", "Give a title.");
        errors.Add("room", "At most 64 characters.");
        Result<string> invalid = Result.Invalid(errors);

        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.Equal(["title", "room"], invalid.Failure!.Errors.Keys);
        Assert.Equal(["Give a title.", "At most 64 characters."], invalid.Failure.Messages);
        Assert.Equal("Give a title. At most 64 characters.", invalid.Failure.Message);
    }

    [Fact]
    public void Field_names_are_written_in_camel_case_whatever_the_handler_passed_and_the_same_field_is_one_entry()
    {
        var errors = new ErrorList();
        errors.Add("Title", "Give a title.");
        errors.Add("title", "At most 200 characters.");
        errors.Add("Targets[0].FirstResponseMinutes", "Expected minutes.");
        errors.Add("assetTag", "At most 64 characters.");

        var invalid = Result.Invalid(errors);

        Assert.Equal(["title", "targets[0].firstResponseMinutes", "assetTag"], invalid.Errors.Keys);
        Assert.Equal(["Give a title.", "At most 200 characters."], invalid.Errors["title"]);
    }

    [Fact]
    public void An_invalid_result_without_a_field_error_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Result.Invalid(new ErrorList()));
    }

    [Fact]
    public async Task The_next_step_runs_only_on_success_and_the_first_failure_is_the_outcome()
    {
        var ran = 0;
        Task<int> Next(int value)
        {
            ran++;
            return Task.FromResult(value + 1);
        }

        Assert.Equal(2, (await Result.Ok(1).ThenAsync(Next)).Value);
        var failed = await ((Result<int>)Result.NotFound("gone")).ThenAsync(Next);
        Assert.Equal(OutcomeKind.NotFound, failed.Kind);
        Assert.Equal(1, ran);

        var refusedLater = await Result.Ok(1).ThenAsync(v => Task.FromResult<Result<string>>(Result.Conflict($"{v} is taken")));
        Assert.Equal((OutcomeKind.Conflict, "1 is taken"), (refusedLater.Kind, refusedLater.Failure!.Message));
    }
}
