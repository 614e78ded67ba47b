using System.Data.Common;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Modules.Users.EditUser;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Users;

/// <summary>Issue 11 item 2: the last-administrator rule holds when two requests take two administrators away at once.</summary>
public sealed class LastAdministratorTests
{
    [Theory]
    [Providers]
    public async Task Two_concurrent_disables_of_the_last_two_administrators_leave_one_enabled(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var meeting = new CountsMeet();
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<IInterceptor>(meeting));
        app.StartServer();
        Assert.Equal(0, (await CliRunner.RunAsync(db, "users", "add", "--email", "deputy@bayview.example", "--role", "DistrictAdmin")).Code);
        var admins = new List<Guid>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            admins.AddRange((await users.GetUsersInRoleAsync(Roles.DistrictAdmin)).Select(u => u.Id));
        }

        Assert.Equal(2, admins.Count);
        meeting.Armed = true;

        var outcomes = await Task.WhenAll(admins.Select(id => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AccountStatusHandler>().DisableAsync(id, Actor.Operator);
        })));

        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        Assert.Equal(OutcomeKind.Conflict, Assert.Single(outcomes, o => !o.Succeeded).Failure!.Kind);
        await using var context = db.OpenContext();
        Assert.Equal(1, await context.Users.CountAsync(u => admins.Contains(u.Id) && u.DisabledAt == null));
    }

    /// <summary>
    /// Holds each administrator count until the other request has counted too (or 3 s passed): without a lock both
    /// count two administrators before either disables one; with it the second count waits for the first commit.
    /// </summary>
    private sealed class CountsMeet : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool Armed { get; set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains(DistrictAdmins.CountTag, StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _arrived) == 2)
                {
                    _both.TrySetResult();
                }

                await Task.WhenAny(_both.Task, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            }

            return result;
        }
    }
}
