using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DistrictOps.IntegrationTests.Infrastructure;

/// <summary>The import page as a person uses it: send a file, wait for its background job as the page's script does, read the result.</summary>
public static class ImportPages
{
    /// <summary>Sends a OneRoster zip on the upload page; answers the address of its attempt.</summary>
    public static async Task<string> SendRosterAsync(this HttpClient browser, byte[] zip, string name = "roster.zip")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await browser.AntiforgeryTokenAsync("/directory/imports/new")), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "package", name },
        };
        var sent = await browser.PostAsync("/directory/imports/new?handler=Plan", form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var url = sent.Headers.Location!.OriginalString;
        Assert.Matches("^/directory/imports/attempts/[0-9a-f-]{36}$", url);
        return url;
    }

    /// <summary>Polls the attempt's status until its job has finished, then answers the page.</summary>
    public static async Task<string> FinishedAttemptAsync(this HttpClient browser, string url)
    {
        await Eventually.ReturnsAsync(
            async () => await browser.GetFromJsonAsync<JsonElement>(url + "?handler=Status"),
            status => status.GetProperty("finished").GetBoolean(), "the import job to finish", TimeSpan.FromSeconds(60));
        return await browser.GetStringAsync(url);
    }
}
