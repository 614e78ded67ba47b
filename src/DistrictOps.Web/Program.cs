using DistrictOps.Web;
using DistrictOps.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform(DistrictOpsModules.All);

var app = builder.Build();
await app.UsePlatformAsync();
await app.RunAsync();

public partial class Program;
