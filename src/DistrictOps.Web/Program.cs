using DistrictOps.Web;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform(DistrictOpsModules.All);

var app = builder.Build();
try
{
    await app.UsePlatformAsync();
}
catch (UnknownMigrationHistoryException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

await app.RunAsync();
return 0;

public partial class Program;
