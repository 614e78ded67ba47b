using System.Globalization;
using System.Text;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>
/// Records each OneRoster call (app, client, endpoint, what was asked, records returned, time) and that each person in the
/// answer was shared with the app now, by the API (<see cref="SharedPerson.LastDeliveryId"/> null): one insert and one
/// upsert for the whole page, in one transaction.
/// </summary>
public sealed class ApiAudit(AppDbContext db, TimeProvider time)
{
    public async Task RecordAsync(ApiCaller caller, HttpContext http, IOneRosterAnswer answer, TimeSpan elapsed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var version = http.Request.Path.StartsWithSegments(OneRosterVersion.V1p1.BasePath()) ? OneRosterVersion.V1p1 : OneRosterVersion.V1p2;
        var basePath = version.BasePath();
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var path = http.Request.Path.Value ?? "";
        var query = http.Request.QueryString.Value ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(new ApiRequest
        {
            Id = Guid.CreateVersion7(now), AppId = caller.AppId, ClientId = caller.ClientId, At = now, Version = version.Label(),
            Endpoint = Cut(pattern.StartsWith(basePath, StringComparison.Ordinal) ? pattern[basePath.Length..].TrimStart('/') : pattern, 100),
            Path = Cut(path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path, ApiRequest.PathMaxLength),
            Query = query.Length == 0 ? null : Cut(query, ApiRequest.QueryMaxLength),
            Status = answer.Status, Returned = answer.Returned, DurationMs = (int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds),
        });
        await db.SaveChangesAsync(ct);
        if (answer.People.Count > 0)
        {
            await SharedAsync(caller.AppId, answer.People.Distinct().ToList(), now, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>INSERT … ON CONFLICT DO UPDATE, which SQLite and PostgreSQL both take, with values as EF would write them.</summary>
    private async Task SharedAsync(Guid appId, List<Guid> people, DateTimeOffset now, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(SharedPerson))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => '"' + entity.FindProperty(property)!.GetColumnName(table)! + '"';
        RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)entity.FindProperty(property)!.GetRelationalTypeMapping();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.Parameters.Add(Mapping(nameof(SharedPerson.AppId)).CreateParameter(command, "@app", appId));
        command.Parameters.Add(Mapping(nameof(SharedPerson.LastSharedAt)).CreateParameter(command, "@now", now));
        var person = Mapping(nameof(SharedPerson.PersonId));
        var sql = new StringBuilder($"""
            INSERT INTO "{table.Name}" ({Column(nameof(SharedPerson.PersonId))}, {Column(nameof(SharedPerson.AppId))}, {Column(nameof(SharedPerson.FirstSharedAt))}, {Column(nameof(SharedPerson.LastSharedAt))}, {Column(nameof(SharedPerson.LastDeliveryId))}) VALUES 
            """);
        for (var i = 0; i < people.Count; i++)
        {
            command.Parameters.Add(person.CreateParameter(command, "@p" + i, people[i]));
            sql.Append(i == 0 ? "" : ", ").Append("(@p").Append(i).Append(", @app, @now, @now, NULL)");
        }

        var last = Column(nameof(SharedPerson.LastSharedAt));
        var delivery = Column(nameof(SharedPerson.LastDeliveryId));
        sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({Column(nameof(SharedPerson.PersonId))}, {Column(nameof(SharedPerson.AppId))}) DO UPDATE SET {last} = excluded.{last}, {delivery} = NULL");
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
