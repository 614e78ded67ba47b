using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;

namespace DistrictOps.Web.Modules.Rostering.EditAgreement;

/// <summary>The agreement form's fields; the handler checks them.</summary>
public sealed class AgreementForm
{
    public bool AllSites { get; set; } = true;

    public List<Guid> SiteIds { get; set; } = [];

    public List<SharedRoles> Roles { get; set; } = [];

    public ClassScope Classes { get; set; }

    [Display(Name = "Subjects or course codes")]
    public string? ClassValues { get; set; }

    public List<SharedFields> Fields { get; set; } = [];

    [Display(Name = "Format")]
    public ExportFormat Format { get; set; }

    [Display(Name = "Bulk or delta")]
    public ExportMode Mode { get; set; }

    [Display(Name = "Delivery")]
    public DeliveryMethod Method { get; set; }

    [Display(Name = "Schedule (Quartz cron, district time)")]
    public string? Schedule { get; set; }

    [Display(Name = "SFTP server")]
    public string? SftpHost { get; set; }

    [Display(Name = "Port")]
    public int? SftpPort { get; set; } = 22;

    [Display(Name = "Username")]
    public string? SftpUsername { get; set; }

    [Display(Name = "Sign in with")]
    public SftpAuth SftpAuth { get; set; }

    public string? SftpSecret { get; set; }

    [Display(Name = "Host key fingerprint")]
    public string? SftpHostKey { get; set; }

    [Display(Name = "Folder")]
    public string? SftpFolder { get; set; } = "/";

    public int Revision { get; set; }

    public SaveAgreementCommand ToCommand() =>
        new(AllSites ? [] : SiteIds, Roles, Classes, ClassValues, Fields, Format, Mode, Method, Schedule, SftpHost, SftpPort, SftpUsername, SftpAuth,
            SftpSecret, SftpHostKey, SftpFolder, Revision);

    public static AgreementForm From(AgreementView a) => new()
    {
        AllSites = a.AllSites, SiteIds = a.Sites.Select(s => s.Id).ToList(),
        Roles = Enum.GetValues<SharedRoles>().Where(r => r != SharedRoles.None && a.Roles.HasFlag(r)).ToList(),
        Classes = a.Classes, ClassValues = string.Join(", ", a.ClassValues),
        Fields = Enum.GetValues<SharedFields>().Where(f => f != SharedFields.None && a.Fields.HasFlag(f)).ToList(),
        Format = a.Format, Mode = a.Mode, Method = a.Method, Schedule = a.Schedule, SftpHost = a.SftpHost, SftpPort = a.SftpPort, SftpUsername = a.SftpUsername,
        SftpAuth = a.SftpAuth, SftpHostKey = a.SftpHostKey, SftpFolder = a.SftpFolder, Revision = a.Revision,
    };
}
