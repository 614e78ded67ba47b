namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>A technician's share of a site's support, for routing and staffing.</summary>
public sealed class TechnicianCoverage
{
    public Guid PersonId { get; set; }

    public Guid SiteId { get; set; }

    public decimal Share { get; set; }
}
