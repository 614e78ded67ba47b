using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
