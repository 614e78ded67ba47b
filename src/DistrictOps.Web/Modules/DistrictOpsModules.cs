using DistrictOps.Web.Modules.Accounts;
using DistrictOps.Web.Modules.Devices;
using DistrictOps.Web.Modules.Directory;
using DistrictOps.Web.Modules.Helpdesk;
using DistrictOps.Web.Modules.Knowledge;
using DistrictOps.Web.Modules.Rostering;
using DistrictOps.Web.Modules.Staffing;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web;

/// <summary>The modules this build ships, in navigation order.</summary>
public static class DistrictOpsModules
{
    public static readonly IReadOnlyList<IModule> All =
    [
        new HelpdeskModule(),
        new KnowledgeModule(),
        new DevicesModule(),
        new AccountsModule(),
        new RosteringModule(),
        new DirectoryModule(),
        new StaffingModule(),
        new UsersModule(),
        new JobsModule(),
    ];
}
