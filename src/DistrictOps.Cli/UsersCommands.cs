using System.CommandLine;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Modules.Users.EditUser;
using DistrictOps.Web.Modules.Users.ListUsers;
using DistrictOps.Web.Modules.Users.ManageAccessTokens;
using DistrictOps.Web.Modules.Users.ResetPassword;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;

namespace DistrictOps.Cli;

internal static class UsersCommands
{
    public static Command Build(CliContext cli) =>
        new("users", "Sign-in accounts, roles and API tokens.")
        {
            Add(cli),
            Remove(cli),
            Disable(cli),
            Enable(cli),
            ResetLink(cli),
            List(cli),
            Token(cli),
            RevokeToken(cli),
        };

    private static Option<string> EmailOption() => new("--email") { Description = "The user's email address.", Required = true };

    private static Command Add(CliContext cli)
    {
        var email = EmailOption();
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role to give (repeat for several): {string.Join(", ", Roles.All.Select(r => r.Name))}.",
            Required = true,
        };
        var sites = new Option<Guid[]>("--site") { Description = "A site id the site-scoped roles apply to (repeat for several)." };
        var name = new Option<string?>("--name") { Description = "Display name; defaults to the part of the email before @." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one." };
        var command = new Command("add", "Add a user, or give an existing user the roles and sites they lack. Running it twice changes nothing.")
        {
            email, roles, sites, name, passwordStdin,
        };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var password = parse.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') : null;
            var result = await services.GetRequiredService<AddUserHandler>().HandleAsync(
                new AddUserCommand(parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(roles) ?? [], parse.GetValue(sites) ?? [], password), Actor.Operator, ct);
            if (!result.Succeeded)
            {
                return cli.Fail(result.Failure);
            }

            var r = result.Value;
            cli.Out.WriteLine(r.Created ? $"Created user {r.UserId}." : r.Changed ? $"User {r.UserId} existed; updated." : $"User {r.UserId} already has these roles and sites; nothing changed.");
            if (r.AddedRoles.Count > 0)
            {
                cli.Out.WriteLine($"Roles added: {string.Join(", ", r.AddedRoles)}");
            }

            if (r.AddedSites.Count > 0)
            {
                cli.Out.WriteLine($"Sites added: {string.Join(", ", r.AddedSites)}");
            }

            if (r.GeneratedPassword is not null)
            {
                cli.Out.WriteLine($"Temporary password (shown only now): {r.GeneratedPassword}");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliContext cli)
    {
        var email = EmailOption();
        var roles = new Option<string[]>("--role") { Description = "A role to take away (repeat for several)." };
        var sites = new Option<Guid[]>("--site") { Description = "A site id to take out of the user's scope (repeat for several)." };
        var command = new Command("remove", "Take roles and sites away from a user; their sessions end. Running it twice changes nothing.")
        {
            email, roles, sites,
        };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var user = await FindUserAsync(services, parse.GetValue(email)!);
            if (user is null)
            {
                return cli.Fail(NoSuchUser(parse.GetValue(email)!));
            }

            var result = await services.GetRequiredService<ChangeAccessHandler>().HandleAsync(
                new ChangeAccessCommand(user.Id, [], parse.GetValue(roles) ?? [], [], parse.GetValue(sites) ?? []), Actor.Operator, ct);
            if (!result.Succeeded)
            {
                return cli.Fail(result.Failure);
            }

            var r = result.Value;
            cli.Out.WriteLine(r.Changed
                ? $"Removed from {user.Email}: roles {string.Join(", ", r.RemovedRoles)}; sites {string.Join(", ", r.RemovedSites)}."
                : $"{user.Email} has none of these roles or sites; nothing changed.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Disable(CliContext cli) =>
        StatusCommand(cli, "disable", "Disable a user: every session ends and every API token stops at once.",
            (handler, id, ct) => handler.DisableAsync(id, Actor.Operator, ct));

    private static Command Enable(CliContext cli) =>
        StatusCommand(cli, "enable", "Enable a disabled user again.",
            (handler, id, ct) => handler.EnableAsync(id, Actor.Operator, ct));

    private static Command ResetLink(CliContext cli)
    {
        var email = EmailOption();
        var command = new Command("reset-link", "Email a user a single-use link to set a new password (through the outbox; Users:ResetLinkLifetime). Earlier unused links stop working.")
        {
            email,
        };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var user = await FindUserAsync(services, parse.GetValue(email)!);
            if (user is null)
            {
                return cli.Fail(NoSuchUser(parse.GetValue(email)!));
            }

            var result = await services.GetRequiredService<PasswordResetHandler>().IssueAsync(user.Id, Actor.Operator, ct);
            if (!result.Succeeded)
            {
                return cli.Fail(result.Failure);
            }

            cli.Out.WriteLine($"A password reset link is queued for {result.Value.Email}; it works once, until {services.GetRequiredService<DistrictTime>().AbsoluteWithZone(result.Value.ExpiresAt)}.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command StatusCommand(CliContext cli, string name, string description, Func<AccountStatusHandler, Guid, CancellationToken, Task<Result<AccountStatus>>> change)
    {
        var email = EmailOption();
        var command = new Command(name, description) { email };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var user = await FindUserAsync(services, parse.GetValue(email)!);
            if (user is null)
            {
                return cli.Fail(NoSuchUser(parse.GetValue(email)!));
            }

            var result = await change(services.GetRequiredService<AccountStatusHandler>(), user.Id, ct);
            if (!result.Succeeded)
            {
                return cli.Fail(result.Failure);
            }

            var state = result.Value.Disabled ? "disabled" : "enabled";
            cli.Out.WriteLine(result.Value.Changed ? $"{user.Email} is {state}." : $"{user.Email} was already {state}; nothing changed.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var query = new Option<string?>("--query") { Description = "Part of a name or email." };
        var role = new Option<string?>("--role") { Description = "Only users with this role." };
        var page = new Option<int?>("--page") { Description = "Page number, from 1." };
        var command = new Command("list", "List users, 50 a page.") { query, role, page };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var errors = new ErrorList();
            if (!errors.Range("page", parse.GetValue(page), 1, PageRequest.MaxPage))
            {
                return cli.Fail(Result.Invalid(errors));
            }

            var result = await services.GetRequiredService<ListUsersHandler>()
                .HandleAsync(new ListUsersQuery(parse.GetValue(query), parse.GetValue(role), new PageRequest(parse.GetValue(page), null)), ct);
            foreach (var user in result.Items)
            {
                cli.Out.WriteLine($"{user.Email}\t{user.DisplayName}\t{string.Join(",", user.Roles)}{(user.Disabled ? "\tdisabled" : "")}");
            }

            cli.Out.WriteLine($"Page {result.Page} of {result.PageCount}, {result.Total} user(s).");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Token(CliContext cli)
    {
        var email = EmailOption();
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'SIS nightly export'.", Required = true };
        var expires = new Option<int?>("--expires-days") { Description = "Days until the token stops working; none by default." };
        var command = new Command("token", "Create a named personal access token for the API. The token is printed once; only its hash is kept.")
        {
            email, name, expires,
        };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var user = await FindUserAsync(services, parse.GetValue(email)!);
            if (user is null)
            {
                return cli.Fail(NoSuchUser(parse.GetValue(email)!));
            }

            var result = await services.GetRequiredService<AccessTokenHandler>().CreateAsync(user.Id, parse.GetValue(name)!, parse.GetValue(expires), ct);
            if (!result.Succeeded)
            {
                return cli.Fail(result.Failure);
            }

            cli.Error.WriteLine($"Created token '{result.Value.Name}' for {user.Email}. Store it now; it is not shown again:");
            cli.Out.WriteLine(result.Value.Secret);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command RevokeToken(CliContext cli)
    {
        var email = EmailOption();
        var name = new Option<string>("--name") { Description = "The token's name.", Required = true };
        var command = new Command("revoke-token", "Revoke a user's personal access token by name.") { email, name };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var user = await FindUserAsync(services, parse.GetValue(email)!);
            if (user is null)
            {
                return cli.Fail(NoSuchUser(parse.GetValue(email)!));
            }

            var result = await services.GetRequiredService<AccessTokenHandler>().RevokeAsync(user.Id, parse.GetValue(name)!, ct);
            if (!result.Succeeded)
            {
                return cli.Fail(result.Failure);
            }

            cli.Out.WriteLine($"Revoked token '{result.Value.Name}' of {user.Email}.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Task<AppUser?> FindUserAsync(IServiceProvider services, string email) =>
        services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email.Trim());

    private static Failure NoSuchUser(string email) =>
        Result.NotFound($"No user has the email '{email}'. Add one with: districtops users add --email {email} --role ROLE");
}
