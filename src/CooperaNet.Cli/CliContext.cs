using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CooperaNet.Cli;

/// <summary>What every command needs: the three standard streams and a way to reach the services.</summary>
internal sealed class CliContext(TextReader input, TextWriter output, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? settings)
{
    public TextReader In { get; } = input;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>
    /// Builds the services, brings the database up to date (migrations, reference data, roles) unless
    /// <paramref name="prepareDatabase"/> is false, and runs <paramref name="work"/> in a scope.
    /// Unexpected failures become one line on stderr and exit code 1, not a stack trace.
    /// </summary>
    public async Task<int> WithServicesAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken, bool prepareDatabase = true)
    {
        try
        {
            using var host = CliHost.Build(settings);
            _ = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (prepareDatabase)
            {
                await host.Services.InitializeDatabaseAsync(cancellationToken);
            }

            await using var scope = host.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("error: cancelled.");
            return ExitCodes.Failure;
        }
        catch (OptionsValidationException ex)
        {
            await Error.WriteLineAsync($"error: invalid settings: {string.Join(" ", ex.Failures)}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            await Error.WriteLineAsync($"error: {ex.GetBaseException().Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Reports an expected failure; a wrong role, state or name is the caller's usage, the rest a failure.</summary>
    public async Task<int> FailAsync(AdminError error)
    {
        await Error.WriteLineAsync($"error: {error.Detail}");
        return error.Code is "role" or "state" or "name" ? ExitCodes.Usage : ExitCodes.Failure;
    }

    public async Task<int> UsageErrorAsync(string message)
    {
        await Error.WriteLineAsync($"error: {message}");
        return ExitCodes.Usage;
    }
}
