using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Directory.UploadImport;

namespace DistrictOps.UnitTests.Modules.Directory.UploadImport;

public sealed class ImportReportTests
{
    [Fact]
    public void A_finding_reports_the_value_and_fix_it_carries_not_what_its_message_quotes()
    {
        // An apostrophe in the value used to cut the value read back out of the message at "o".
        var dangling = new ImportError("users.csv", 4, 13, "agentSourcedIds 'o'brien' names no user in users.csv or already in DistrictOps; the row is left out.")
        {
            Value = "o'brien, p-2",
            Fix = "Correct the reference, or send the row it names in the same export.",
        };
        var plan = new ImportPlan("sis.zip", "1.2", [], [new ImportError("orgs.csv", 0, 0, "the bulk file has a header and no rows.")], 1, [])
        {
            Warnings = [dangling], WarningCount = 1,
        };

        var findings = ImportReport.From(plan).Findings;

        Assert.Equal(("", "Correct this in the export: DistrictOps applies nothing from a package with errors."), (findings[0].Value, findings[0].Fix));
        Assert.Equal(("o'brien, p-2", "Correct the reference, or send the row it names in the same export."), (findings[1].Value, findings[1].Fix));
    }
}
