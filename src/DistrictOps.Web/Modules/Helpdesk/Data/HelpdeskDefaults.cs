namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>
/// What a new installation starts with: the issue types the review names, the tiers it proposes
/// (help desk → site technician → senior technician → network and systems), ServiceNow's
/// priority matrix and the default routing. All of it is editable afterwards.
/// </summary>
internal static class HelpdeskDefaults
{
    public const int HelpDeskTeam = 1;
    public const int SiteTechnicianTeam = 2;
    public const int SeniorTechnicianTeam = 3;
    public const int NetworkTeam = 4;
    public const int SystemsTeam = 5;

    public const int Device = 1;
    public const int Accounts = 10;
    public const int Network = 20;
    public const int Software = 30;
    public const int Email = 33;
    public const int Printing = 40;
    public const int ClassroomAv = 50;
    public const int Other = 90;

    public static readonly Team[] Teams =
    [
        new() { Id = HelpDeskTeam, Name = "Help desk", Tier = 1, EscalatesToTeamId = SiteTechnicianTeam },
        new() { Id = SiteTechnicianTeam, Name = "Site technicians", Tier = 2, EscalatesToTeamId = SeniorTechnicianTeam },
        new() { Id = SeniorTechnicianTeam, Name = "Senior technicians", Tier = 3, EscalatesToTeamId = SystemsTeam },
        new() { Id = NetworkTeam, Name = "Network team", Tier = 4 },
        new() { Id = SystemsTeam, Name = "Systems team", Tier = 4 },
    ];

    public static readonly IssueType[] IssueTypes = Tree(
        (Device, null, "Device"),
        (2, Device, "Tablet"),
        (3, 2, "Won't connect to wireless"),
        (4, 2, "Dropped off the domain"),
        (5, 2, "Broken screen"),
        (6, 2, "Won't charge or turn on"),
        (7, Device, "Laptop"),
        (8, Device, "Desktop"),
        (9, 8, "Folders and desktop icons disappeared"),
        (Accounts, null, "Accounts"),
        (11, Accounts, "Password"),
        (12, Accounts, "New account"),
        (13, Accounts, "Access to a shared drive"),
        (Network, null, "Network"),
        (21, Network, "Wireless"),
        (22, 21, "Wireless security error"),
        (23, Network, "Wired connection"),
        (24, Network, "Internet filter"),
        (Software, null, "Software"),
        (31, Software, "Illuminate"),
        (32, Software, "PowerSchool"),
        (Email, Software, "Email"),
        (34, Software, "Install a program"),
        (Printing, null, "Printing"),
        (ClassroomAv, null, "Classroom AV"),
        (51, ClassroomAv, "Projector"),
        (52, ClassroomAv, "Interactive display"),
        (Other, null, "Other"));

    public static readonly PriorityCell[] PriorityMatrix =
    [
        new() { Impact = TicketImpact.District, Urgency = TicketUrgency.High, Priority = 1 },
        new() { Impact = TicketImpact.District, Urgency = TicketUrgency.Medium, Priority = 2 },
        new() { Impact = TicketImpact.District, Urgency = TicketUrgency.Low, Priority = 3 },
        new() { Impact = TicketImpact.Site, Urgency = TicketUrgency.High, Priority = 1 },
        new() { Impact = TicketImpact.Site, Urgency = TicketUrgency.Medium, Priority = 2 },
        new() { Impact = TicketImpact.Site, Urgency = TicketUrgency.Low, Priority = 3 },
        new() { Impact = TicketImpact.Class, Urgency = TicketUrgency.High, Priority = 2 },
        new() { Impact = TicketImpact.Class, Urgency = TicketUrgency.Medium, Priority = 3 },
        new() { Impact = TicketImpact.Class, Urgency = TicketUrgency.Low, Priority = 4 },
        new() { Impact = TicketImpact.Person, Urgency = TicketUrgency.High, Priority = 3 },
        new() { Impact = TicketImpact.Person, Urgency = TicketUrgency.Medium, Priority = 4 },
        new() { Impact = TicketImpact.Person, Urgency = TicketUrgency.Low, Priority = 5 },
    ];

