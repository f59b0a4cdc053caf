using System.CommandLine;
using CooperaNet.Application.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Demo;

/// <summary><c>cooperanet demo seed</c>: example offers and demands for development and demonstrations.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext cli) => new("demo", "Example data for development and demonstrations.")
    {
        Seed(cli),
    };

    private static Command Seed(CliContext cli)
    {
        var limit = new Option<int?>("--limit") { Description = "Seed only the first N demo activities (all of them by default).", HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--limit must be at least 1.");
            }
        });
        var command = new Command(
            "seed",
            "Publish offers and demands of member states reshaped from real IATI activities (about 500, in es, en, pt and fr). " +
            "Entries already seeded are skipped, so running it again creates nothing. Not for production data.")
        {
            limit,
        };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, ct) =>
            {
                var created = await services.GetRequiredService<DemoCatalogSeeder>().SeedAsync(parsed.GetValue(limit), ct);
                await cli.Out.WriteLineAsync(created == 0
                    ? "Demo data already exists: no entry created."
                    : $"Created {created} demo entries.");
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
