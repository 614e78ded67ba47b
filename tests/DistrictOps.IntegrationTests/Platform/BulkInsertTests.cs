using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Platform;

/// <summary>Rows written in bulk are stored exactly as EF stores them: the same queries find them and read the same values.</summary>
public sealed class BulkInsertTests
{
    [Theory]
    [Providers]
    public async Task Bulk_rows_are_found_and_read_like_rows_saved_by_EF(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var migrate = await CliRunner.RunAsync(database, "db", "migrate");
        Assert.True(migrate.Code == 0, migrate.Error);
        var site = new Site { Id = Guid.CreateVersion7(), SourcedId = "org-1", Name = "Bayview High" };
        var start = new DateOnly(2026, 8, 17);
        var left = new DateTimeOffset(2026, 12, 4, 15, 30, 0, TimeSpan.Zero);
        Person Make(string sourcedId) => new()
        {
            Id = Guid.CreateVersion7(),
            SourcedId = sourcedId,
            Kind = PersonKind.Staff,
            EnabledUser = false,
            GivenName = "Zoë",
            FamilyName = "O'Neil",
            MiddleName = null,
            Grades = "09,10",
            PrimarySiteId = site.Id,
            ContentHash = long.MinValue + 7,
            LeftAt = left,
            HrStartDate = start,
        };

        var saved = Make("saved");
        var bulk = Make("bulk");
        await using (var context = database.OpenContext())
        {
            context.AddRange(site, saved);
            await context.SaveChangesAsync();
            await context.InsertAsync([bulk]);
        }

        await using var read = database.OpenContext();
        var found = await read.Set<Person>().AsNoTracking()
            .Where(p => p.PrimarySiteId == site.Id && p.HrStartDate == start && p.LeftAt == left && p.Kind == PersonKind.Staff && !p.EnabledUser && p.MiddleName == null)
            .OrderBy(p => p.SourcedId)
            .ToListAsync();
        Assert.Equal(["bulk", "saved"], found.Select(p => p.SourcedId));
        Assert.Equal(bulk.Id, (await read.Set<Person>().SingleAsync(p => p.Id == bulk.Id)).Id);
        object Values(Person p) => new { p.Kind, p.EnabledUser, p.GivenName, p.FamilyName, p.MiddleName, p.Grades, p.PrimarySiteId, p.ContentHash, p.LeftAt, p.HrStartDate, p.HrEndDate };
        Assert.Equal(Values(found[1]), Values(found[0]));
        Assert.Equal(Values(saved), Values(found[0]));
    }
}
