using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.RegisterDevices;

public sealed record SaveDeviceCommand(DeviceFields Fields, int? Version = null);

public sealed record DeviceSaved(Guid Id, string AssetTag, int Version, bool Changed);

/// <summary>Adds a device to the register and changes its register fields; who holds it changes only through custody.</summary>
public sealed class RegisterDeviceHandler(AppDbContext db, ISiteDirectory sites, DeviceHistory history, Custody custody)
{
    public async Task<Result<DeviceSaved>> CreateAsync(DeviceFields fields, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var values = (await DeviceRules.LoadAsync(db, sites, cancellationToken)).Check(fields, errors);
        if (values is null)
        {
            return Result.Invalid(errors);
        }

        if (!user.Scope.Covers(values.SiteId))
        {
            return Result.Invalid("site", "Choose one of your sites.");
        }

        var existing = await db.Set<Device>().Where(d => d.AssetTag == values.AssetTag || d.Serial == values.Serial).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return values.SameAs(existing)
                ? new DeviceSaved(existing.Id, existing.AssetTag, existing.Version, Changed: false)
                : Result.Conflict(existing.AssetTag == values.AssetTag
                    ? $"The asset tag {values.AssetTag} is already on another device (serial {existing.Serial})."
                    : $"The serial {values.Serial} is already registered as {existing.AssetTag}.");
        }

        var device = new Device { Id = Guid.CreateVersion7(), AssetTag = "", Serial = "", Status = values.Status, CreatedAt = history.Now };
        values.CopyTo(device);
        db.Add(device);
        history.Add(device, user, DeviceEventKind.Added, $"Added as {DeviceStatuses.Words(device.Status)}");
        await db.SaveChangesAsync(cancellationToken);
        return new DeviceSaved(device.Id, device.AssetTag, device.Version, Changed: true);
    }

    public async Task<Result<DeviceSaved>> UpdateAsync(string assetTag, SaveDeviceCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var device = await custody.FindAsync(assetTag, user.Scope, cancellationToken);
        if (device is null)
        {
            return Result.NotFound($"No device has the tag {assetTag}.");
        }

        if (command.Version is { } version && version != device.Version)
        {
            return Result.Conflict($"Someone changed {device.AssetTag} since you opened it; open it again to see their change.");
        }

        var errors = new ErrorList();
        var values = (await DeviceRules.LoadAsync(db, sites, cancellationToken)).Check(command.Fields, errors, current: device.Status);
        if (values is null)
        {
            return Result.Invalid(errors);
        }

        if (values.SameAs(device))
        {
            return new DeviceSaved(device.Id, device.AssetTag, device.Version, Changed: false);
        }

        var refused = await ConflictsAsync(device, values, user, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var changed = values.ChangedFrom(device);
        var from = device.Status;
        values.CopyTo(device);
        device.Status = values.Status;
        history.Add(device, user, from == device.Status ? DeviceEventKind.Edited : DeviceEventKind.StatusChanged, "Changed " + string.Join(", ", changed), from == device.Status ? null : from);
        await db.SaveChangesAsync(cancellationToken);
        return new DeviceSaved(device.Id, device.AssetTag, device.Version, Changed: true);
    }

    private async Task<Failure?> ConflictsAsync(Device device, DeviceValues values, DeviceUser user, CancellationToken cancellationToken)
    {
        if (!user.Scope.Covers(values.SiteId))
        {
            return Result.Invalid("site", "Choose one of your sites.");
        }

        if (DeviceRules.MoveRefusal(device, values.Status) is { } refusal)
        {
            return Result.Conflict(refusal);
        }

        if (await db.Set<Device>().AnyAsync(d => d.Id != device.Id && (d.AssetTag == values.AssetTag || d.Serial == values.Serial), cancellationToken))
        {
            return Result.Conflict($"Another device already has the tag {values.AssetTag} or the serial {values.Serial}.");
        }

        return null;
    }
}
