using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.FindAnnotation(OrdinalText.Annotation) is not null))
        {
            property.SetCollation("C");
        }
    }
}
