using DistrictOps.Web.Modules.Rostering.Data;

namespace DistrictOps.Web.Modules.Rostering.Packages;

/// <summary>A delivery made before, as the choice of the next package's mode needs it.</summary>
public sealed record PastDelivery(int AgreementRevision, ExportFormat Format, DeliveryStatus Status, DateTimeOffset StartedAt, DateTimeOffset? DataAsOf);

/// <summary>
/// Bulk or delta (pure): a delta agreement's package holds what changed after the data time of the app's last delivered
/// package of the same agreement revision (and format). With none (the first delivery, or the first after the agreement
/// changed, or the last ones all failed) it is bulk; School Data Sync v2.1 is always bulk.
/// </summary>
public static class DeltaSelection
{
    /// <summary>The data time the delta continues from; null for a bulk package.</summary>
    public static DateTimeOffset? SinceOf(SharingAgreement agreement, IEnumerable<PastDelivery> past)
    {
        if (agreement.Mode != ExportMode.Delta || agreement.Format == ExportFormat.SchoolDataSync)
        {
            return null;
        }

        return past
            .Where(d => d.Status == DeliveryStatus.Delivered && d.AgreementRevision == agreement.Revision && d.Format == agreement.Format && d.DataAsOf is not null)
            .OrderByDescending(d => d.StartedAt)
            .Select(d => d.DataAsOf)
            .FirstOrDefault();
    }
}
