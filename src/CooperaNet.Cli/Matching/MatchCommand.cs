using System.CommandLine;
using CooperaNet.Application.Matching;
using CooperaNet.Matching;

namespace CooperaNet.Cli.Matching;

/// <summary>
/// <c>cooperanet match</c> and <c>cooperanet classify</c>: the crossing and the classifier over JSON
/// Lines files, with the shipped knowledge and no database.
/// </summary>
internal static class MatchCommand
{
    public static Command Match(CliContext cli)
    {
        var offers = new Option<FileInfo>("--offers") { Description = "Offers, one JSON object a line.", Required = true, HelpName = "OFFERS.jsonl" };
        var demands = new Option<FileInfo>("--demands") { Description = "Demands, one JSON object a line.", Required = true, HelpName = "DEMANDS.jsonl" };
        var top = Top(10, "How many offers to list for each demand.");
        var command = new Command(
            "match",
            "Rank the offers for each demand, across languages, and print one JSON line per demand, in input order: " +
            "{\"demandId\", \"matches\": [{\"offerId\", \"score\", \"reasons\"}]}, best first. Input lines: {\"id\", \"kind\", \"title\", " +
            "\"description\", \"language\", \"sectors\", \"sdgs\", \"countries\", \"modality\"}. Needs no database.")
        {
            offers,
            demands,
            top,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(cli, async () =>
        {
            var offerLines = EntryLines.Read(parsed.GetRequiredValue(offers).FullName, EntrySide.Offer);
            var demandLines = EntryLines.Read(parsed.GetRequiredValue(demands).FullName, EntrySide.Demand);
            var engine = MatchingKnowledgeLoader.Engine;
            using var index = engine.CreateIndex();
            foreach (var profile in offerLines.AsParallel().AsOrdered().Select(o => engine.Profile(o.Entry)))
            {
                index.AddOrUpdate(profile);
            }

            var rawIds = offerLines.ToDictionary(o => o.Entry.Id, o => o.RawId, StringComparer.Ordinal);
            var count = parsed.GetValue(top);
            var lines = demandLines.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .Select(d => MatchOutput.MatchLine(d.RawId, index.Search(engine.Profile(d.Entry), count), rawIds));
            foreach (var line in lines)
            {
                await cli.Out.WriteLineAsync(line);
            }
        }));
        return command;
    }

    public static Command Classify(CliContext cli)
    {
        var input = new Option<FileInfo>("--in") { Description = "Entries, one JSON object a line (as for match; kind may be absent).", Required = true, HelpName = "ITEMS.jsonl" };
        var top = Top(3, "How many sectors and SDGs to list for each entry.");
        var command = new Command(
            "classify",
            "Propose DAC sectors and SDGs for each entry from its title and description, and print one JSON line per entry: " +
            "{\"id\", \"sectors\": [{\"code\", \"score\"}], \"categories\", \"sdgs\", \"sdgTargets\"}, best first. Needs no database.")
        {
            input,
            top,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(cli, async () =>
        {
            var items = EntryLines.Read(parsed.GetRequiredValue(input).FullName, side: null);
            var classifier = MatchingKnowledgeLoader.Engine.Classifier;
            var count = parsed.GetValue(top);
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var classification = classifier.Classify(item.Entry.Title, item.Entry.Description, item.Entry.Language, count);
                await cli.Out.WriteLineAsync(MatchOutput.ClassifyLine(item.RawId, classification));
            }
        }));
        return command;
    }

    private static Option<int> Top(int defaultValue, string description)
    {
        var top = new Option<int>("--top") { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--top must be at least 1.");
            }
        });
        return top;
    }

    private static async Task<int> RunAsync(CliContext cli, Func<Task> work)
    {
        try
        {
            await work();
            return ExitCodes.Success;
        }
        catch (EntryLineException e)
        {
            await cli.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException e)
        {
            await cli.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await cli.Error.WriteLineAsync("error: cancelled.");
            return ExitCodes.Failure;
        }
    }
}
