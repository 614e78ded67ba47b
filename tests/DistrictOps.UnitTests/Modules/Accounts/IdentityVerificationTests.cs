using DistrictOps.Web.Modules.Accounts.ResetPasswords;
using static DistrictOps.Web.Modules.Accounts.ResetPasswords.IdentityCheck;

namespace DistrictOps.UnitTests.Modules.Accounts;

public sealed class IdentityVerificationTests
{
    public static TheoryData<IdentityCheck[]> Enough => new()
    {
        { [EmployeeId, Callback] },
        { [EmployeeId, InPerson] },
        { [Supervisor, Callback] },
        { [Callback, InPerson] },
        { [EmployeeId, Supervisor, InPerson] },
    };

    public static TheoryData<IdentityCheck[], string> NotEnough => new()
    {
        { [], "Verify who is asking first" },
        { [Callback], "One check is not enough" },
        { [InPerson], "One check is not enough" },
        { [Callback, Callback], "One check is not enough" },
        { [EmployeeId, Supervisor], "Call them back at the number on file or see them in person" },
    };

    [Theory]
    [MemberData(nameof(Enough))]
    public void Two_checks_one_of_them_a_call_back_or_in_person_verify_the_caller(IdentityCheck[] checks) =>
        Assert.Null(IdentityVerification.Refusal(checks));

    [Theory]
    [MemberData(nameof(NotEnough))]
    public void Fewer_checks_the_same_check_twice_or_only_facts_a_caller_can_know_do_not(IdentityCheck[] checks, string why) =>
        Assert.StartsWith(why, IdentityVerification.Refusal(checks), StringComparison.Ordinal);

    [Fact]
    public void The_checks_are_described_once_each_in_a_fixed_order_for_the_note_and_the_audit() =>
        Assert.Equal("employee ID matched HR's; called back at the number on file; confirmed by their supervisor",
            IdentityVerification.Describe([Supervisor, Callback, EmployeeId, Callback]));

    [Theory]
    [InlineData("callback", Callback)]
    [InlineData(" InPerson ", InPerson)]
    [InlineData("SUPERVISOR", Supervisor)]
    [InlineData("employeeId", EmployeeId)]
    [InlineData("2", null)]
    [InlineData("call back", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Checks_are_read_by_name_in_any_case_never_by_number(string? text, IdentityCheck? expected) =>
        Assert.Equal(expected, IdentityVerification.Parse(text));

    [Theory]
    [InlineData("E901", "E901", true)]
    [InlineData(" e 901 ", "E901", true)]
    [InlineData("E902", "E901", false)]
    [InlineData("901", "E901", false)]
    public void An_employee_id_matches_HRs_ignoring_spaces_and_case(string given, string onFile, bool same) =>
        Assert.Equal(same, IdentityVerification.SameEmployeeId(given, onFile));
}
