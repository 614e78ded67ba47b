using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Devices.ScanDevices;
using DistrictOps.Web.Platform;

namespace DistrictOps.UnitTests.Modules.Devices;

public sealed class ScanRulesTests
{
    [Fact]
    public void Accessories_are_read_by_name_in_any_case_one_per_value_or_comma_separated()
    {
        var errors = new ErrorList();

        var read = ScanRules.ParseAccessories(["charger, CASE", "Stylus", " ", null, "Case"], errors);

        Assert.False(errors.Any);
        Assert.Equal(Accessories.Charger | Accessories.Case | Accessories.Stylus, read);
        Assert.Equal(["Charger", "Case", "Stylus"], ScanRules.Names(read));
        Assert.Equal(Accessories.None, ScanRules.ParseAccessories(null, errors));
    }

    [Theory]
    [InlineData("Cable", "Expected any of Charger, Case, Stylus, Keyboard; got 'Cable'.")]
    [InlineData("3", "Expected any of Charger, Case, Stylus, Keyboard; got '3'.")]
    [InlineData("None", "Expected any of Charger, Case, Stylus, Keyboard; got 'None'.")]
    public void An_unknown_accessory_is_named_under_the_field(string name, string message)
    {
        var errors = new ErrorList();

        ScanRules.ParseAccessories(["Charger", name], errors);

        Assert.Equal([message], errors.ToDictionary()["accessories"]);
    }

    [Theory]
    [InlineData(null, Condition.A)]
    [InlineData("  ", Condition.A)]
    [InlineData("b", Condition.B)]
    [InlineData(" D ", Condition.D)]
    public void A_condition_is_its_letter_and_A_when_none_is_given(string? text, Condition expected)
    {
        var errors = new ErrorList();

        Assert.Equal(expected, ScanRules.ParseCondition(text, errors));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("E")]
    [InlineData("AB")]
    [InlineData("1")]
    public void Any_other_condition_is_refused_with_the_letters_allowed(string text)
    {
        var errors = new ErrorList();

        ScanRules.ParseCondition(text, errors);

        Assert.Equal([$"Expected A (like new), B, C or D (unusable); got '{text}'."], errors.ToDictionary()["condition"]);
    }

    [Fact]
    public void A_scan_reply_survives_the_redirect_and_a_damaged_one_is_dropped()
    {
        var reply = new ScanReply(ScanTone.Warning, "Checked out T-00001.", ["No device agreement on file."]) { UndoId = 7, Count = 3, Person = "", Next = "Student or staff number" };

        var kept = ScanReply.FromJson(reply.ToJson());

        Assert.Equal(reply with { Details = kept!.Details }, kept);
        Assert.Equal(["No device agreement on file."], kept.Details);
        Assert.Contains("\"tone\":\"Warning\"", reply.ToJson(), StringComparison.Ordinal);
        Assert.Null(ScanReply.FromJson("{not json"));
        Assert.Null(ScanReply.FromJson(null));
    }

    [Theory]
    [InlineData(OutcomeKind.Ok, 200)]
    [InlineData(OutcomeKind.Invalid, 400)]
    [InlineData(OutcomeKind.Forbidden, 403)]
    [InlineData(OutcomeKind.NotFound, 404)]
    [InlineData(OutcomeKind.Conflict, 409)]
    public void A_script_gets_the_status_the_api_would_answer(OutcomeKind kind, int status) => Assert.Equal(status, ScanReply.StatusOf(kind));
}
