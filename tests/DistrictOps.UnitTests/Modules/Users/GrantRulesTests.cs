using DistrictOps.Web;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.UnitTests.Modules.Users;

public sealed class GrantRulesTests
{
    private static readonly PermissionRegistry Registry = new(new ModuleCatalog(DistrictOpsModules.All).Permissions);

    private static Actor Person(params string[] roles) => new(Guid.NewGuid(), "A person", roles);

    [Fact]
    public void A_role_is_within_reach_only_when_every_permission_it_gives_is_held()
    {
        var manager = Person(Roles.ItManager);

        // Only parents hold devices.family (their own children's devices), so an IT manager cannot make a parent account.
        Assert.Equal([Roles.DistrictAdmin, Roles.HelpDesk, Roles.DataServices, Roles.Parent],
            GrantRules.Beyond(Registry, manager, [Roles.DistrictAdmin, Roles.HelpDesk, Roles.NetworkEngineer, Roles.DataServices, Roles.SiteStaff, Roles.Parent, Roles.ItManager]));
        Assert.Empty(GrantRules.Beyond(Registry, Person(Roles.DistrictAdmin), Roles.All.Select(r => r.Name)));
        Assert.Empty(GrantRules.Beyond(Registry, Person(Roles.ItManager, Roles.DataServices), [Roles.DataServices, Roles.NetworkEngineer]));
    }

    [Fact]
    public void The_refusal_names_the_permissions_the_actor_lacks()
    {
        var refused = GrantRules.RefuseRoles(Registry, Person(Roles.ItManager), ["districtadmin"]);

        Assert.Equal(OutcomeKind.Forbidden, refused?.Kind);
        Assert.Matches("^District administrator gives [a-z., -]*directory.import[a-z., -]*, which your roles do not.", refused!.Message);
        Assert.Null(GrantRules.RefuseRoles(Registry, Actor.Operator, [Roles.DistrictAdmin]));
    }

    [Fact]
    public void Nobody_changes_their_own_account_but_the_operator_has_none()
    {
        var me = Person(Roles.DistrictAdmin);

        Assert.Equal(OutcomeKind.Forbidden, GrantRules.RefuseSelf(me, me.UserId!.Value)?.Kind);
        Assert.Null(GrantRules.RefuseSelf(me, Guid.NewGuid()));
        Assert.Null(GrantRules.RefuseSelf(Actor.Operator, Guid.NewGuid()));
    }
}
