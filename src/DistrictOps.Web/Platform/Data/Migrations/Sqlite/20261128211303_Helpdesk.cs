using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Helpdesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PersonId",
                table: "auth_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "helpdesk_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_categories_helpdesk_categories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "helpdesk_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_macros",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SetStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SetTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    SetCategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    SetPriority = table.Column<int>(type: "INTEGER", nullable: true),
                    AddTags = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_macros", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_priority_matrix",
                columns: table => new
                {
                    Impact = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_priority_matrix", x => new { x.Impact, x.Urgency });
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_round_robin",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_round_robin", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_routing_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SiteIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SiteTypes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CategoryIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequesterRoles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Priorities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SetTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignSiteTechnician = table.Column<bool>(type: "INTEGER", nullable: false),
                    SetAssigneeUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SetPriority = table.Column<int>(type: "INTEGER", nullable: true),
                    AddTags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StopProcessing = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_routing_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalatesToTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RequesterPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequesterUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    RequesterEmail = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    RequesterRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    InstructionDisrupted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssigneeUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    AssetTag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MergedIntoId = table.Column<long>(type: "INTEGER", nullable: true),
                    MinutesSpent = table.Column<int>(type: "INTEGER", nullable: false),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_tickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_email_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_email_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_team_members",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_team_members", x => new { x.TeamId, x.UserId });
                    table.ForeignKey(
                        name: "FK_helpdesk_team_members_helpdesk_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "helpdesk_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_ticket_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_ticket_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_attachments_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_ticket_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_ticket_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_events_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "helpdesk_categories",
                columns: new[] { "Id", "Active", "Name", "ParentId", "Path", "SortOrder" },
                values: new object[,]
                {
                    { 1, true, "Device", null, "Device", 0 },
                    { 10, true, "Accounts", null, "Accounts", 9 },
                    { 20, true, "Network", null, "Network", 13 },
                    { 30, true, "Software", null, "Software", 18 },
                    { 40, true, "Printing", null, "Printing", 23 },
                    { 50, true, "Classroom AV", null, "Classroom AV", 24 },
                    { 90, true, "Other", null, "Other", 27 }
                });

            migrationBuilder.InsertData(
                table: "helpdesk_macros",
                columns: new[] { "Id", "Active", "AddTags", "Body", "IsPublic", "Name", "SetCategoryId", "SetPriority", "SetStatus", "SetTeamId" },
                values: new object[,]
                {
                    { 1, true, null, "Thanks for letting us know. So we can help, could you tell us the device's asset tag and what you see on the screen?", true, "Need more information", null, null, "Pending", null },
                    { 2, true, null, "Your password has been reset. Sign in with the temporary password you were given and choose a new one.", true, "Password reset done", null, null, "Solved", null },
                    { 3, true, null, "We have ordered the part for this device and will be back in touch when it arrives.", true, "Waiting for a part", null, null, "OnHold", null }
                });

            migrationBuilder.InsertData(
                table: "helpdesk_priority_matrix",
                columns: new[] { "Impact", "Urgency", "Priority" },
                values: new object[,]
                {
                    { "Class", "High", 2 },
                    { "Class", "Low", 4 },
                    { "Class", "Medium", 3 },
                    { "District", "High", 1 },
                    { "District", "Low", 3 },
                    { "District", "Medium", 2 },
                    { "Person", "High", 3 },
                    { "Person", "Low", 5 },
                    { "Person", "Medium", 4 },
                    { "Site", "High", 1 },
                    { "Site", "Low", 3 },
                    { "Site", "Medium", 2 }
                });

            migrationBuilder.InsertData(
                table: "helpdesk_routing_rules",
                columns: new[] { "Id", "AddTags", "AssignSiteTechnician", "CategoryIds", "Channels", "Enabled", "ExpiresAt", "Name", "Order", "Priorities", "RequesterRoles", "SetAssigneeUserId", "SetPriority", "SetTeamId", "SiteIds", "SiteTypes", "StopProcessing" },
                values: new object[,]
                {
                    { 1, null, false, null, null, true, null, "Everything starts at the help desk", 10, null, null, null, null, 1, null, null, false },
                    { 2, null, true, "1,40,50", null, true, null, "Devices, printing and classroom AV at a school go to its technician", 20, null, null, null, null, 2, null, "Elementary,Middle,High,Alternative", false },
                    { 3, null, false, "10,33", null, true, null, "Accounts and email go to the systems team", 30, null, null, null, null, 5, null, null, false },
                    { 4, null, false, "20", null, true, null, "Network problems go to the network team", 40, null, null, null, null, 4, null, null, false },
                    { 5, "outage", false, null, null, true, null, "A district-wide outage is critical", 50, "1", null, null, null, null, null, null, false }
                });

            migrationBuilder.InsertData(
                table: "helpdesk_teams",
                columns: new[] { "Id", "EscalatesToTeamId", "LeadUserId", "Name", "Tier" },
                values: new object[,]
                {
                    { 1, 2, null, "Help desk", 1 },
                    { 2, 3, null, "Site technicians", 2 },
                    { 3, 5, null, "Senior technicians", 3 },
                    { 4, null, null, "Network team", 4 },
                    { 5, null, null, "Systems team", 4 }
                });

            migrationBuilder.InsertData(
                table: "helpdesk_categories",
                columns: new[] { "Id", "Active", "Name", "ParentId", "Path", "SortOrder" },
                values: new object[,]
                {
                    { 2, true, "Tablet", 1, "Device › Tablet", 1 },
                    { 7, true, "Laptop", 1, "Device › Laptop", 6 },
                    { 8, true, "Desktop", 1, "Device › Desktop", 7 },
                    { 11, true, "Password", 10, "Accounts › Password", 10 },
                    { 12, true, "New account", 10, "Accounts › New account", 11 },
                    { 13, true, "Access to a shared drive", 10, "Accounts › Access to a shared drive", 12 },
                    { 21, true, "Wireless", 20, "Network › Wireless", 14 },
                    { 23, true, "Wired connection", 20, "Network › Wired connection", 16 },
                    { 24, true, "Internet filter", 20, "Network › Internet filter", 17 },
                    { 31, true, "Illuminate", 30, "Software › Illuminate", 19 },
                    { 32, true, "PowerSchool", 30, "Software › PowerSchool", 20 },
                    { 33, true, "Email", 30, "Software › Email", 21 },
                    { 34, true, "Install a program", 30, "Software › Install a program", 22 },
                    { 51, true, "Projector", 50, "Classroom AV › Projector", 25 },
                    { 52, true, "Interactive display", 50, "Classroom AV › Interactive display", 26 },
                    { 3, true, "Won't connect to wireless", 2, "Device › Tablet › Won't connect to wireless", 2 },
                    { 4, true, "Dropped off the domain", 2, "Device › Tablet › Dropped off the domain", 3 },
                    { 5, true, "Broken screen", 2, "Device › Tablet › Broken screen", 4 },
                    { 6, true, "Won't charge or turn on", 2, "Device › Tablet › Won't charge or turn on", 5 },
                    { 9, true, "Folders and desktop icons disappeared", 8, "Device › Desktop › Folders and desktop icons disappeared", 8 },
                    { 22, true, "Wireless security error", 21, "Network › Wireless › Wireless security error", 15 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_auth_users_PersonId",
                table: "auth_users",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_categories_ParentId",
                table: "helpdesk_categories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_categories_Path",
                table: "helpdesk_categories",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_macros_Name",
                table: "helpdesk_macros",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_notifications_UserId_Id",
                table: "helpdesk_notifications",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_routing_rules_Order",
                table: "helpdesk_routing_rules",
                column: "Order");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_team_members_UserId",
                table: "helpdesk_team_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_teams_Name",
                table: "helpdesk_teams",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_attachments_TicketId",
                table: "helpdesk_ticket_attachments",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_events_TicketId_Id",
                table: "helpdesk_ticket_events",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_AssigneeUserId_Status_UpdatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "AssigneeUserId", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_CategoryId",
                table: "helpdesk_tickets",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_CreatedAt",
                table: "helpdesk_tickets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_RequesterPersonId_UpdatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "RequesterPersonId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_RequesterUserId_UpdatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "RequesterUserId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_SiteId_Status_UpdatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "SiteId", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_Status_UpdatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_TeamId_Status_UpdatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "TeamId", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_UpdatedAt",
                table: "helpdesk_tickets",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_email_outbox_SentAt_NextAttemptAt",
                table: "platform_email_outbox",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "helpdesk_categories");

            migrationBuilder.DropTable(
                name: "helpdesk_macros");

            migrationBuilder.DropTable(
                name: "helpdesk_notifications");

            migrationBuilder.DropTable(
                name: "helpdesk_priority_matrix");

            migrationBuilder.DropTable(
                name: "helpdesk_round_robin");

            migrationBuilder.DropTable(
                name: "helpdesk_routing_rules");

            migrationBuilder.DropTable(
                name: "helpdesk_team_members");

            migrationBuilder.DropTable(
                name: "helpdesk_ticket_attachments");

            migrationBuilder.DropTable(
                name: "helpdesk_ticket_events");

            migrationBuilder.DropTable(
                name: "platform_email_outbox");

            migrationBuilder.DropTable(
                name: "helpdesk_teams");

            migrationBuilder.DropTable(
                name: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_auth_users_PersonId",
                table: "auth_users");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "auth_users");
        }
    }
}
