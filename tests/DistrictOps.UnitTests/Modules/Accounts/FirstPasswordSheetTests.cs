using DistrictOps.Web.Modules.Accounts.ReleasePasswords;

namespace DistrictOps.UnitTests.Modules.Accounts;

public sealed class FirstPasswordSheetTests
{
    private static readonly Guid Ana = Guid.CreateVersion7(), Ben = Guid.CreateVersion7(), Cai = Guid.CreateVersion7(), Dee = Guid.CreateVersion7(), Eve = Guid.CreateVersion7();
    private static readonly DateTimeOffset Monday = new(2026, 8, 17, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_first_password_waits_only_while_its_account_is_enabled_and_it_was_never_shown()
    {
        var account = new KeptAccount("K12", Ana, "ana.diaz", "CN=ana.diaz", Disabled: false);
        var kept = new KeptPassword(1, "K12", Ana, "CfDJ8…", null, null);

        Assert.Equal(PasswordState.Waiting, FirstPasswordSheet.StateOf(account, kept));
        Assert.Equal(PasswordState.Released, FirstPasswordSheet.StateOf(account, kept with { Protected = "", ReleasedAt = Monday, ReleasedBy = "Rosa Martinez" }));
        Assert.Equal(PasswordState.Released, FirstPasswordSheet.StateOf(account, kept with { Protected = "" }));
        Assert.Equal(PasswordState.Disabled, FirstPasswordSheet.StateOf(account with { Disabled = true }, kept));
        Assert.Equal(PasswordState.NoFirstPassword, FirstPasswordSheet.StateOf(account, null));
    }

    [Fact]
    public void Each_person_gets_a_line_per_account_by_directory_or_one_saying_they_have_none_and_a_password_without_an_account_is_not_listed()
    {
        var people = new[] { new SheetPerson(Ana, "Ana Diaz", "S-1"), new SheetPerson(Ben, "Ben Ito", "S-2"), new SheetPerson(Cai, "Cai Park", null), new SheetPerson(Dee, "Dee Ross", "S-4") };
        var accounts = new[]
        {
            new KeptAccount("Staff", Ana, "adiaz", "uid=adiaz", false), new KeptAccount("K12", Ana, "ana.diaz", "CN=ana.diaz", false),
            new KeptAccount("K12", Ben, "ben.ito", "CN=ben.ito", false), new KeptAccount("K12", Eve, "eve.lee", "CN=eve.lee", false),
        };
        var passwords = new[]
        {
            new KeptPassword(1, "K12", Ana, "sealed-1", null, null), new KeptPassword(2, "Staff", Ana, "", Monday, "Amy Chen"),
            new KeptPassword(3, "K12", Cai, "sealed-3", null, null), new KeptPassword(4, "K12", Eve, "sealed-4", null, null),
        };

        var rows = FirstPasswordSheet.Rows(people, accounts, passwords);

        Assert.Equal(
            [
                new SheetRow(Ana, "Ana Diaz", "S-1", "K12", "ana.diaz", PasswordState.Waiting),
                new SheetRow(Ana, "Ana Diaz", "S-1", "Staff", "adiaz", PasswordState.Released, Monday, "Amy Chen"),
                new SheetRow(Ben, "Ben Ito", "S-2", "K12", "ben.ito", PasswordState.NoFirstPassword),
                new SheetRow(Cai, "Cai Park", null, null, null, PasswordState.NoAccount),
                new SheetRow(Dee, "Dee Ross", "S-4", null, null, PasswordState.NoAccount),
            ],
            rows);
        Assert.Equal((1, 1), FirstPasswordSheet.Count([Ana, Ben, Cai, Dee], accounts, passwords));
        Assert.Equal((1, 0), FirstPasswordSheet.Count([Eve], accounts, passwords));
    }
}
