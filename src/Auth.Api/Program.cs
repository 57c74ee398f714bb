using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application;
using Auth.Infrastructure;
using Auth.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
if (KeyRotationCommand.IsCommandLine(args))
{
    Environment.ExitCode = KeyRotationCommand.Run(args, builder.Configuration, builder.Environment, TimeProvider.System, Console.Out);
    return;
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes;
});

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddApi(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.Services.InitializeAuthDatabaseAsync();
if (AdminBootstrap.IsCommandLine(args))
{
    Environment.ExitCode = await AdminBootstrap.RunCommandLineAsync(app.Services, args, Console.In, Console.Out);
    return;
}

await app.Services.PromoteBootstrapAdminAsync();
app.UseApi();
await app.RunAsync();

/// <summary>The entry point; public so integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
