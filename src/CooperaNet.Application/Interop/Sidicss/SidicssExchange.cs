using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Interop.Tables;
using CooperaNet.Domain;
using CooperaNet.Domain.Crossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Application.Interop.Sidicss;

/// <summary>The file formats of the SIDICSS layout.</summary>
public enum SidicssFormat
{
    Csv = 0,
    Xlsx = 1,
}

/// <summary>
/// A row (its line in the file, the header being line 1) and column the import could not take, and
/// why: a stable <paramref name="Code"/> that, with <paramref name="Args"/>, words it in any language;
/// <see cref="Message"/> is the English.
/// </summary>
public sealed record SidicssFinding(int Line, string Column, string Code, IReadOnlyList<string> Args)
{
    /// <summary>The English templates by code, {0}, {1}... the <see cref="Args"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sidicss.workbook"] = "The workbook cannot be read: {0}.",
        ["sidicss.quote"] = "A quoted field opened on this line is never closed.",
        ["sidicss.header"] = "The first row must name the columns of the layout, in order: {0}.",
        ["sidicss.duplicate"] = "The code appears on an earlier row: this row is left out.",
        ["sidicss.backwards"] = "The initiative is already '{0}': its status does not go back.",
        ["sidicss.code"] = "'{0}' is not a code the platform gave (a UUID); leave it empty for a new initiative.",
        ["sidicss.title"] = "The title is required, at most {0} characters.",
        ["sidicss.language"] = "'{0}' is not a language of the platform: es, en, pt or fr.",
        ["sidicss.type"] = "'{0}' is not an initiative type: {1}.",
        ["sidicss.modality"] = "'{0}' is not a modality: {1}.",
        ["sidicss.state"] = "'{0}' is not an OAS member state (ISO 3166-1 alpha-2).",
        ["sidicss.roles-bilateral"] = "A bilateral initiative has one offerer and one receiver, two different states.",
        ["sidicss.roles-triangular"] = "A triangular initiative has a first offerer, a second offerer and a receiver, three different states.",
        ["sidicss.roles-regional"] = "A regional initiative has three or more different states, one of them at least a receiver, and no second offerer.",
        ["sidicss.sector"] = "'{0}' is not an active DAC 5-digit sector.",
        ["sidicss.segib-sector"] = "'{0}' is not one of SEGIB's sectors of activity.",
        ["sidicss.segib-mismatch"] = "The sector of activity '{0}' is not the one of the first DAC sector, '{1}'.",
        ["sidicss.area"] = "The sector '{0}' belongs to the area '{1}'.",
        ["sidicss.sdg"] = "'{0}' is not an SDG goal or target.",
        ["sidicss.status"] = "'{0}' is not a status: {1}.",
        ["sidicss.dates"] = "The initiative ends before it starts.",
        ["sidicss.date"] = "'{0}' is not a date written YYYY-MM-DD.",
        ["sidicss.cost"] = "'{0}' is not an amount in US dollars (digits, a point and at most two decimals).",
    };

    /// <summary>The finding in English.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, English[Code], [.. Args]);
}

/// <summary>What an import did: rows created, updated, unchanged and refused (each refusal a finding); nothing changed when <see cref="Stopped"/>.</summary>
public sealed record SidicssImportResult(int Rows, int Created, int Updated, int Unchanged, int Refused, bool DryRun, bool Stopped, IReadOnlyList<SidicssFinding> Findings);

