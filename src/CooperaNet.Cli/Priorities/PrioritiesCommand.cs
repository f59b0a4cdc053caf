using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CooperaNet.Application.Priorities;
using CooperaNet.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Priorities;

/// <summary><c>cooperanet priorities</c>: the ranking of the priority areas, as the Priority areas page shows it.</summary>
internal static class PrioritiesCommand
{
    public static Command Create(CliContext cli)
    {
        var langOption = new Option<string>("--lang") { Description = "The language of the areas' names: es, en, pt or fr.", DefaultValueFactory = _ => Languages.Spanish, HelpName = "es|en|pt|fr" };
        var dimensionOption = new Option<string>("--dimension") { Description = "What to group unmet demand by: category (DAC, 3 digits), sector (DAC, 5 digits), sdg, subregion or language (working language).", DefaultValueFactory = _ => PriorityDimensions.NameOf(PriorityDimension.Category), HelpName = "category|sector|sdg|subregion|language" };
        var topOption = new Option<int>("--top") { Description = "How many areas to print, highest score first (1 to 1000).", DefaultValueFactory = _ => 10, HelpName = "N" };
        var command = new Command(
            "priorities",
            "Print the priority areas: published demands with no agreed match and no initiative, either published at least " +
            "CooperaNet:Priorities:UnmetAfterDays days ago (90) or with no current offer scoring CooperaNet:Priorities:LowScore (0.25), " +
            "grouped by the dimension. Each demand weighs 1 + days since publication / 365; an area's score is the sum of the weights " +
            "times the number of states asking. Writes the table to stdout and the counts and time taken to stderr.")
        {
            langOption, dimensionOption, topOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var language = Languages.Normalize(parsed.GetValue(langOption));
            var dimension = PriorityDimensions.Parse(parsed.GetValue(dimensionOption));
            var top = parsed.GetValue(topOption);
            if (language is null)
            {
                return await UsageAsync(cli, $"'{parsed.GetValue(langOption)}' is not a language: use es, en, pt or fr.");
            }

            if (dimension is null)
            {
                return await UsageAsync(cli, $"'{parsed.GetValue(dimensionOption)}' is not a dimension: use {PriorityDimensions.Names}.");
            }

            if (top is < 1 or > 1000)
            {
                return await UsageAsync(cli, $"--top must be between 1 and 1000, not {top}.");
            }

            return await cli.WithServicesAsync(
                async (services, ct) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var ranking = await services.GetRequiredService<PriorityCalculator>().RankAsync(dimension.Value, language, ct);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var culture = CultureInfo.InvariantCulture;
                    TextTable.Write(
                        cli.Out,
                        ["Rank", "Code", "Area", "Score", "Demands", "States", "Oldest (days)"],
                        ranking.Areas.Take(top).Select((a, i) => (IReadOnlyList<string>)
                        [
                            (i + 1).ToString(culture), a.Code, a.Name, a.Score.ToString("0.00", culture),
                            a.Demands.ToString(culture), a.States.ToString(culture), a.OldestDays.ToString(culture),
                        ]));
                    await cli.Error.WriteLineAsync(
                        $"{ranking.Unmet.Count.ToString(culture)} unmet demands in {ranking.Areas.Count.ToString(culture)} areas by {PriorityDimensions.NameOf(ranking.Dimension)} " +
                        $"as of {ranking.AsOf.ToString("yyyy-MM-dd", culture)} (unmet after {ranking.UnmetAfterDays.ToString(culture)} days, low score {ranking.LowScore.ToString("0.00", culture)}); " +
                        $"computed in {elapsed.ToString("0", culture)} ms.");
                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> UsageAsync(CliContext cli, string message)
    {
        await cli.Error.WriteLineAsync($"error: {message}");
        await cli.Error.WriteLineAsync("See 'cooperanet priorities --help'.");
        return ExitCodes.Usage;
    }
}
