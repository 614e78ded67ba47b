using DistrictOps.Web.Platform;

namespace DistrictOps.UnitTests.Platform.Outcomes;

public sealed class ErrorListTests
{
    private enum Colour
    {
        Red,
        Green,
    }

    [Fact]
    public void Required_trims_the_value_and_names_a_blank_one()
    {
        var errors = new ErrorList();

        Assert.Equal("Projector", errors.Required("title", "  Projector ", "Give a title."));
        Assert.False(errors.Any);
        Assert.Null(errors.Required("title", "   ", "Give a title."));
        Assert.Null(errors.Required("body", null, "Describe it."));
        Assert.Equal(["Give a title."], errors.ToDictionary()["title"]);
        Assert.True(errors.Has("body"));
    }

    [Fact]
    public void MaxLength_counts_the_trimmed_text_and_says_how_long_it_is()
    {
        var errors = new ErrorList();

        Assert.True(errors.MaxLength("room", " 1234 ", 4));
        Assert.True(errors.MaxLength("room", null, 4));
        Assert.False(errors.MaxLength("room", "12345", 4));
        Assert.Equal(["At most 4 characters; this is 5."], errors.ToDictionary()["room"]);
        Assert.False(errors.MaxLength("title", "abc", 2, "The title is 1 to 2 characters."));
        Assert.Equal(["The title is 1 to 2 characters."], errors.ToDictionary()["title"]);
    }

    [Fact]
    public void Range_and_Defined_leave_a_missing_value_alone_and_name_a_bad_one()
    {
        var errors = new ErrorList();

        Assert.True(errors.Range("priority", null, 1, 5));
        Assert.True(errors.Range("priority", 5, 1, 5));
        Assert.False(errors.Range("priority", 6, 1, 5));
        Assert.True(errors.Defined<Colour>("colour", null));
        Assert.True(errors.Defined<Colour>("colour", Colour.Green));
        Assert.False(errors.Defined("colour", (Colour?)(Colour)7));

        var byField = errors.ToDictionary();
        Assert.Equal(["Expected a whole number from 1 to 5; got 6."], byField["priority"]);
        Assert.Equal(["Expected one of Red, Green."], byField["colour"]);
    }

    [Fact]
    public void Messages_for_one_field_accumulate_and_another_list_is_added_under_a_prefix()
    {
        var ticket = new ErrorList();
        ticket.Add("status", "Solve a ticket before closing it.");
        var bulk = new ErrorList();
        bulk.Add("numbers", "first");
        bulk.Add("numbers", "second");
        bulk.AddAll(ticket, "BV-000001.");

        var byField = bulk.ToDictionary();
        Assert.Equal(["first", "second"], byField["numbers"]);
        Assert.Equal(["Solve a ticket before closing it."], byField["BV-000001.status"]);
    }
}
