using Auth.Application.Admin.BootstrapAdmin;
using Auth.Application.Admin.CreateAdmin;
using Mediator;

namespace Auth.Api.Hosting;

/// <summary>
/// The ways to the first administrator: <c>Auth:Bootstrap:AdminEmail</c> promoted at start, and the
/// <c>create-admin</c> command line for servers.
/// </summary>
internal static partial class AdminBootstrap
{
    public const string CommandName = "create-admin";

    public static async Task PromoteBootstrapAdminAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PromoteBootstrapAdminCommand());
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminBootstrap));
        switch (outcome)
        {
            case BootstrapAdminOutcome.AwaitingConfirmation:
                LogAwaitingConfirmation(logger);
                break;
            case BootstrapAdminOutcome.Promoted:
                LogPromoted(logger);
                break;
            case BootstrapAdminOutcome.NotSaved:
                LogNotSaved(logger);
                break;
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "The bootstrap admin (Auth:Bootstrap:AdminEmail) is waiting for confirmation: its account exists but its address is not confirmed, so it is not an administrator yet. Confirming it through the mailed link grants the role.")]
    private static partial void LogAwaitingConfirmation(ILogger logger);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "The bootstrap admin (Auth:Bootstrap:AdminEmail) was made an administrator at start")]
    private static partial void LogPromoted(ILogger logger);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "The bootstrap admin could not be promoted at start: the change was not saved")]
    private static partial void LogNotSaved(ILogger logger);

    public static bool IsCommandLine(string[] args) => args.Length > 0 && args[0] == CommandName;

    /// <summary>
    /// <c>create-admin --email ada@example.com [--name "Ada"]</c>: asks for the password (twice, not echoed on a
    /// terminal; one line each when input is piped) and creates the account, confirmed, as an administrator, or makes an
    /// existing account whose address is confirmed one.
    /// </summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunCommandLineAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        var email = OptionValue(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync($"usage: {CommandName} --email <address> [--name <display name>]");
            return 2;
        }

        var password = await ReadSecretAsync("Password: ", input, output);
        var again = await ReadSecretAsync("Repeat password: ", input, output);
        if (password != again)
        {
            await output.WriteLineAsync("The passwords differ; nothing changed.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new CreateAdminCommand(email, password ?? "", OptionValue(args, "--name") ?? "Administrator"));
            if (!result.IsSuccess)
            {
                await output.WriteLineAsync($"Failed: {result.Error!.Message}");
                return 1;
            }

            await output.WriteLineAsync($"{result.Value.Email} is an administrator (id {result.Value.Id}).");
            return 0;
        }
        catch (Application.Common.Errors.RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                await output.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<string?> ReadSecretAsync(string prompt, TextReader input, TextWriter output)
    {
        await output.WriteAsync(prompt);
        if (input != Console.In || Console.IsInputRedirected)
        {
            var line = await input.ReadLineAsync();
            await output.WriteLineAsync();
            return line;
        }

        // On a terminal: read key by key so the password is never echoed.
        var secret = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                secret.Length = Math.Max(0, secret.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }

        await output.WriteLineAsync();
        return secret.ToString();
    }
}
