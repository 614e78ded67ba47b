using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DistrictOps.Web.Platform.Data.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstContactResolution",
                table: "helpdesk_tickets",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InstructionRestoredAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PendingReminderSentAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProblemId",
                table: "helpdesk_tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResolutionBreached",
                table: "helpdesk_tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionDueAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionMinutes",
                table: "helpdesk_tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResponseBreached",
                table: "helpdesk_tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResponseDueAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResponseMinutes",
                table: "helpdesk_tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RestoreBreached",
                table: "helpdesk_tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RestoreDueAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaAlertsSent",
                table: "helpdesk_tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SlaCheckAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SlaPausedSince",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaPolicyId",
                table: "helpdesk_tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusChangedAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // A ticket's status last changed no later than its last update.
            migrationBuilder.Sql("UPDATE helpdesk_tickets SET \"StatusChangedAt\" = \"UpdatedAt\";");

            migrationBuilder.CreateTable(
                name: "helpdesk_problems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RootCause = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Workaround = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    DeviceModel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_sla_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'1000', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    SiteIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SiteTypes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CategoryIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequesterRoles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Channels = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Priorities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Hours = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PauseOnHold = table.Column<bool>(type: "boolean", nullable: false),
                    RestoreInstructionMinutes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_sla_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_surveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    SolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SendAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sampled = table.Column<bool>(type: "boolean", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TechnicianUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    TechnicianName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    CategoryId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TriggeredBy = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_sla_targets",
                columns: table => new
                {
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "integer", nullable: false)
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