/// <summary>
/// Initiatives in the layout of SEGIB's Integrated Data System on South-South and Triangular
/// Cooperation (SIDICSS): one row per initiative with its type, modality, each state's role, the
/// sector of activity, dates, costs by role and SDGs; as CSV or XLSX, and read back from either.
/// The same records always give the same bytes, so an export, an import into another database and
/// an export from it give identical files. The mapping: docs/interop/SIDICSS.md.
/// </summary>
public sealed class SidicssExchange(CooperaNetDbContext db, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "codigo", "titulo", "idioma", "tipo", "modalidad", "primer_oferente", "segundo_oferente", "receptor",
        "sector_actividad", "ambito", "sectores_cad", "ods", "estado", "fecha_inicio", "fecha_fin",
        "coste_presupuestado_primer_oferente", "coste_presupuestado_segundo_oferente", "coste_presupuestado_receptor",
        "coste_ejecutado_primer_oferente", "coste_ejecutado_segundo_oferente", "coste_ejecutado_receptor",
    ];

    private static readonly IReadOnlySet<int> CostColumns = Enumerable.Range(15, 6).ToHashSet();

    private static readonly Dictionary<InitiativeType, string> Types = new()
    {
        [InitiativeType.Programme] = "Programa",
        [InitiativeType.Project] = "Proyecto",
        [InitiativeType.Action] = "Acción",
    };

    private static readonly Dictionary<CooperationModality, string> Modalities = new()
    {
        [CooperationModality.Bilateral] = "Bilateral",
        [CooperationModality.Triangular] = "Triangular",
        [CooperationModality.Regional] = "Regional",
    };

    private static readonly Dictionary<InitiativeStatus, string> Statuses = new()
    {
        [InitiativeStatus.Planned] = "Planificada",
        [InitiativeStatus.InExecution] = "En ejecución",
        [InitiativeStatus.Completed] = "Finalizada",
    };

    /// <summary>Every initiative as a SIDICSS row, by code.</summary>
    public async Task<(byte[] Content, int Rows)> ExportAsync(SidicssFormat format, CancellationToken ct)
    {
        var initiatives = await db.Initiatives.AsNoTracking().Include(i => i.Participants).OrderBy(i => i.Id).ToListAsync(ct);
        var ids = initiatives.Where(i => i.Sectors.Count == 0 || i.Sdgs.Count == 0).SelectMany(i => new[] { i.OfferId, i.DemandId }).OfType<Guid>().Distinct().ToList();
        var sources = await db.Entries.AsNoTracking().Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
            .Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var rows = initiatives.Select(i =>
        {
            var source = (i.DemandId is { } d ? sources.GetValueOrDefault(d) : null) ?? (i.OfferId is { } o ? sources.GetValueOrDefault(o) : null);
            var sectors = i.Sectors.Count > 0 ? i.Sectors : source?.Sectors.Select(s => s.SectorCode).ToList() ?? [];
            var sdgs = i.Sdgs.Count > 0 ? i.Sdgs : source?.Sdgs.Select(s => s.Code).ToList() ?? [];
            return Row(i, [.. sectors.Order(StringComparer.Ordinal)], [.. sdgs.Order(StringComparer.Ordinal)]);
        }).ToList();
        var content = format == SidicssFormat.Csv ? CsvFile.Write(Columns, rows) : XlsxFile.Write("SIDICSS", Columns, rows, CostColumns);
        return (content, rows.Count);
    }

    /// <summary>
    /// Reads a file of the same layout: each row creates the initiative of its code (a new code when
    /// empty), updates it when it differs, or leaves it alone. A row with a bad value is refused with
    /// its line and column and the others go on; a file that cannot be read, or whose header is not
    /// the layout's, changes nothing, as does a dry run.
    /// </summary>
    public async Task<SidicssImportResult> ImportAsync(Stream file, SidicssFormat format, bool dryRun, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        IReadOnlyList<string[]> table;
        if (format == SidicssFormat.Xlsx)
        {
            var (rows, error) = XlsxFile.Read(file);
            if (error is not null)
            {
                return Stop(new SidicssFinding(0, string.Empty, "sidicss.workbook", [error]));
            }

            table = rows;
        }
        else
        {
            using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
            var (records, unclosed) = CsvFile.Read(await reader.ReadToEndAsync(ct));
            if (unclosed is { } line)
            {
                return Stop(new SidicssFinding(line, string.Empty, "sidicss.quote", []));
            }

            // Blank lines are skipped by the reader: keep each record on its own line number.
            var byLine = new List<string[]>();
            foreach (var record in records)
            {
                while (byLine.Count < record.Line - 1)
                {
                    byLine.Add([]);
                }

                byLine.Add([.. record.Fields.Select(CsvFile.Unquote)]);
            }

            table = byLine;
        }

        if (table.Count == 0 || !table[0].Select(h => h.Trim()).SequenceEqual(Columns))
        {
            return Stop(new SidicssFinding(1, string.Empty, "sidicss.header", [string.Join(", ", Columns)]));
        }

        var codes = await ReferenceCodes.LoadAsync(db, cache);
        var findings = new List<SidicssFinding>();
        int rowsRead = 0, created = 0, updated = 0, unchanged = 0, refused = 0;
        var seen = new HashSet<Guid>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var index = 1; index < table.Count; index++)
        {
            var cells = table[index];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rowsRead++;
            var line = index + 1;
            var (row, errors) = Parse(cells, line, codes);
            if (row is not null && !seen.Add(row.Id))
            {
                errors.Add(new SidicssFinding(line, "codigo", "sidicss.duplicate", []));
            }

            if (errors.Count > 0 || row is null)
            {
                findings.AddRange(errors);
                refused++;
                continue;
            }

            try
            {
                switch (await StoreAsync(row, ct))
                {
                    case true: created++; break;
                    case false: updated++; break;
                    default: unchanged++; break;
                }
            }
            catch (StatusBackwards ex)
            {
                findings.Add(new SidicssFinding(line, "estado", "sidicss.backwards", [Statuses[ex.Current]]));
                refused++;
            }
        }

        if (dryRun)
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return new SidicssImportResult(rowsRead, created, updated, unchanged, refused, dryRun, false, findings);

        SidicssImportResult Stop(SidicssFinding finding) => new(0, 0, 0, 0, 0, dryRun, true, [finding]);
    }

    private static string[] Row(Initiative i, IReadOnlyList<string> sectors, IReadOnlyList<string> sdgs)
    {
        var (first, second, receiver) = Roles(i.Participants);
        var segib = sectors.Count > 0 ? SegibSectors.Of(sectors[0]) : null;
        string Sum(IEnumerable<InitiativeParticipant> participants, Func<InitiativeParticipant, decimal?> cost) =>
            participants.Select(cost).OfType<decimal>().ToList() is { Count: > 0 } values ? Money(values.Sum()) : string.Empty;
        return
        [
            i.Id.ToString("D"), i.Title, i.Language, Types[i.Type], Modalities[i.Modality],
            Codes(first), Codes(second), Codes(receiver),
            segib?.Name ?? string.Empty, segib?.Area ?? string.Empty, string.Join(';', sectors), string.Join(';', sdgs),
            Statuses[i.Status], Date(i.StartsOn), Date(i.EndsOn),
            Sum(first, p => p.BudgetedCost), Sum(second, p => p.BudgetedCost), Sum(receiver, p => p.BudgetedCost),
            Sum(first, p => p.ExecutedCost), Sum(second, p => p.ExecutedCost), Sum(receiver, p => p.ExecutedCost),
        ];

        static string Codes(IEnumerable<InitiativeParticipant> participants) => string.Join(';', participants.Select(p => p.StateCode));
    }

    /// <summary>The participants by SIDICSS role: first offerers (an offerer, for bilateral and regional), second offerers, receivers; each by code.</summary>
    private static (List<InitiativeParticipant> First, List<InitiativeParticipant> Second, List<InitiativeParticipant> Receiver) Roles(IEnumerable<InitiativeParticipant> participants)
    {
        var sorted = participants.OrderBy(p => p.StateCode, StringComparer.Ordinal).ToList();
        return (
            [.. sorted.Where(p => p.Role is ParticipantRole.Offerer or ParticipantRole.FirstOfferer)],
            [.. sorted.Where(p => p.Role == ParticipantRole.SecondOfferer)],
            [.. sorted.Where(p => p.Role == ParticipantRole.Receiver)]);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A row read and checked; the errors point at its line and column.</summary>
    private sealed record SidicssRow(
        Guid Id, string Title, string Language, InitiativeType Type, CooperationModality Modality, InitiativeStatus Status,
        DateOnly? StartsOn, DateOnly? EndsOn, List<(string State, ParticipantRole Role)> Participants,
        List<string> Sectors, List<string> Sdgs, Dictionary<ParticipantRole, (decimal? Budgeted, decimal? Executed)> Costs);

    private (SidicssRow? Row, List<SidicssFinding> Errors) Parse(string[] cells, int line, ReferenceCodes codes)
    {
        var errors = new List<SidicssFinding>();
        string Cell(int column) => column < cells.Length ? cells[column].Trim() : string.Empty;
        void Error(int column, string code, params string[] args) => errors.Add(new SidicssFinding(line, Columns[column], code, args));

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        if (Cell(0).Length > 0 && !Guid.TryParse(Cell(0), out id))
        {
            Error(0, "sidicss.code", Cell(0));
        }

        var title = Cell(1);
        if (title.Length is 0 or > Initiative.TitleMax)
        {
            Error(1, "sidicss.title", Initiative.TitleMax.ToString(CultureInfo.InvariantCulture));
        }

        var language = Languages.Normalize(Cell(2));
        if (language is null)
        {
            Error(2, "sidicss.language", Cell(2));
        }

        var type = Types.FirstOrDefault(t => t.Value == Cell(3)).Key;
        if (!Types.ContainsValue(Cell(3)))
        {
            Error(3, "sidicss.type", Cell(3), string.Join(", ", Types.Values));
        }

        var modality = Modalities.FirstOrDefault(m => m.Value == Cell(4)).Key;
        if (!Modalities.ContainsValue(Cell(4)))
        {
            Error(4, "sidicss.modality", Cell(4), string.Join(", ", Modalities.Values));
        }

        var participants = new List<(string State, ParticipantRole Role)>();
        var firstRole = modality == CooperationModality.Triangular ? ParticipantRole.FirstOfferer : ParticipantRole.Offerer;
        foreach (var (column, role) in new[] { (5, firstRole), (6, ParticipantRole.SecondOfferer), (7, ParticipantRole.Receiver) })
        {
            foreach (var state in List(Cell(column)))
            {
                if (codes.States.Contains(state.ToUpperInvariant()))
                {
                    participants.Add((state.ToUpperInvariant(), role));
                }
                else
                {
                    Error(column, "sidicss.state", state);
                }
            }
        }

        if (errors.Count == 0 && Initiative.Check(title, modality, participants, null, null) is not null)
        {
            Error(5, modality switch
            {
                CooperationModality.Bilateral => "sidicss.roles-bilateral",
                CooperationModality.Triangular => "sidicss.roles-triangular",
                _ => "sidicss.roles-regional",
            });
        }

        var sectors = List(Cell(10));
        foreach (var unknown in sectors.Where(s => !codes.ActiveSectors.Contains(s)))
        {
            Error(10, "sidicss.sector", unknown);
        }

        if (SegibSectors.Named(Cell(8)) is not { } segib)
        {
            Error(8, "sidicss.segib-sector", Cell(8));
        }
        else if (sectors.Count > 0 && SegibSectors.Of(sectors.Order(StringComparer.Ordinal).First()).Name != segib.Name)
        {
            Error(8, "sidicss.segib-mismatch", segib.Name, SegibSectors.Of(sectors.Order(StringComparer.Ordinal).First()).Name);
        }
        else if (Cell(9).Length > 0 && Cell(9) != segib.Area)
        {
            Error(9, "sidicss.area", segib.Name, segib.Area);
        }

        var sdgs = List(Cell(11));
        foreach (var unknown in sdgs.Where(s => !codes.Sdgs.Contains(s)))
        {
            Error(11, "sidicss.sdg", unknown);
        }

        var status = Statuses.FirstOrDefault(s => s.Value == Cell(12)).Key;
        if (!Statuses.ContainsValue(Cell(12)))
        {
            Error(12, "sidicss.status", Cell(12), string.Join(", ", Statuses.Values));
        }

        var startsOn = Day(13);
        var endsOn = Day(14);
        if (startsOn is { } s && endsOn is { } e && e < s)
        {
            Error(14, "sidicss.dates");
        }

        var costs = new Dictionary<ParticipantRole, (decimal?, decimal?)>
        {
            [firstRole] = (Cost(15), Cost(18)),
            [ParticipantRole.SecondOfferer] = (Cost(16), Cost(19)),
            [ParticipantRole.Receiver] = (Cost(17), Cost(20)),
        };
        return errors.Count > 0
            ? (null, errors)
            : (new SidicssRow(id, title, language!, type, modality, status, startsOn, endsOn, participants, [.. sectors.Order(StringComparer.Ordinal)], [.. sdgs.Order(StringComparer.Ordinal)], costs), errors);

        DateOnly? Day(int column)
        {
            if (Cell(column).Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(Cell(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Error(column, "sidicss.date", Cell(column));
            return null;
        }

        decimal? Cost(int column)
        {
            if (Cell(column).Length == 0)
            {
                return null;
            }

            if (decimal.TryParse(Cell(column), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value < 1_000_000_000_000m && decimal.Round(value, 2) == value)
            {
                return value;
            }

            Error(column, "sidicss.cost", Cell(column));
            return null;
        }

        static List<string> List(string cell) => [.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Creates (true), updates (false) or leaves alone (null) the row's initiative.</summary>
    private async Task<bool?> StoreAsync(SidicssRow row, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Initiatives.Include(i => i.Participants).FirstOrDefaultAsync(i => i.Id == row.Id, ct);
        var participants = row.Participants
            .Select(p => (p.State, p.Role, Cost: row.Costs.GetValueOrDefault(p.Role)))
            .GroupBy(p => p.Role)

            // A role's cost goes to its first state by code: the file gives one amount per role.
            .SelectMany(g => g.OrderBy(p => p.State, StringComparer.Ordinal).Select((p, n) => new InitiativeParticipant
            {
                InitiativeId = row.Id,
                StateCode = p.State,
                Role = p.Role,
                BudgetedCost = n == 0 ? p.Cost.Budgeted : null,
                ExecutedCost = n == 0 ? p.Cost.Executed : null,
            }))
            .ToList();
        if (existing is null)
        {
            db.Initiatives.Add(Build(row, participants, now));
            return true;
        }

        if (existing.Status > row.Status)
        {
            throw new StatusBackwards(existing.Status);
        }

        // Without codes of its own, an initiative reads its demand's (else its offer's): the same codes in the row are no change.
        var (sectors, sdgs) = (existing.Sectors.Order(StringComparer.Ordinal).ToList(), existing.Sdgs.Order(StringComparer.Ordinal).ToList());
        if ((sectors.Count == 0 || sdgs.Count == 0) && (existing.DemandId ?? existing.OfferId) is { } sourceId)
        {
            var source = await db.Entries.AsNoTracking().Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == sourceId, ct);
            sectors = sectors.Count > 0 ? sectors : source?.Sectors.Select(x => x.SectorCode).Order(StringComparer.Ordinal).ToList() ?? [];
            sdgs = sdgs.Count > 0 ? sdgs : source?.Sdgs.Select(x => x.Code).Order(StringComparer.Ordinal).ToList() ?? [];
        }

        if (Row(existing, sectors, sdgs).SequenceEqual(Row(Build(row, participants, DateTimeOffset.UnixEpoch), row.Sectors, row.Sdgs)))
        {
            return null;
        }

        // Title, type, modality and dates are set once in the domain; an update from SEGIB's data restates them.
        var entry = db.Entry(existing);
        entry.Property(i => i.Title).CurrentValue = row.Title;
        entry.Property(i => i.Language).CurrentValue = row.Language;
        entry.Property(i => i.Type).CurrentValue = row.Type;
        entry.Property(i => i.Modality).CurrentValue = row.Modality;
        entry.Property(i => i.StartsOn).CurrentValue = row.StartsOn;
        entry.Property(i => i.EndsOn).CurrentValue = row.EndsOn;
        if (!sectors.SequenceEqual(row.Sectors))
        {
            existing.Sectors.Clear();
            existing.Sectors.AddRange(row.Sectors);
        }

        if (!sdgs.SequenceEqual(row.Sdgs))
        {
            existing.Sdgs.Clear();
            existing.Sdgs.AddRange(row.Sdgs);
        }
        existing.Participants.RemoveAll(p => participants.All(n => n.StateCode != p.StateCode));
        foreach (var participant in participants)
        {
            if (existing.Participants.FirstOrDefault(p => p.StateCode == participant.StateCode) is { } kept)
            {
                db.Entry(kept).Property(p => p.Role).CurrentValue = participant.Role;
                kept.BudgetedCost = participant.BudgetedCost;
                kept.ExecutedCost = participant.ExecutedCost;
            }
            else
            {
                existing.Participants.Add(participant);
            }
        }

        MoveTo(existing, row.Status, now);
        return false;
    }

    /// <summary>The initiative a row describes, created at <paramref name="at"/> and moved to the row's status then.</summary>
    private static Initiative Build(SidicssRow row, List<InitiativeParticipant> participants, DateTimeOffset at)
    {
        var initiative = new Initiative
        {
            Id = row.Id,
            Title = row.Title,
            Language = row.Language,
            Type = row.Type,
            Modality = row.Modality,
            StartsOn = row.StartsOn,
            EndsOn = row.EndsOn,
            CreatedAt = at,
            Participants = participants,
            Sectors = row.Sectors,
            Sdgs = row.Sdgs,
        };
        MoveTo(initiative, row.Status, at);
        return initiative;
    }

    /// <summary>A row would move an initiative's status back: refused.</summary>
    private sealed class StatusBackwards(InitiativeStatus current) : Exception
    {
        public InitiativeStatus Current { get; } = current;
    }

    /// <summary>Moves the initiative forward to <paramref name="status"/>; the domain never moves one back.</summary>
    private static void MoveTo(Initiative initiative, InitiativeStatus status, DateTimeOffset at)
    {
        if (status >= InitiativeStatus.InExecution && initiative.Status == InitiativeStatus.Planned)
        {
            initiative.Start(at);
        }

        if (status == InitiativeStatus.Completed && initiative.Status == InitiativeStatus.InExecution)
        {
            initiative.Complete(at);
        }
    }
}
