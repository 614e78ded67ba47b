using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpdeskReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_Report_Opened",
                table: "helpdesk_tickets",
                columns: new[] { "CreatedAt", "SiteId", "Channel", "TeamId", "Priority", "ResponseMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_Report_Solved",
                table: "helpdesk_tickets",
                columns: new[] { "SolvedAt", "SiteId", "TeamId", "Priority", "ResolutionMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_events_Report_Backlog",
                table: "helpdesk_ticket_events",
                columns: new[] { "At", "FromStatus", "ToStatus" },
                filter: "\"Kind\" = 'StatusChanged' AND (CASE WHEN \"FromStatus\" IN ('New', 'Open', 'OnHold') THEN 1 WHEN \"FromStatus\" = 'Pending' THEN 2 ELSE 0 END) <> (CASE WHEN \"ToStatus\" IN ('New', 'Open', 'OnHold') THEN 1 WHEN \"ToStatus\" = 'Pending' THEN 2 ELSE 0 END)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_Report_Opened",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_Report_Solved",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_ticket_events_Report_Backlog",
                table: "helpdesk_ticket_events");
        }
    }
}
