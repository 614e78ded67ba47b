using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>Adds a line to a device's history and stamps the device as changed; the caller saves with its own changes.</summary>
public sealed class DeviceHistory(AppDbContext db, DistrictTime time)
{
    public DateTimeOffset Now => time.Now;

    /// <summary>The district's date today (school years, due dates and ages of devices are in district days).</summary>
    public DateOnly Today => time.Today;

    public DeviceEvent Add(Device device, DeviceUser user, DeviceEventKind kind, string? detail = null, DeviceStatus? from = null)
    {
        var entry = new DeviceEvent
        {
            DeviceId = device.Id, At = Now, ActorUserId = user.UserId, ActorName = user.Name, Kind = kind,
            FromStatus = from, ToStatus = from is null ? null : device.Status, Detail = Trim(detail),
        };
        device.UpdatedAt = entry.At;
        device.Version++;
        db.Add(entry);
        return entry;
    }

    /// <summary>Moves the device's status when the move is allowed, with its history line; else the refusal's sentence.</summary>
    public string? Move(Device device, DeviceStatus to, DeviceUser user, DeviceEventKind kind, string? detail = null)
    {
        if (device.Status == to)
        {
            return null;
        }

        if (!DeviceStatuses.CanMove(device.Status, to))
        {
            return DeviceStatuses.Refusal(device.Status, to);
        }

        var from = device.Status;
        device.Status = to;
        Add(device, user, kind, detail, from);
        return null;
    }

    private static string? Trim(string? detail) =>
        detail is { Length: > DeviceEvent.DetailMaxLength } ? detail[..(DeviceEvent.DetailMaxLength - 1)] + "…" : detail;
}
