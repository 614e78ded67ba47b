using DistrictOps.Web.Platform.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Helpdesk.Data;

internal static class SeededIdentityExtension
{
    /// <summary>
    /// Rows shipped with the schema take ids below 1,000; PostgreSQL's identity starts above them
    /// (it does not advance past explicitly inserted ids), SQLite continues after the largest.
    /// </summary>
    public static PropertyBuilder<int> SeededIdentity(this PropertyBuilder<int> property) =>
        property.ValueGeneratedOnAdd().HasIdentityOptions(startValue: 1_000);
}

internal static class TicketConditionsConfiguration
{
    /// <summary>The six comma-separated condition lists a routing rule and a service-level policy share.</summary>
    public static void HasTicketConditions<TEntity>(this EntityTypeBuilder<TEntity> builder)
        where TEntity : class, ITicketConditions
    {
        foreach (var list in new[]
        {
            nameof(ITicketConditions.SiteIds), nameof(ITicketConditions.SiteTypes), nameof(ITicketConditions.IssueTypeIds),
            nameof(ITicketConditions.RequesterRoles), nameof(ITicketConditions.Channels), nameof(ITicketConditions.Priorities),
        })
        {
            builder.Property(list).HasMaxLength(2_000);
        }
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    /// <summary>
    /// Not solved or closed, neither deadline breached, not paused: the breaching-soon queue's own terms, word for word as EF
    /// writes them, since SQLite uses a partial index only when the query repeats its WHERE.
    /// </summary>
    private const string RunningClock =
        "\"Status\" NOT IN ('Solved', 'Closed') AND NOT (\"ResponseBreached\") AND NOT (\"ResolutionBreached\") AND \"ServiceLevelPausedSince\" IS NULL";

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("helpdesk_tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Title).HasMaxLength(Ticket.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMaxLength);
        builder.Property(t => t.RequesterName).HasMaxLength(Ticket.NameMaxLength);
        builder.Property(t => t.RequesterEmail).HasMaxLength(Ticket.NameMaxLength);
        builder.Property(t => t.RequesterRole).HasMaxLength(32);
        builder.Property(t => t.SubmittedByName).HasMaxLength(Ticket.NameMaxLength);
        builder.Property(t => t.AssigneeName).HasMaxLength(Ticket.NameMaxLength);
        builder.Property(t => t.Room).HasMaxLength(Ticket.RoomMaxLength);
        builder.Property(t => t.AssetTag).HasMaxLength(Ticket.AssetTagMaxLength);
        builder.Property(t => t.Tags).HasMaxLength(Ticket.TagsMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Impact).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(t => t.IsOpen);
        builder.HasIndex(t => new { t.Status, t.UpdatedAt });
        builder.HasIndex(t => new { t.AssigneeUserId, t.Status, t.UpdatedAt });
        builder.HasIndex(t => new { t.TeamId, t.Status, t.UpdatedAt });
        builder.HasIndex(t => new { t.SiteId, t.Status, t.UpdatedAt });
        builder.HasIndex(t => new { t.RequesterPersonId, t.UpdatedAt });
        builder.HasIndex(t => new { t.RequesterUserId, t.UpdatedAt });
        // Lists sort by (UpdatedAt, Id): with both in the index PostgreSQL walks it backwards and stops at a page, as SQLite
        // does with its rowid, instead of sorting every open ticket a technician may see (160 ms at 100,000 open, bench/README).
        builder.HasIndex(t => new { t.UpdatedAt, t.Id });
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => t.IssueTypeId);
        builder.HasIndex(t => t.AssetTag);
        builder.Property(t => t.DeviceModel).HasMaxLength(Ticket.DeviceModelMaxLength);
        builder.Property(t => t.ServiceLevelAlertsSent).HasConversion<int>();
        builder.HasIndex(t => t.ServiceLevelCheckAt);
        // The breaching-soon queue's due dates, only of tickets whose clock runs: a range over these is the few tickets due
        // soon, where an index of every ticket's due date also walks the past due dates of every solved one.
        builder.HasIndex(t => t.ResponseDueAt).HasDatabaseName("IX_helpdesk_tickets_ResponseDueAt_Running").HasFilter(RunningClock);
        builder.HasIndex(t => t.ResolutionDueAt).HasDatabaseName("IX_helpdesk_tickets_ResolutionDueAt_Running").HasFilter(RunningClock);
        // The breached queue's tickets, counted on every queue page without reading the open tickets that are not breached.
        builder.HasIndex(t => t.UpdatedAt).HasDatabaseName("IX_helpdesk_tickets_UpdatedAt_Breached").HasFilter(
            "\"Status\" NOT IN ('Solved', 'Closed') AND (\"ResponseBreached\" OR \"ResolutionBreached\")");
        builder.HasIndex(t => t.SolvedAt);
        builder.HasIndex(t => new { t.SiteId, t.CreatedAt });
        builder.HasIndex(t => t.ProblemId);
        builder.HasOne<Problem>().WithMany().HasForeignKey(t => t.ProblemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => new { t.Status, t.StatusChangedAt });

        // Covering indexes for the help desk reports (ReportOnService) and the workload figures staffing reads
        // (HelpdeskWorkloadReader): each range scan of the opened or solved in a window reads only the index.
        builder.HasIndex(t => new { t.CreatedAt, t.SiteId, t.Channel, t.TeamId, t.Priority, t.ResponseMinutes, t.AssigneeUserId })
            .HasDatabaseName("IX_helpdesk_tickets_Report_Opened");
        builder.HasIndex(t => new { t.SolvedAt, t.SiteId, t.TeamId, t.Priority, t.ResolutionMinutes, t.AssigneeUserId, t.ServiceLevelPolicyId, t.ResolutionBreached })
            .HasDatabaseName("IX_helpdesk_tickets_Report_Solved");
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.ToTable("helpdesk_ticket_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ActorName).HasMaxLength(Ticket.NameMaxLength);
        builder.Property(e => e.Body).HasMaxLength(TicketEvent.BodyMaxLength);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.TicketId, e.Id });
        builder.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.At, e.FromStatus, e.ToStatus }).HasDatabaseName("IX_helpdesk_ticket_events_Report_Backlog").HasFilter(BacklogMoves);
    }

    /// <summary>
    /// Status changes that move a ticket between the backlog's buckets (open: New, Open, On hold; pending; neither). The backlog
    /// report's query repeats this exact text so that both databases use the partial index.
    /// </summary>
    internal const string BacklogMoves =
        "\"Kind\" = 'StatusChanged' AND (CASE WHEN \"FromStatus\" IN ('New', 'Open', 'OnHold') THEN 1 WHEN \"FromStatus\" = 'Pending' THEN 2 ELSE 0 END)"
        + " <> (CASE WHEN \"ToStatus\" IN ('New', 'Open', 'OnHold') THEN 1 WHEN \"ToStatus\" = 'Pending' THEN 2 ELSE 0 END)";
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> builder)
    {
        builder.ToTable("helpdesk_ticket_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(UploadNames.MaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.TicketId);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IssueTypeConfiguration : IEntityTypeConfiguration<IssueType>
{
    public void Configure(EntityTypeBuilder<IssueType> builder)
    {
        builder.ToTable("helpdesk_issue_types");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).SeededIdentity();
        builder.Property(c => c.Name).HasMaxLength(IssueType.NameMaxLength);
        builder.Property(c => c.Path).HasMaxLength(IssueType.PathMaxLength);
        builder.HasIndex(c => c.Path).IsUnique();
        builder.HasOne<IssueType>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(HelpdeskDefaults.IssueTypes);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("helpdesk_teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).SeededIdentity();
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(HelpdeskDefaults.Teams);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("helpdesk_team_members");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriorityCellConfiguration : IEntityTypeConfiguration<PriorityCell>
{
    public void Configure(EntityTypeBuilder<PriorityCell> builder)
    {
        builder.ToTable("helpdesk_priority_matrix");
        builder.HasKey(c => new { c.Impact, c.Urgency });
        builder.Property(c => c.Impact).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.HasData(HelpdeskDefaults.PriorityMatrix);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("helpdesk_routing_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).SeededIdentity();
        builder.Property(r => r.Name).HasMaxLength(RoutingRule.NameMaxLength);
        builder.HasTicketConditions();
        builder.Property(r => r.AddTags).HasMaxLength(RoutingRule.AddTagsMaxLength);

        builder.HasIndex(r => r.Order);
        builder.HasData(HelpdeskDefaults.RoutingRules);
    }
}

internal sealed class RoundRobinCursorConfiguration : IEntityTypeConfiguration<RoundRobinCursor>
{
    public void Configure(EntityTypeBuilder<RoundRobinCursor> builder)
    {
        builder.ToTable("helpdesk_round_robin");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(100);
    }
}

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> builder)
    {
        builder.ToTable("helpdesk_macros");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).SeededIdentity();
        builder.Property(m => m.Name).HasMaxLength(Macro.NameMaxLength);
        builder.Property(m => m.Body).HasMaxLength(Macro.BodyMaxLength);
        builder.Property(m => m.SetStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.AddTags).HasMaxLength(Ticket.TagsMaxLength);
        builder.HasIndex(m => m.Name).IsUnique();
        builder.HasData(HelpdeskDefaults.Macros);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("helpdesk_notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.Text).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.Id });
    }
}

internal sealed class ServiceLevelPolicyConfiguration : IEntityTypeConfiguration<ServiceLevelPolicy>
{
    public void Configure(EntityTypeBuilder<ServiceLevelPolicy> builder)
    {
        builder.ToTable("helpdesk_service_level_policies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).SeededIdentity();
        builder.Property(p => p.Name).HasMaxLength(ServiceLevelPolicy.NameMaxLength);
        builder.Property(p => p.Hours).HasConversion<string>().HasMaxLength(16);
        builder.HasTicketConditions();

        builder.HasIndex(p => p.Order);
        builder.HasData(HelpdeskDefaults.ServiceLevelPolicies);
    }
}

internal sealed class ServiceLevelTargetConfiguration : IEntityTypeConfiguration<ServiceLevelTarget>
{
    public void Configure(EntityTypeBuilder<ServiceLevelTarget> builder)
    {
        builder.ToTable("helpdesk_service_level_targets");
        builder.HasKey(t => new { t.PolicyId, t.Priority });
        builder.HasOne<ServiceLevelPolicy>().WithMany().HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasData(HelpdeskDefaults.ServiceLevelTargets);
    }
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> builder)
    {
        builder.ToTable("helpdesk_problems");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(Problem.TitleMaxLength);
        builder.Property(p => p.RootCause).HasMaxLength(Problem.TextMaxLength);
        builder.Property(p => p.Workaround).HasMaxLength(Problem.TextMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DeviceModel).HasMaxLength(Ticket.DeviceModelMaxLength);
        builder.Property(p => p.CreatedByName).HasMaxLength(Ticket.NameMaxLength);
        builder.HasIndex(p => new { p.Status, p.UpdatedAt });
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("helpdesk_surveys");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Rating).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.Comment).HasMaxLength(Survey.CommentMaxLength);
        builder.Property(s => s.TechnicianName).HasMaxLength(Ticket.NameMaxLength);
        builder.HasIndex(s => s.TicketId).IsUnique();
        builder.HasIndex(s => new { s.SentAt, s.SendAfter });
        builder.HasIndex(s => s.AnsweredAt);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutomationTicketConfiguration : IEntityTypeConfiguration<AutomationTicket>
{
    public void Configure(EntityTypeBuilder<AutomationTicket> builder)
    {
        builder.ToTable("helpdesk_automation_tickets");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(AutomationTicket.KeyMaxLength);
        builder.HasIndex(a => a.TicketId);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportDayConfiguration : IEntityTypeConfiguration<ReportDay>
{
    public void Configure(EntityTypeBuilder<ReportDay> builder)
    {
        builder.ToTable("helpdesk_report_days");
        builder.HasKey(d => new { d.Family, d.Day, d.Grouping, d.Key });
        builder.Property(d => d.Family).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.Key).HasMaxLength(ReportDay.KeyMaxLength);
        builder.Property(d => d.Name).HasMaxLength(Ticket.NameMaxLength);
    }
}

internal sealed class ReportMinutesConfiguration : IEntityTypeConfiguration<ReportMinutes>
{
    public void Configure(EntityTypeBuilder<ReportMinutes> builder)
    {
        builder.ToTable("helpdesk_report_minutes");
        builder.HasKey(d => new { d.Family, d.Day, d.Grouping, d.Key });
        builder.Property(d => d.Family).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.Key).HasMaxLength(ReportDay.KeyMaxLength);
    }
}

internal sealed class ReportDaysStateConfiguration : IEntityTypeConfiguration<ReportDaysState>
{
    public void Configure(EntityTypeBuilder<ReportDaysState> builder)
    {
        builder.ToTable("helpdesk_report_days_state");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TimeZone).HasMaxLength(64);
    }
}
