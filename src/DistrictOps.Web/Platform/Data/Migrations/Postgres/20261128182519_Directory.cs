using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directory_academic_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ParentSourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SchoolYear = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_academic_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_classes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ClassCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClassType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Location = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Grades = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Subjects = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Periods = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    TermSourcedIds = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_classes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CourseCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Grades = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Subjects = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SchoolYearSourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_demographics",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AmericanIndianOrAlaskaNative = table.Column<bool>(type: "boolean", nullable: true),
                    Asian = table.Column<bool>(type: "boolean", nullable: true),
                    BlackOrAfricanAmerican = table.Column<bool>(type: "boolean", nullable: true),
                    NativeHawaiianOrOtherPacificIslander = table.Column<bool>(type: "boolean", nullable: true),
                    White = table.Column<bool>(type: "boolean", nullable: true),
                    TwoOrMoreRaces = table.Column<bool>(type: "boolean", nullable: true),
                    HispanicOrLatinoEthnicity = table.Column<bool>(type: "boolean", nullable: true),
                    CountryOfBirthCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    StateOfBirthAbbreviation = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CityOfBirth = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PublicSchoolResidenceStatus = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_demographics", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "directory_enrollments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Primary = table.Column<bool>(type: "boolean", nullable: false),
                    BeginDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_enrollments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_guardian_links",
                columns: table => new
                {
                    GuardianId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_guardian_links", x => new { x.GuardianId, x.StudentId });
                });

            migrationBuilder.CreateTable(
                name: "directory_import_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    RunBy = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CountsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_import_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnabledUser = table.Column<bool>(type: "boolean", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    MiddleName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    PreferredGivenName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    PreferredFamilyName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Username = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Email = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Identifier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Grades = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PrimarySiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmployeeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PositionTitle = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Department = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    HrStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    HrStartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HrEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HrContentHash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_person_sites",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_person_sites", x => new { x.PersonId, x.SiteId, x.Role });
                });

            migrationBuilder.CreateTable(
                name: "directory_sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Identifier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OrgType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TypeSetByAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    ParentSourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Street = table.Column<string>(type: "text", nullable: true),
                    City = table.Column<string>(type: "text", nullable: true),
                    PostalCode = table.Column<string>(type: "text", nullable: true),
                    Grades = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Enrollment = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_import_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Entity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcedId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Fields = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_import_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_directory_import_changes_directory_import_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "directory_import_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_directory_academic_sessions_SourcedId",
                table: "directory_academic_sessions",
                column: "SourcedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_classes_CourseId",
                table: "directory_classes",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_classes_SiteId",
                table: "directory_classes",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_classes_SourcedId",
                table: "directory_classes",
                column: "SourcedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_courses_SiteId",
                table: "directory_courses",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_courses_SourcedId",
                table: "directory_courses",
                column: "SourcedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_enrollments_ClassId",
                table: "directory_enrollments",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_enrollments_PersonId",
                table: "directory_enrollments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_enrollments_SourcedId",
                table: "directory_enrollments",
                column: "SourcedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_guardian_links_StudentId",
                table: "directory_guardian_links",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_import_changes_RunId_Entity_Kind",
                table: "directory_import_changes",
                columns: new[] { "RunId", "Entity", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_directory_import_runs_StartedAt",
                table: "directory_import_runs",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_EmployeeId",
                table: "directory_people",
                column: "EmployeeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_FamilyName_GivenName",
                table: "directory_people",
                columns: new[] { "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_Identifier",
                table: "directory_people",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_Kind_FamilyName",
                table: "directory_people",
                columns: new[] { "Kind", "FamilyName" });

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_PrimarySiteId",
                table: "directory_people",
                column: "PrimarySiteId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_people_SourcedId",
                table: "directory_people",
                column: "SourcedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_person_sites_SiteId",
                table: "directory_person_sites",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_sites_Name",
                table: "directory_sites",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_directory_sites_SourcedId",
                table: "directory_sites",
                column: "SourcedId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directory_academic_sessions");

            migrationBuilder.DropTable(
                name: "directory_classes");

            migrationBuilder.DropTable(
                name: "directory_courses");

            migrationBuilder.DropTable(
                name: "directory_demographics");

            migrationBuilder.DropTable(
                name: "directory_enrollments");

            migrationBuilder.DropTable(
                name: "directory_guardian_links");

            migrationBuilder.DropTable(
                name: "directory_import_changes");

            migrationBuilder.DropTable(
                name: "directory_people");

            migrationBuilder.DropTable(
                name: "directory_person_sites");

            migrationBuilder.DropTable(
                name: "directory_sites");

            migrationBuilder.DropTable(
                name: "directory_import_runs");
        }
    }
}
