using DistrictOps.Web.Modules.Devices.AuditDevices;
using DistrictOps.Web.Modules.Devices.CollectDevices;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.RecoverDevices;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.UnitTests.Modules.Devices;

public sealed class AuditsCollectionsAndRecoveryTests
{
    [Fact]
    public void An_audit_is_named_after_its_place_and_day_within_the_name_limit()
    {
        var day = new DateOnly(2026, 11, 30);

        Assert.Equal("Harbor View Elementary, 2026-11-30", AuditDevicesHandler.DefaultName("Harbor View Elementary", null, day));
        Assert.Equal("Harbor View Elementary, room 12, 2026-11-30", AuditDevicesHandler.DefaultName("Harbor View Elementary", "12", day));
        var longName = AuditDevicesHandler.DefaultName(new string('S', 120), "Library", day);
        Assert.Equal(Audit.NameMaxLength, longName.Length);
        Assert.EndsWith("…", longName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_counts_for_the_district_day_it_went_out_in()
    {
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var evening = new DateTimeOffset(2027, 6, 2, 5, 30, 0, TimeSpan.Zero); // 22:30 on 1 June in California

        Assert.True(CollectDevicesHandler.RemindedOn(evening, new DateOnly(2027, 6, 1), pacific));
        Assert.False(CollectDevicesHandler.RemindedOn(evening, new DateOnly(2027, 6, 2), pacific));
        Assert.False(CollectDevicesHandler.RemindedOn(null, new DateOnly(2027, 6, 1), pacific));
    }

    [Fact]
    public void A_collection_that_expected_nothing_is_complete_and_percentages_round_down()
    {
        static CollectionSummary Of(int expected, int collected) =>
            new(1, Guid.Empty, "Site", "2026-27", new DateOnly(2027, 6, 1), DateTimeOffset.UnixEpoch, "Tech", null, expected, collected);

        Assert.Equal((100, 0), (Of(0, 0).Percent, Of(0, 0).Outstanding));
        Assert.Equal((66, 1), (Of(3, 2).Percent, Of(3, 2).Outstanding));
    }

    [Fact]
    public void Devices_to_recover_are_those_of_leavers_most_recent_leaver_first_then_by_tag()
    {
        var (site, home) = (Guid.NewGuid(), Guid.NewGuid());
        var (ana, ben, cal) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero);
        var leavers = new List<Leaver>
        {
            new(ana, "Ana Ortiz", "Student", home, now.AddDays(-30)),
            new(ben, "Ben Ito", "Teacher", site, now.AddDays(-2)),
        };
        var held = new List<HeldDevice>
        {
            new("T-00009", "10w", DeviceStatus.Assigned, ana, "Ana Ortiz", null),
            new("T-00003", "10w", DeviceStatus.Loaner, ana, "Ana Ortiz", site),
            new("T-00005", "10w", DeviceStatus.Assigned, ben, "Ben Ito", site),
            new("T-00001", "10w", DeviceStatus.Assigned, cal, "Cal Still-Here", site),
        };

        var rows = RecoverDevicesHandler.Rows(held, leavers, new Dictionary<Guid, string> { [site] = "Harbor View", [home] = "Bayview High" });

        Assert.Equal([("T-00005", "Ben Ito", "Harbor View"), ("T-00003", "Ana Ortiz", "Harbor View"), ("T-00009", "Ana Ortiz", "Bayview High")],
            rows.Select(r => (r.AssetTag, r.Holder, r.Site)));
        Assert.Equal(home, rows[2].SiteId);
    }
}
