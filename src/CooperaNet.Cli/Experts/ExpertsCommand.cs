using System.CommandLine;
using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Experts;

/// <summary><c>cooperanet experts import</c>: a roster loaded from a CSV file, all rows or none.</summary>
internal static class ExpertsCommand
{
    public static Command Create(CliContext cli) => new("experts", "Load experts into the roster.")
    {
        Import(cli),
    };

    /// <summary>How the consent of an imported expert is recorded: the secretariat collected it before the import.</summary>
    public static string ImportedConsent(DateOnly day) => $"imported by the secretariat on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static Command Import(CliContext cli)
    {
        var csv = new Option<FileInfo>("--csv") { Description = "The roster: UTF-8 CSV (RFC 4180) with a header line; see docs/CLI.md for the columns.", Required = true, HelpName = "FILE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report, but write nothing." };
        var command = new Command(
            "import",
            "Import experts into the roster from a CSV file. Every bad row is reported as 'line N: field: reason' and nothing is written " +
            "unless every row is valid; then all rows are written in one transaction. An address that already has an account is refused, never updated. " +
            "Each expert gets an account without a password (they set one with 'forgot password') and a consent recorded as imported by the secretariat on the day.")
        {
            csv, dryRun,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var file = parsed.GetRequiredValue(csv);
            if (!file.Exists)
            {
                return await cli.UsageErrorAsync($"no file '{file.FullName}'.");
            }

            var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            return await cli.WithServicesAsync((services, ct) => RunAsync(cli, services, text, parsed.GetValue(dryRun), ct), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, IServiceProvider services, string text, bool dryRun, CancellationToken ct)
    {
        var db = services.GetRequiredService<CooperaNetDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var codes = await ReferenceCodes.LoadAsync(db, services.GetRequiredService<IMemoryCache>());
        var (rows, errors) = RosterCsv.Parse(text, codes, today);

        // Existing accounts are refused, not updated: an import never overwrites what an expert wrote.
        var addresses = rows.Select(r => r.Email.ToUpperInvariant()).ToList();
        var taken = (await db.Users.AsNoTracking().Where(u => addresses.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        errors = [.. errors, .. rows.Where(r => taken.Contains(r.Email.ToUpperInvariant()))
            .Select(r => new RowError(r.Line, RosterCsv.Email, $"an account with '{r.Email}' exists already; an import never changes existing accounts"))];
        if (errors.Count > 0)
        {
            return await RefuseAsync(cli, errors);
        }

        if (dryRun)
        {
            await cli.Out.WriteLineAsync($"Checked {rows.Count} experts: every row is valid. Nothing written (dry run).");
            return ExitCodes.Success;
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        await services.GetRequiredService<UserAdministration>().EnsureRolesAsync();
        var consent = ImportedConsent(today);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            var user = new ApplicationUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = row.Email,
                Email = row.Email,
                DisplayName = row.Profile.FullName!,
                PreferredLanguage = row.Language,
                CreatedAt = now,
                LockoutEnabled = true,
            };

            // No password: the expert sets one through "forgot password".
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Roles.Expert);
            }

            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                return await RefuseAsync(cli, [.. created.Errors.Select(e => new RowError(row.Line, RosterCsv.Email, e.Description))]);
            }

            var profile = new ExpertProfile { Id = Guid.CreateVersion7(now), UserId = user.Id, FullName = string.Empty, Nationality = string.Empty, CreatedAt = now };
            profile.Consent(consent, now);
            ExpertWriter.Apply(profile, row.Profile, now);
            profile.JoinRoster(now);
            db.ExpertProfiles.Add(profile);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await cli.Out.WriteLineAsync($"Imported {rows.Count} experts into the roster.");
        return ExitCodes.Success;
    }

    private static async Task<int> RefuseAsync(CliContext cli, IReadOnlyList<RowError> errors)
    {
        foreach (var error in errors.OrderBy(e => e.Line))
        {
            await cli.Error.WriteLineAsync(error.ToString());
        }

        var lines = errors.Select(e => e.Line).Distinct().Count();
        await cli.Error.WriteLineAsync($"error: {lines} {(lines == 1 ? "line has" : "lines have")} errors; nothing was imported.");
        return ExitCodes.Failure;
    }
}
