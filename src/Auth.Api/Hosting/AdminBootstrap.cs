using Auth.Application.Admin.BootstrapAdmin;
using Auth.Application.Admin.CreateAdmin;
using Mediator;

namespace Auth.Api.Hosting;

/// <summary>
/// The ways to the first administrator: <c>Auth:Bootstrap:AdminEmail</c> promoted at start, and the
/// <c>create-admin</c> command line for servers.
/// </summary>
internal static class AdminBootstrap
{
    public const string CommandName = "create-admin";

    public static async Task PromoteBootstrapAdminAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PromoteBootstrapAdminCommand());
    }

    public static bool IsCommandLine(string[] args) => args.Length > 0 && args[0] == CommandName;

    /// <summary>
    /// <c>create-admin --email ada@example.com [--name "Ada"]</c>: asks for the password (twice, not echoed on a
    /// terminal; one line each when input is piped) and creates the account as an administrator, or makes an existing
    /// account one.
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
