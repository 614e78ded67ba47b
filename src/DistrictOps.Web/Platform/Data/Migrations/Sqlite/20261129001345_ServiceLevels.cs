using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeviceModel",
                table: "helpdesk_tickets",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstContactResolution",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InstructionRestoredAt",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PendingReminderSentAt",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProblemId",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResolutionBreached",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionDueAt",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionMinutes",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResponseBreached",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ResponseDueAt",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResponseMinutes",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RestoreBreached",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RestoreDueAt",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaAlertsSent",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SlaCheckAt",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaPausedSince",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaPolicyId",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusChangedAt",
                table: "helpdesk_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // A ticket's status last changed no later than its last update.
            migrationBuilder.Sql("UPDATE helpdesk_tickets SET \"StatusChangedAt\" = \"UpdatedAt\";");

            migrationBuilder.CreateTable(
                name: "helpdesk_problems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Workaround = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeviceModel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_sla_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SiteIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SiteTypes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CategoryIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequesterRoles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Priorities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PauseOnHold = table.Column<bool>(type: "INTEGER", nullable: false),
                    RestoreInstructionMinutes = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_sla_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_surveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    SolvedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SendAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    Sampled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TechnicianUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TechnicianName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_surveys_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_job_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TriggeredBy = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_sla_targets",
                columns: table => new
                {
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_sla_targets", x => new { x.PolicyId, x.Priority });
                    table.ForeignKey(
                        name: "FK_helpdesk_sla_targets_helpdesk_sla_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "helpdesk_sla_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "helpdesk_sla_policies",
                columns: new[] { "Id", "CategoryIds", "Channels", "Enabled", "Hours", "Name", "Order", "PauseOnHold", "Priorities", "RequesterRoles", "RestoreInstructionMinutes", "SiteIds", "SiteTypes" },
                values: new object[,]
                {
                    { 1, null, null, true, "AroundTheClock", "Critical outages, around the clock", 10, true, "1", null, 30, null, null },
                    { 2, null, null, true, "SchoolTime", "District standard, school time", 20, true, null, null, 30, null, null }
                });

            migrationBuilder.InsertData(
                table: "helpdesk_sla_targets",
                columns: new[] { "PolicyId", "Priority", "FirstResponseMinutes", "ResolutionMinutes" },
                values: new object[,]
                {
                    { 1, 1, 15, 240 },
                    { 2, 1, 30, 240 },
                    { 2, 2, 60, 480 },
                    { 2, 3, 240, 1440 },
                    { 2, 4, 480, 2400 },
                    { 2, 5, 1440, 4800 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_ProblemId",
                table: "helpdesk_tickets",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_ResolutionDueAt",
                table: "helpdesk_tickets",
                column: "ResolutionDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_ResponseDueAt",
                table: "helpdesk_tickets",
                column: "ResponseDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_SiteId_CreatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "SiteId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_SlaCheckAt",
                table: "helpdesk_tickets",
                column: "SlaCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_SolvedAt",
                table: "helpdesk_tickets",
                column: "SolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_Status_StatusChangedAt",
                table: "helpdesk_tickets",
                columns: new[] { "Status", "StatusChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_problems_Status_UpdatedAt",
                table: "helpdesk_problems",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_sla_policies_Order",
                table: "helpdesk_sla_policies",
                column: "Order");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_surveys_AnsweredAt",
                table: "helpdesk_surveys",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_surveys_SentAt_SendAfter",
                table: "helpdesk_surveys",
                columns: new[] { "SentAt", "SendAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_surveys_TicketId",
                table: "helpdesk_surveys",
                column: "TicketId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_job_runs_Job_StartedAt",
                table: "platform_job_runs",
                columns: new[] { "Job", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_job_runs_StartedAt",
                table: "platform_job_runs",
                column: "StartedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_helpdesk_tickets_helpdesk_problems_ProblemId",
                table: "helpdesk_tickets",
                column: "ProblemId",
                principalTable: "helpdesk_problems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_helpdesk_tickets_helpdesk_problems_ProblemId",
                table: "helpdesk_tickets");

            migrationBuilder.DropTable(
                name: "helpdesk_problems");

            migrationBuilder.DropTable(
                name: "helpdesk_sla_targets");

            migrationBuilder.DropTable(
                name: "helpdesk_surveys");

            migrationBuilder.DropTable(
                name: "platform_job_runs");

            migrationBuilder.DropTable(
                name: "helpdesk_sla_policies");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_ProblemId",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_ResolutionDueAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_ResponseDueAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_SiteId_CreatedAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_SlaCheckAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_SolvedAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_Status_StatusChangedAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "DeviceModel",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "FirstContactResolution",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "InstructionRestoredAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "PendingReminderSentAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ProblemId",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionBreached",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionMinutes",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ResponseBreached",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ResponseDueAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ResponseMinutes",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "RestoreBreached",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "RestoreDueAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "SlaAlertsSent",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "SlaCheckAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "SlaPausedSince",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "SlaPolicyId",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "helpdesk_tickets");
        }
    }
}
