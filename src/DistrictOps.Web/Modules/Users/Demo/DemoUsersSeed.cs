using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Users.Demo;

/// <summary>In demo mode, an empty database gets one account per role, all with the demo password.</summary>
internal sealed class DemoUsersSeed(AppDbContext db, AddUserHandler addUser, IOptions<DemoOptions> options) : IDemoSeed
{
    public int Order => 0;

    public string Title => "Demo sign-ins, one per role";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var account in DemoAccounts.All)
        {
            var result = await addUser.HandleAsync(
                new AddUserCommand(account.Email, account.DisplayName, [account.Role], [], options.Value.Password), Actor.Job(Title), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo account {account.Email} could not be created: {result.Failure.Message}");
            }
        }
    }
}
