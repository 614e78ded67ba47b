namespace DistrictOps.Web.Modules.Devices.Data;

/// <summary>The moves a device's status may make; everything else is refused with the moves that are allowed.</summary>
public static class DeviceStatuses
{
    private static readonly Dictionary<DeviceStatus, DeviceStatus[]> Allowed = new()
    {
        [DeviceStatus.InStock] = [DeviceStatus.Assigned, DeviceStatus.Loaner, DeviceStatus.InRepair, DeviceStatus.Lost, DeviceStatus.Stolen, DeviceStatus.Damaged, DeviceStatus.Retired],
        [DeviceStatus.Assigned] = [DeviceStatus.InStock, DeviceStatus.InRepair, DeviceStatus.Lost, DeviceStatus.Stolen, DeviceStatus.Damaged],
        [DeviceStatus.Loaner] = [DeviceStatus.InStock, DeviceStatus.InRepair, DeviceStatus.Lost, DeviceStatus.Stolen, DeviceStatus.Damaged],
        [DeviceStatus.InRepair] = [DeviceStatus.InStock, DeviceStatus.Assigned, DeviceStatus.Damaged, DeviceStatus.Retired],
        [DeviceStatus.Lost] = [DeviceStatus.InStock, DeviceStatus.Retired],
        [DeviceStatus.Stolen] = [DeviceStatus.InStock, DeviceStatus.Retired],
        [DeviceStatus.Damaged] = [DeviceStatus.InRepair, DeviceStatus.InStock, DeviceStatus.Retired],
        [DeviceStatus.Retired] = [DeviceStatus.Disposed],
        [DeviceStatus.Disposed] = [],
    };

    /// <summary>Counted as devices the district supports (tickets per device, staffing, the forecast): not lost, stolen, retired or disposed.</summary>
    public static readonly DeviceStatus[] InServiceStatuses = [DeviceStatus.InStock, DeviceStatus.Assigned, DeviceStatus.Loaner, DeviceStatus.InRepair, DeviceStatus.Damaged];

    /// <summary>Every status but <see cref="InServiceStatuses"/>: lost, stolen, retired, disposed.</summary>
    public static readonly DeviceStatus[] OutOfServiceStatuses = Enum.GetValues<DeviceStatus>().Except(InServiceStatuses).ToArray();

    public static IReadOnlyList<DeviceStatus> From(DeviceStatus status) => Allowed[status];

    public static bool CanMove(DeviceStatus from, DeviceStatus to) => Allowed[from].Contains(to);

    /// <summary>Out with someone: checked out or on loan.</summary>
    public static bool IsOut(DeviceStatus status) => status is DeviceStatus.Assigned or DeviceStatus.Loaner;

    /// <summary>One of <see cref="InServiceStatuses"/>.</summary>
    public static bool InService(DeviceStatus status) => InServiceStatuses.Contains(status);

    /// <summary>"In stock can move to Assigned, Loaner, …": the sentence a refused move shows.</summary>
    public static string Refusal(DeviceStatus from, DeviceStatus to) => Allowed[from].Length == 0
        ? $"A device that is {Words(from)} cannot change status."
        : $"A device that is {Words(from)} cannot become {Words(to)}; it can become {string.Join(", ", Allowed[from].Select(Words))}.";

    public static string Words(DeviceStatus status) => status switch
    {
        DeviceStatus.InStock => "in stock",
        DeviceStatus.InRepair => "in repair",
        DeviceStatus.Loaner => "out on loan",
        _ => status.ToString().ToLowerInvariant(),
    };
}
