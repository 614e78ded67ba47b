using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Modules.Users;

/// <summary>The <c>Users</c> configuration section.</summary>
public sealed class UsersOptions
{
    public const string Section = "Users";

    /// <summary>How long an administrator's password reset link works. Short: whoever holds the email can take the account.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan ResetLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Days after an HR leaver's last day before their account is disabled; 0 disables it on the first run after.</summary>
    [Range(0, 365)]
    public int LeaverGraceDays { get; set; }
}
