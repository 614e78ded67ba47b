using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.DeliverRoster;
using DistrictOps.Web.Modules.Rostering.Packages;
using DistrictOps.Web.Modules.Rostering.Sharing;

namespace DistrictOps.UnitTests.Modules.Rostering;

public sealed class PackageRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly RosterUser Teen = new()
    {
        Id = Guid.NewGuid(), SourcedId = "s-hs-1", ModifiedAt = Noon, SourceRole = "student", EnabledUser = true, GivenName = "Teen", FamilyName = "O\"Tran, Jr.",
        Username = "teen1", Email = "teen1@students.example", Identifier = "S-1", Grades = "10", PrimaryOrgSourcedId = "org-hs-01",
    };

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_field_is_quoted_only_when_it_holds_a_comma_a_quote_or_a_line_break(string? value, string written)
    {
        Assert.Equal(written, RosterCsv.Field(value));
    }

    [Fact]
    public void Values_are_written_in_OneRoster_formats_and_a_record_ends_with_CRLF()
    {
        Assert.Equal("2026-09-01", RosterCsv.Date(new DateOnly(2026, 9, 1)));
        Assert.Equal("2026-11-20T20:00:00.123Z", RosterCsv.Instant(new DateTimeOffset(2026, 11, 20, 12, 0, 0, 123, TimeSpan.FromHours(-8))));
        Assert.Equal(("true", "false", ""), (RosterCsv.Bool(true), RosterCsv.Bool(false), RosterCsv.Bool((bool?)null)));
        Assert.Equal("s-1,\"g-1,g-2\",,x\r\n", RosterCsv.Record(["s-1", RosterCsv.List(["g-1", "g-2"]), null, "x"]));
        Assert.Empty(RosterCsv.Utf8.GetPreamble());
    }

    [Fact]
    public void Every_row_has_its_files_columns_in_spec_order_and_a_bulk_row_leaves_status_and_date_blank()
    {
        foreach (var version in new[] { "1.1", "1.2" })
        {
            var rows = new OneRosterRows(version, delta: false);
            var orgs = UserOrgs.Of(Teen, new RosterUserLinks(["org-hs-01"], ["g-2"]), new HashSet<string> { "org-hs-01" }, version);
            var user = rows.User(Teen, orgs, ["g-2"]);
            var header = OneRosterFiles.Columns(version, OneRosterFiles.Users)!;
            Assert.Equal(header.Count, user.Length);
            string? Field(string column) => user[header.ToList().IndexOf(column)];
            Assert.Equal(("s-hs-1", null, null, "Teen", "O\"Tran, Jr.", "g-2", null), (Field("sourcedId"), Field("status"), Field("dateLastModified"), Field("givenName"), Field("familyName"), Field("agentSourcedIds"), Field("password")));
            Assert.Equal(OneRosterFiles.Columns(version, OneRosterFiles.Orgs)!.Count, rows.Org(new RosterOrg { SourcedId = "o", Name = "O", Type = default }).Length);
            Assert.Equal(OneRosterFiles.Columns(version, OneRosterFiles.Classes)!.Count, rows.Class(new RosterClass { SourcedId = "c" }).Length);
            Assert.Equal(OneRosterFiles.Columns(version, OneRosterFiles.Courses)!.Count, rows.Course(new RosterCourse { SourcedId = "c" }).Length);
            Assert.Equal(OneRosterFiles.Columns(version, OneRosterFiles.Enrollments)!.Count, rows.Enrollment(new RosterEnrollment { SourcedId = "e" }).Length);
            Assert.Equal(OneRosterFiles.Columns(version, OneRosterFiles.Demographics)!.Count, rows.Demographics(new RosterDemographics { SourcedId = "d" }).Length);
            Assert.Equal(OneRosterFiles.Columns(version, OneRosterFiles.AcademicSessions)!.Count, rows.Session(new RosterSession { SourcedId = "s" }).Length);
        }
    }

    [Fact]
    public void A_delta_row_says_active_or_tobedeleted_with_when_and_a_removed_row_carries_nothing_else()
    {
        var rows = new OneRosterRows("1.2", delta: true);
        var enrollment = new RosterEnrollment { SourcedId = "e-1", ModifiedAt = Noon, ClassSourcedId = "c-1", SchoolSourcedId = "o-1", UserSourcedId = "s-1", Role = "student" };

        Assert.Equal(new string?[] { "e-1", "active", "2026-11-20T12:00:00.000Z", "c-1", "o-1", "s-1", "student", "false", "", "" }, rows.Enrollment(enrollment).AsEnumerable());
        Assert.Equal(new string?[] { "e-1", "tobedeleted", "2026-11-20T12:00:00.000Z", null, null, null, null, null, null, null }, rows.Enrollment(enrollment with { Left = true }).AsEnumerable());
        var removed = rows.RemovedUser(Teen, Noon.AddHours(1));
        Assert.Equal(("tobedeleted", "2026-11-20T13:00:00.000Z"), (removed[1], removed[2]));
        Assert.All(removed.Skip(3), Assert.Null);
    }

    [Fact]
    public void A_masked_user_is_written_without_the_fields_the_agreement_does_not_share()
    {
        var rows = new OneRosterRows("1.1", delta: false);
        var masked = AgreementRules.Mask(Teen, SharedFields.None);
        var user = rows.User(masked, UserOrgs.Of(masked, null, new HashSet<string> { "org-hs-01" }, "1.1"), []);
        var header = OneRosterFiles.Columns("1.1", OneRosterFiles.Users)!.ToList();

        Assert.Equal(("Teen", "org-hs-01", "student"), (user[header.IndexOf("givenName")], user[header.IndexOf("orgSourcedIds")], user[header.IndexOf("role")]));
        Assert.All(new[] { "username", "email", "identifier", "grades", "phone" }, c => Assert.Null(user[header.IndexOf(c)]));
    }

    [Fact]
    public void A_users_orgs_are_those_the_package_holds_primary_first_with_one_role_each_in_the_versions_words()
    {
        var principal = Teen with { SourcedId = "p-1", SourceRole = "principal", PrimaryOrgSourcedId = "org-b" };
        var links = new RosterUserLinks(["org-a", "org-b", "org-out"], []) { Roles = [new("org-a", "teacher"), new("org-b", "principal"), new("org-out", "principal")] };

        var v11 = UserOrgs.Of(principal, links, new HashSet<string> { "org-a", "org-b" }, "1.1");
        Assert.Equal(["org-b", "org-a"], v11.PrimaryFirst);
        Assert.Equal("administrator", principal.RoleIn("1.1"));

        var v12 = UserOrgs.Of(principal, links, new HashSet<string> { "org-a", "org-b" }, "1.2");
        Assert.Equal([new RosterOrgRole("org-a", "teacher"), new RosterOrgRole("org-b", "principal")], v12.Roles);
        Assert.Equal(new RosterOrgRole("org-b", "principal"), v12.PrimaryRole);
        var roles = new OneRosterRows("1.2", delta: false).Roles(principal, v12).ToList();
        Assert.Equal([("p-1:org-a:teacher", "secondary"), ("p-1:org-b:principal", "primary")], roles.Select(r => (r[0]!, r[4]!)));
        Assert.Equal("siteAdministrator", OneRosterRoles.In("1.2", "administrator"));
    }

    [Fact]
    public void School_Data_Sync_takes_its_own_roles_no_guardians_no_line_breaks_and_only_E164_phones()
    {
        Assert.Equal(("teacherAssistant", "administrator", "advisor", null), (SchoolDataSyncRows.Role("aide"), SchoolDataSyncRows.Role("districtAdministrator"), SchoolDataSyncRows.Role("counselor"), SchoolDataSyncRows.Role("parent")));
        var user = SchoolDataSyncRows.User(Teen with { GivenName = "Two\r\nLines", Phone = "555-0100" });
        Assert.Equal(("Two Lines", null, null), (user[2], user[7], user[4]));
        Assert.Equal("+15555550100", SchoolDataSyncRows.User(Teen with { Phone = "+15555550100" })[7]);
        Assert.True(SchoolDataSyncRows.IsGuardian(Teen with { SourceRole = "relative" }));
    }

    [Fact]
    public void A_delta_continues_from_the_last_delivered_package_of_the_same_revision_and_format_else_it_is_bulk()
    {
        var agreement = new SharingAgreement { Mode = ExportMode.Delta, Format = ExportFormat.OneRoster12, Revision = 3 };
        var delivered = new PastDelivery(3, ExportFormat.OneRoster12, DeliveryStatus.Delivered, Noon, Noon.AddHours(-1));

        Assert.Null(DeltaSelection.SinceOf(agreement, []));
        Assert.Equal(Noon.AddHours(-1), DeltaSelection.SinceOf(agreement, [delivered, delivered with { StartedAt = Noon.AddDays(-1), DataAsOf = Noon.AddDays(-2) }]));
        Assert.Null(DeltaSelection.SinceOf(agreement, [delivered with { AgreementRevision = 2 }]));
        Assert.Null(DeltaSelection.SinceOf(agreement, [delivered with { Status = DeliveryStatus.Failed }]));
        Assert.Null(DeltaSelection.SinceOf(agreement, [delivered with { Format = ExportFormat.OneRoster11 }]));
        Assert.Null(DeltaSelection.SinceOf(new SharingAgreement { Mode = ExportMode.Bulk, Format = ExportFormat.OneRoster12, Revision = 3 }, [delivered]));
        Assert.Null(DeltaSelection.SinceOf(new SharingAgreement { Mode = ExportMode.Delta, Format = ExportFormat.SchoolDataSync, Revision = 3 }, [delivered with { Format = ExportFormat.SchoolDataSync }]));
    }

    [Fact]
    public void A_failed_push_is_tried_again_after_5_minutes_30_minutes_and_2_hours_then_not_at_all()
    {
        var waits = new DeliveryOptions().RetryAfter;
        Assert.Equal([Noon.AddMinutes(5), Noon.AddMinutes(30), Noon.AddHours(2), null], new[] { 1, 2, 3, 4 }.Select(n => DeliveryRetries.NextAttempt(waits, n, Noon)));
    }

    [Fact]
    public void A_schedule_is_a_cron_expression_in_the_districts_time_zone()
    {
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero), ScheduledDeliveriesWork.NextRun("0 0 6 * * ?", pacific, Noon));
        Assert.Null(ScheduledDeliveriesWork.NextRun("every morning", pacific, Noon));
    }

    [Fact]
    public void A_package_is_named_after_the_app_format_mode_and_time()
    {
        var delivery = new RosterDelivery { RequestedBy = "x", Format = ExportFormat.OneRoster12, Mode = ExportMode.Delta, StartedAt = Noon };
        Assert.Equal("read-180-oneroster-1.2-delta-20261120T120000Z.zip", DeliveryHandler.PackageName("Read 180!", delivery));
    }
}
