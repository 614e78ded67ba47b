using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectoryAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_directory_people_FamilyName_GivenName",
                table: "directory_people");

            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "directory_people",
                type: "TEXT",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "directory_access_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_access_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_import_uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_import_uploads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_SortName",
                table: "directory_people",
                column: "SortName");

            migrationBuilder.CreateIndex(
                name: "IX_directory_access_log_PersonId_At",
                table: "directory_access_log",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_directory_access_log_UserId_At",
                table: "directory_access_log",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directory_access_log");

            migrationBuilder.DropTable(
                name: "directory_import_uploads");

            migrationBuilder.DropIndex(
                name: "IX_directory_people_SortName",
                table: "directory_people");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "directory_people");

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_FamilyName_GivenName",
                table: "directory_people",
                columns: new[] { "FamilyName", "GivenName" });
        }
    }
}
