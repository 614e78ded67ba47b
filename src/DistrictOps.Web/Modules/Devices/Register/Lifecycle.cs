namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>When a device is due for replacement: the earlier of its purchase year plus the standard's expected life and the year support ends.</summary>
public static class Lifecycle
{
    public static int RetirementYear(DateOnly? purchasedOn, int expectedLifeYears, DateOnly? supportEnds, int purchaseYearUnknown)
    {
        var bought = purchasedOn?.Year ?? purchaseYearUnknown;
        var byLife = bought + expectedLifeYears;
        return supportEnds is { } end && end.Year < byLife ? end.Year : byLife;
    }
}
