using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application;
using Auth.Infrastructure;

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
var optionTypes = ConfigurationCheck.OptionTypes(builder.Services);

var app = builder.Build();
// Every setting is checked before the database is touched, and all problems are told at once.
var problems = ConfigurationCheck.FindProblems(app.Services, optionTypes);
if (problems.Count > 0)
{
    if (System.Reflection.Assembly.GetEntryAssembly() != typeof(Program).Assembly)
    {
        // Hosted by tests or tools (WebApplicationFactory, dotnet-ef): they see the problems as the start's failure.
        throw new InvalidOperationException(ConfigurationCheck.Describe(problems));
    }

    await Console.Error.WriteAsync(ConfigurationCheck.Describe(problems));
    Environment.ExitCode = 1;
    return;
}

await app.Services.InitializeDatabaseAsync();
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
