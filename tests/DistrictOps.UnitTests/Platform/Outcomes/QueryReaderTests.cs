using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DistrictOps.UnitTests.Platform.Outcomes;

public sealed class QueryReaderTests
{
    private enum Sort
    {
        Updated,
        Priority,
    }

    private static QueryReader Read(params (string Name, string Value)[] values) =>
        new(new QueryCollection(values.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => new StringValues(g.Select(v => v.Value).ToArray()))));

    private static string Error(QueryReader reader, string name) => Assert.Single(reader.Errors.ToDictionary()[name]);

    [Fact]
    public void Good_values_are_read_and_blank_or_absent_ones_are_null()
    {
        var site = Guid.NewGuid();
        var reader = Read(("site", site.ToString()), ("days", " 7 "), ("from", "2026-09-01"), ("sort", "priority"), ("q", "  "), ("text", " projector "));

        Assert.Equal(site, reader.Id("site", "a site id"));
        Assert.Equal(7, reader.WholeNumber("days", 0, 36_500));
        Assert.Equal(new DateOnly(2026, 9, 1), reader.Date("from"));
        Assert.Equal(Sort.Priority, reader.Enum<Sort>("sort"));
        Assert.Null(reader.Text("q", 200));
        Assert.Equal("projector", reader.Text("text", 200));
        Assert.Null(reader.Date("absent"));
        Assert.False(reader.Errors.Any);
    }

    [Fact]
    public void Each_bad_value_is_named_with_what_was_expected_and_what_came()
    {
        var reader = Read(("site", "x1"), ("days", "-1"), ("from", "09/01/2026"), ("sort", "1"), ("q", new string('a', 201)));

        Assert.Null(reader.Id("site", "a site id"));
        Assert.Null(reader.WholeNumber("days", 0, 36_500));
        Assert.Null(reader.Date("from"));
        Assert.Null(reader.Enum<Sort>("sort"));
        Assert.Null(reader.Text("q", 200));

        Assert.Equal("site: expected a site id; got 'x1'.", Error(reader, "site"));
        Assert.Equal("days: expected a whole number from 0 to 36500; got '-1'.", Error(reader, "days"));
        Assert.Equal("from: expected a date as YYYY-MM-DD; got '09/01/2026'.", Error(reader, "from"));
        Assert.Equal("sort: expected one of Updated, Priority; got '1'.", Error(reader, "sort"));
        Assert.Equal("q: expected at most 200 characters; got 201.", Error(reader, "q"));
    }

    [Fact]
    public void A_long_bad_value_is_shortened_in_the_message()
    {
        var reader = Read(("site", new string('z', 100)));

        reader.Id("site", "a site id");

        Assert.Equal($"site: expected a site id; got '{new string('z', 40)}…'.", Error(reader, "site"));
    }

    [Fact]
    public void A_list_parameter_may_repeat_or_be_comma_separated()
    {
        Assert.Equal(["New", "Open", "Pending"], Read(("status", "New, Open"), ("status", "Pending")).List("status"));
        Assert.Empty(Read().List("status"));
    }

    [Fact]
    public void Paging_has_the_same_rules_on_every_list()
    {
        var fine = Read(("page", "3"), ("pageSize", "20"));
        Assert.Equal(new PageRequest(3, 20), fine.Paging());
        Assert.Equal(new PageRequest(1, 25), Read().Paging(defaultSize: 25));

        var bad = Read(("page", "0"), ("pageSize", "501"));
        bad.Paging();
        Assert.Equal($"page: expected a whole number from 1 to {PageRequest.MaxPage}; got '0'.", Error(bad, "page"));
        Assert.Equal($"pageSize: expected a whole number from 1 to {PageRequest.MaxSize}; got '501'.", Error(bad, "pageSize"));
    }

    [Fact]
    public void Then_gives_the_value_read_or_every_problem_as_one_invalid_outcome()
    {
        var good = Read(("page", "2"));
        Assert.Equal(new PageRequest(2, PageRequest.DefaultSize), good.Then(good.Paging()).Value);

        var bad = Read(("page", "two"), ("from", "tomorrow"));
        var result = bad.Then((bad.Paging(), bad.Date("from")));
        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Equal(["page", "from"], result.Failure!.Errors.Keys);
    }

    [Fact]
    public void A_span_of_days_may_be_open_at_either_end_but_not_end_before_it_starts()
    {
        Assert.Equal((new DateOnly(2026, 9, 1), (DateOnly?)null), Read(("from", "2026-09-01")).Days());
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1)), Read(("from", "2026-09-01"), ("to", "2026-09-01")).Days());

        var backwards = Read(("from", "2026-09-02"), ("to", "2026-09-01"));
        backwards.Days();

        Assert.Equal("to: expected a day on or after from (2026-09-02); got '2026-09-01'.", Error(backwards, "to"));
    }
}
