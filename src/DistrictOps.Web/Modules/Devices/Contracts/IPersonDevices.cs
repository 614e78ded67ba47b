namespace DistrictOps.Web.Modules.Devices.Contracts;

/// <summary>A device someone holds, as the help desk's request form offers it.</summary>
public sealed record HeldDevice(string AssetTag, string Model, string Standard, bool IsLoan);

/// <summary>The devices a person holds and a device's model by its tag, for the help desk (the request form, a ticket's model).</summary>
public interface IPersonDevices
{
    /// <summary>The devices checked out or lent to the person now, newest first.</summary>
    Task<IReadOnlyList<HeldDevice>> HeldByAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>The model of the device with this asset tag, or null when the register has no such tag.</summary>
    Task<string?> ModelOfAsync(string assetTag, CancellationToken cancellationToken = default);
}
