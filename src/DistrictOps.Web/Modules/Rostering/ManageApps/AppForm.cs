using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Rostering.Data;

namespace DistrictOps.Web.Modules.Rostering.ManageApps;

/// <summary>The app form's fields; the handler checks them.</summary>
public sealed class AppForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Vendor")]
    public string? Vendor { get; set; }

    [Display(Name = "Vendor contact")]
    public string? ContactName { get; set; }

    [Display(Name = "Contact email")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Contact phone")]
    public string? ContactPhone { get; set; }

    [Display(Name = "Data-privacy agreement")]
    public string? PrivacyAgreement { get; set; }

    [Display(Name = "Agreement signed on")]
    public DateOnly? AgreementSignedOn { get; set; }

    [Display(Name = "Agreement ends on")]
    public DateOnly? AgreementExpiresOn { get; set; }

    [Display(Name = "Status")]
    public AppStatus? Status { get; set; } = AppStatus.Pending;

    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    public SaveAppCommand ToCommand() =>
        new(Name, Vendor, ContactName, ContactEmail, ContactPhone, PrivacyAgreement, AgreementSignedOn, AgreementExpiresOn, Status, Notes);

    public static AppForm From(AppRow a) => new()
    {
        Name = a.Name, Vendor = a.Vendor, ContactName = a.ContactName, ContactEmail = a.ContactEmail, ContactPhone = a.ContactPhone,
        PrivacyAgreement = a.PrivacyAgreement, AgreementSignedOn = a.AgreementSignedOn, AgreementExpiresOn = a.AgreementExpiresOn, Status = a.Status, Notes = a.Notes,
    };
}
