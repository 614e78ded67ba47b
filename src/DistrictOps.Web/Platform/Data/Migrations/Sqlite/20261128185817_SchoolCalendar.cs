using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchoolCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directory_calendar_years",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_calendar_years", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_no_school_days",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_no_school_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_site_hours",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_site_hours", x => x.SiteId);
                });

            migrationBuilder.CreateTable(
                name: "directory_special_hours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_special_hours", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_directory_calendar_years_FirstDay",
                table: "directory_calendar_years",
                column: "FirstDay",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_no_school_days_Date_SiteId",
                table: "directory_no_school_days",
                columns: new[] { "Date", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_directory_special_hours_Date_SiteId",
                table: "directory_special_hours",
                columns: new[] { "Date", "SiteId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directory_calendar_years");

            migrationBuilder.DropTable(
                name: "directory_no_school_days");

            migrationBuilder.DropTable(
                name: "directory_site_hours");

            migrationBuilder.DropTable(
                name: "directory_special_hours");
        }
    }
}
