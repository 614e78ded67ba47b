using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

namespace DistrictOps.UnitTests.Modules.Rostering;

public sealed class FilterParserTests
{
    [Fact]
    public void One_condition_reads_its_field_operator_and_quoted_value()
    {
        Assert.Equal(new FilterCondition("dateLastModified", FilterOperator.Greater, "2026-09-01T00:00:00Z"), FilterParser.Parse("dateLastModified>'2026-09-01T00:00:00Z'").Filter);
        Assert.Equal(new FilterCondition("givenName", FilterOperator.Contains, "an "), FilterParser.Parse("givenName ~ 'an '").Filter);
        Assert.Equal(new FilterCondition("email", FilterOperator.Equal, ""), FilterParser.Parse("email=''").Filter);
    }

    [Theory]
    [InlineData("a='1'", FilterOperator.Equal)]
    [InlineData("a!='1'", FilterOperator.NotEqual)]
    [InlineData("a>'1'", FilterOperator.Greater)]
    [InlineData("a>='1'", FilterOperator.GreaterOrEqual)]
    [InlineData("a<'1'", FilterOperator.Less)]
    [InlineData("a<='1'", FilterOperator.LessOrEqual)]
    [InlineData("a~'1'", FilterOperator.Contains)]
    public void Each_predicate_of_the_binding_is_read(string filter, FilterOperator expected) =>
        Assert.Equal(expected, Assert.IsType<FilterCondition>(FilterParser.Parse(filter).Filter).Operator);

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var (filter, error) = FilterParser.Parse("status='active' AND role='student' OR role='teacher' and givenName~'x'");
        Assert.Null(error);
        var any = Assert.IsType<FilterAny>(filter);
        Assert.Equal(2, any.Parts.Count);
        Assert.Equal(["status", "role"], Assert.IsType<FilterAll>(any.Parts[0]).Parts.Cast<FilterCondition>().Select(c => c.Field));
        Assert.Equal(["role", "givenName"], Assert.IsType<FilterAll>(any.Parts[1]).Parts.Cast<FilterCondition>().Select(c => c.Field));
        Assert.Equal(4, filter!.Conditions.Count());
    }

    [Theory]
    [InlineData("", "a field name at position 1")]
    [InlineData("='x'", "a field name at position 1")]
    [InlineData("givenName", "one of = != > >= < <= ~ after givenName at position 10")]
    [InlineData("givenName=x", "a value in single quotes at position 11")]
    [InlineData("givenName='x", "the closing quote")]
    [InlineData("givenName='x' familyName='y'", "AND or OR between two conditions at position 15")]
    [InlineData("givenName='x' AND", "a field name at position 18")]
    [InlineData("givenName='x' ANDfamilyName='y'", "AND or OR")]
    public void A_filter_that_cannot_be_read_says_what_was_expected_where(string text, string expected)
    {
        var (filter, error) = FilterParser.Parse(text);
        Assert.Null(filter);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_has_at_most_twenty_conditions() =>
        Assert.Contains("at most 20", FilterParser.Parse(string.Join(" OR ", Enumerable.Range(0, 21).Select(i => $"a='{i}'"))).Error, StringComparison.Ordinal);

    private static readonly RosterUser[] People =
    [
        new() { SourcedId = "s-1", GivenName = "Ana", FamilyName = "Garcia", SourceRole = "student", EnabledUser = true, Email = "ana@x.example", ModifiedAt = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero) },
        new() { SourcedId = "s-2", GivenName = "Ben", FamilyName = "Tran", SourceRole = "student", EnabledUser = false, ModifiedAt = new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero), Left = true },
        new() { SourcedId = "t-1", GivenName = "Cara", FamilyName = "Lopez", SourceRole = "principal", EnabledUser = true, ModifiedAt = new DateTimeOffset(2026, 9, 3, 8, 0, 0, TimeSpan.Zero) },
    ];

    private static List<string> Matching(OneRosterVersion version, string text, SharedFields shared = SharedFields.Email)
    {
        var (predicate, error) = ApiFields.Predicate(FilterParser.Parse(text).Filter!, ApiResources.Users(version).Fields, shared);
        Assert.True(predicate is not null, error);
        return [.. People.AsQueryable().Where(predicate).Select(p => p.SourcedId)];
    }

    [Fact]
    public void A_filter_becomes_a_predicate_on_the_fields_as_the_version_writes_them()
    {
        Assert.Equal(["s-1"], Matching(OneRosterVersion.V1p1, "givenName='Ana'"));
        Assert.Equal(["s-1", "s-2"], Matching(OneRosterVersion.V1p1, "familyName~'A'"));
        Assert.Equal(["t-1"], Matching(OneRosterVersion.V1p1, "role='administrator'"));
        Assert.Equal(["t-1"], Matching(OneRosterVersion.V1p2, "role='principal'"));
        Assert.Equal(["s-2"], Matching(OneRosterVersion.V1p1, "status='tobedeleted'"));
        Assert.Equal(["s-2", "t-1"], Matching(OneRosterVersion.V1p2, "dateLastModified>'2026-09-01T08:00:00Z'"));
        Assert.Equal(["s-2", "t-1"], Matching(OneRosterVersion.V1p2, "dateLastModified>='2026-09-02'"));
        Assert.Equal(["s-2"], Matching(OneRosterVersion.V1p2, "enabledUser='false'"));
        Assert.Equal(["s-1", "s-2"], Matching(OneRosterVersion.V1p1, "givenName<'C' AND sourcedId!='x' OR email='nobody'"));
        Assert.Equal(["s-1"], Matching(OneRosterVersion.V1p1, "email='ana@x.example'"));
    }

    [Theory]
    [InlineData("email='ana@x.example'", "email is not shared")]
    [InlineData("orgs='x'", "orgs cannot be used to filter")]
    [InlineData("shoeSize='9'", "shoeSize is not a field")]
    [InlineData("enabledUser='yes'", "expected = 'true'")]
    [InlineData("dateLastModified~'2026'", "~ (contains) compares text")]
    public void A_field_not_shared_unknown_or_not_filterable_is_refused(string text, string expected)
    {
        var (predicate, error) = ApiFields.Predicate(FilterParser.Parse(text).Filter!, ApiResources.Users(OneRosterVersion.V1p1).Fields, SharedFields.None);
        Assert.Null(predicate);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_means_the_same_in_every_spelling_and_roster_readonly_covers_both()
    {
        Assert.True(OneRosterScopes.Allows(["https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly"], ApiAccess.Core));
        Assert.False(OneRosterScopes.Allows(["roster-core.readonly"], ApiAccess.Demographics));
        Assert.True(OneRosterScopes.Allows(["https://purl.imsglobal.org/spec/or/v1p1/scope/roster.readonly"], ApiAccess.Demographics));
        Assert.False(OneRosterScopes.Allows(["https://example.com/roster.readonly"], ApiAccess.Core));
        Assert.Equal(9, OneRosterScopes.All.Count);
    }
}