    public static readonly RoutingRule[] RoutingRules =
    [
        new() { Id = 1, Order = 10, Name = "Everything starts at the help desk", SetTeamId = HelpDeskTeam },
        new()
        {
            Id = 2, Order = 20, Name = "Devices, printing and classroom AV at a school go to its technician",
            SiteTypes = "Elementary,Middle,High,Alternative,Other", IssueTypeIds = $"{Device},{Printing},{ClassroomAv}",
            SetTeamId = SiteTechnicianTeam, AssignSiteTechnician = true,
        },
        new() { Id = 3, Order = 30, Name = "Accounts and email go to the systems team", IssueTypeIds = $"{Accounts},{Email}", SetTeamId = SystemsTeam },
        new() { Id = 4, Order = 40, Name = "Network problems go to the network team", IssueTypeIds = $"{Network}", SetTeamId = NetworkTeam },
        new() { Id = 5, Order = 50, Name = "A district-wide outage is critical", Priorities = "1", AddTags = "outage" },
    ];

    public const int CriticalAroundTheClockPolicy = 1;
    public const int DistrictStandardPolicy = 2;

    /// <summary>
    /// Critical outages are timed around the clock; everything else on school time, with Incident IQ's default
    /// of about a day to respond and three days to resolve at moderate priority (a school day is 8 hours).
    /// </summary>
    public static readonly ServiceLevelPolicy[] ServiceLevelPolicies =
    [
        new() { Id = CriticalAroundTheClockPolicy, Order = 10, Name = "Critical outages, around the clock", Priorities = "1", Hours = ServiceHours.AroundTheClock, RestoreInstructionMinutes = 30 },
        new() { Id = DistrictStandardPolicy, Order = 20, Name = "District standard, school time", Hours = ServiceHours.SchoolTime, RestoreInstructionMinutes = 30 },
    ];

    public static readonly ServiceLevelTarget[] ServiceLevelTargets =
    [
        new() { PolicyId = CriticalAroundTheClockPolicy, Priority = 1, FirstResponseMinutes = 15, ResolutionMinutes = 4 * 60 },
        new() { PolicyId = DistrictStandardPolicy, Priority = 1, FirstResponseMinutes = 30, ResolutionMinutes = 4 * 60 },
        new() { PolicyId = DistrictStandardPolicy, Priority = 2, FirstResponseMinutes = 60, ResolutionMinutes = 8 * 60 },
        new() { PolicyId = DistrictStandardPolicy, Priority = 3, FirstResponseMinutes = 4 * 60, ResolutionMinutes = 3 * 8 * 60 },
        new() { PolicyId = DistrictStandardPolicy, Priority = 4, FirstResponseMinutes = 8 * 60, ResolutionMinutes = 5 * 8 * 60 },
        new() { PolicyId = DistrictStandardPolicy, Priority = 5, FirstResponseMinutes = 3 * 8 * 60, ResolutionMinutes = 10 * 8 * 60 },
    ];

    public static readonly Macro[] Macros =
    [
        new()
        {
            Id = 1, Name = "Need more information",
            Body = "Thanks for letting us know. So we can help, could you tell us the device's asset tag and what you see on the screen?",
            IsPublic = true, SetStatus = TicketStatus.Pending,
        },
        new()
        {
            Id = 2, Name = "Password reset done",
            Body = "Your password has been reset. Sign in with the temporary password you were given and choose a new one.",
            IsPublic = true, SetStatus = TicketStatus.Solved,
        },
        new()
        {
            Id = 3, Name = "Waiting for a part",
            Body = "We have ordered the part for this device and will be back in touch when it arrives.",
            IsPublic = true, SetStatus = TicketStatus.OnHold,
        },
    ];

    private static IssueType[] Tree(params (int Id, int? Parent, string Name)[] nodes)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        string PathOf(int id) => byId[id].Parent is { } parent ? PathOf(parent) + IssueTypePath.Separator + byId[id].Name : byId[id].Name;
        return nodes.Select((n, i) => new IssueType { Id = n.Id, ParentId = n.Parent, Name = n.Name, Path = PathOf(n.Id), SortOrder = i }).ToArray();
    }
}

public static class IssueTypePath
{
    public const string Separator = " › ";
}
