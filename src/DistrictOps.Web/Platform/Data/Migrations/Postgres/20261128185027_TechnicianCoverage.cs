using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TechnicianCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directory_technician_coverage",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Share = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_technician_coverage", x => new { x.PersonId, x.SiteId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_directory_technician_coverage_SiteId",
                table: "directory_technician_coverage",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directory_technician_coverage");
        }
    }
}
