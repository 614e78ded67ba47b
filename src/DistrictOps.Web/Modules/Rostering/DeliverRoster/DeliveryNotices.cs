using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

/// <summary>The words of a failed delivery's help desk ticket: the app, what failed and what to do; never a person's data.</summary>
public static class DeliveryNotices
{
    public const string Automation = "rostering.deliver";

    /// <summary>One ticket per delivery (its key), in the Software issue type.</summary>
    public static AutomationTicketRequest Ticket(string appName, RosterDelivery delivery, string why) => new(
        $"{Automation}:{delivery.Id:N}", Automation, "Software", $"Roster delivery to {appName} failed",
        string.Create(CultureInfo.InvariantCulture, $"""
            The roster delivery to {appName} asked for by {delivery.RequestedBy} ({delivery.StartedAt:yyyy-MM-dd HH:mm} UTC, {delivery.Attempts} attempt(s)) failed:

            {why}

            Nothing more is sent for this delivery. The app's deliveries, with each package's files, rows and checksum: /rostering/apps/{delivery.AppId}/deliveries
            Fix the cause (the app's server, or its data-sharing agreement), then make a new package there, or wait for the next scheduled one.
            """));
}
