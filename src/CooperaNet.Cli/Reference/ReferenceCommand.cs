using System.CommandLine;
using CooperaNet.Application.Data;
using CooperaNet.Application.ReferenceData;
using CooperaNet.Cli.Database;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Reference;

/// <summary><c>cooperanet reference show|import</c>: the shipped code lists.</summary>
internal static class ReferenceCommand
{
    private const string Sectors = "sectors";
    private const string States = "states";
    private const string Sdgs = "sdgs";

    public static Command Create(CliContext cli) => new("reference", "Show or re-import the reference data (sectors, member states, SDGs).")
    {
        Show(cli),
        Import(cli),
    };

    private static Command Show(CliContext cli)
    {
        var list = new Argument<string>("list") { Description = "Which list to print." };
        list.AcceptOnlyFromAmong(Sectors, States, Sdgs);
        var lang = new Option<string>("--lang") { Description = "Language of the names.", DefaultValueFactory = _ => Languages.Default };
        lang.AcceptOnlyFromAmong([.. Languages.All]);
        var command = new Command("show", "Print the codes and names of a list, one per line. A name missing in the language is shown in another, tagged [en].")
        {
            list,
            lang,
        };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, ct) =>
            {
                var db = services.GetRequiredService<CooperaNetDbContext>();
                var language = parsed.GetRequiredValue(lang);
                var lines = parsed.GetRequiredValue(list) switch
                {
                    Sectors => await SectorLinesAsync(db, ct),
                    States => await StateLinesAsync(db, ct),
                    _ => await SdgLinesAsync(db, ct),
                };
                var width = lines.Max(l => l.Code.Length);
                foreach (var (code, name, withdrawn) in lines)
                {
                    var text = name.Resolve(language);
                    var tag = text.IsFallbackFor(language) ? $" [{text.Language}]" : "";
                    await cli.Out.WriteLineAsync($"{code.PadRight(width)}  {text.Text}{tag}{(withdrawn ? " (withdrawn)" : "")}");
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Import(CliContext cli)
    {
        var force = new Option<bool>("--force") { Description = "Re-import every dataset, even those whose shipped files did not change." };
        var command = new Command("import", "Load the shipped reference data again; unchanged datasets are skipped unless --force.") { force };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, ct) =>
            {
                await services.GetRequiredService<CooperaNetDbContext>().Database.MigrateAsync(ct);
                var results = await services.GetRequiredService<ReferenceDataImporter>().ImportAsync(parsed.GetValue(force), ct);
                MigrateCommand.WriteImport(cli.Out, results);
                return ExitCodes.Success;
            },
            cancellationToken,
            prepareDatabase: false));
        return command;
    }

    private sealed record Line(string Code, LocalizedText Name, bool Withdrawn = false);

    private static async Task<List<Line>> SectorLinesAsync(CooperaNetDbContext db, CancellationToken ct) =>
        (await db.Sectors.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct))
            .Select(s => new Line(s.Code, s.Name, s.IsWithdrawn))
            .ToList();

    private static async Task<List<Line>> StateLinesAsync(CooperaNetDbContext db, CancellationToken ct) =>
        (await db.MemberStates.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct))
            .Select(s => new Line(s.Code, s.Name))
            .ToList();

    /// <summary>Each goal, then its targets: numbered ones first (1.1 ... 1.5), then lettered (1.a, 1.b), as the UN lists them.</summary>
    private static async Task<List<Line>> SdgLinesAsync(CooperaNetDbContext db, CancellationToken ct)
    {
        var goals = await db.SdgGoals.AsNoTracking().OrderBy(g => g.Number).ToListAsync(ct);
        var targets = (await db.SdgTargets.AsNoTracking().ToListAsync(ct)).ToLookup(t => t.GoalNumber);
        return goals
            .SelectMany(g => targets[g.Number]
                .OrderBy(t => Domain.Reference.SdgTarget.SortKey(t.Code))
                .Select(t => new Line(t.Code, t.Title))
                .Prepend(new Line(g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Title)))
            .ToList();
    }

}
