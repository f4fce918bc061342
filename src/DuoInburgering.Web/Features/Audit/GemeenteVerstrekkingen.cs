using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Infrastructure;
using Npgsql;
using NpgsqlTypes;

using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>
/// One event in a municipality's disclosures: a screen, search or download shown to one of its users, or a batch of
/// signals of one code it received. The audit log has a row per person; rows of one event share time, trace and span.
/// </summary>
/// <param name="Kanaal">Scherm, Zoeken, Download or Endpoint; none for signals.</param>
/// <param name="Omschrijving">The screen or download ("signalenlijst Wi2021"); for signals the code and regime ("SS101 Wi2021").</param>
/// <param name="Personen">How many persons it concerned (never which: the audit log holds no BSN).</param>
public sealed record GemeenteVerstrekking(
    DateTimeOffset Tijdstip, AuditSoort Soort, string Gebruiker, string? Rol, string? Kanaal, string? Omschrijving, int Personen, string TraceId);

/// <summary>A page of events, newest first; <see cref="MeerDan"/> means "more than <see cref="Totaal"/>".</summary>
public sealed record GemeenteVerstrekkingenPagina(IReadOnlyList<GemeenteVerstrekking> Regels, int Totaal, bool MeerDan);

/// <summary>
/// The auditor's view of one municipality over a period (issue 6 item 4): what its users were shown and which signals
/// it received, from <c>audit.regel</c> on the partial index <c>regel_gemeente_tijdstip (gemeente_code, tijdstip)</c> (migration
/// AuditGemeenteVerstrekkingen), grouped per event on the server and paged. Read-only: it shows users, times, screens and
/// counts, no person, so looking at it is not itself a disclosure of personal data of the persons concerned.
/// </summary>
public sealed class GemeenteVerstrekkingen(NpgsqlDataSource db)
{
    /// <summary>Counts stop here; the screen says "meer dan 10.000".</summary>
    public const int TelLimiet = 10_000;

    public async Task<GemeenteVerstrekkingenPagina> ZoekAsync(VerstrekkingenFilter filter, int pagina, int grootte, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(pagina);
        ArgumentOutOfRangeException.ThrowIfLessThan(grootte, 1);
        await using var conn = await db.OpenConnectionAsync(ct);
        await AuditWachtrij.VerwerkAsync(conn, ct);
        var regels = new List<GemeenteVerstrekking>();
        await using (var cmd = Commando(conn, filter, $"{Gegroepeerd(filter)} {Volgorde} offset @offset limit @limit"))
        {
            cmd.Parameters.AddWithValue("offset", (long)pagina * grootte);
            cmd.Parameters.AddWithValue("limit", grootte);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                regels.Add(Lees(r));
            }
        }
        // A short first page is its own count.
        if (pagina == 0 && regels.Count < grootte)
        {
            return new GemeenteVerstrekkingenPagina(regels, regels.Count, false);
        }
        await using var tel = Commando(conn, filter, $"select count(*)::int from ({Gegroepeerd(filter)} limit {TelLimiet + 1}) x");
        var totaal = (int)(await tel.ExecuteScalarAsync(ct))!;
        return new GemeenteVerstrekkingenPagina(regels, Math.Min(totaal, TelLimiet), totaal > TelLimiet);
    }

    /// <summary>Every event of the filter, newest first, streamed (the CSV download).</summary>
    public async IAsyncEnumerable<GemeenteVerstrekking> AllesAsync(VerstrekkingenFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var conn = await db.OpenConnectionAsync(ct);
        await AuditWachtrij.VerwerkAsync(conn, ct);
        await using var cmd = Commando(conn, filter, $"{Gegroepeerd(filter)} {Volgorde}");
        cmd.CommandTimeout = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return Lees(r);
        }
    }

    /// <summary>The plan of a first page's statement (EXPLAIN, nothing run): for benchmarks and tests that check the index is used.</summary>
    public async Task<string> PlanAsync(VerstrekkingenFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Commando(conn, filter, $"explain {Gegroepeerd(filter)} {Volgorde} offset 0 limit 25");
        var regels = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            regels.Add(r.GetString(0));
        }
        return string.Join('\n', regels);
    }

    private static readonly string[] Koppen = ["gemeente", "tijdstip", "soort", "gebruiker", "rol", "kanaal", "omschrijving", "personen", "trace_id"];

    public static string Bestandsnaam(VerstrekkingenFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return $"verstrekkingen-{filter.Gemeente}-{filter.Van:yyyyMMdd}-{filter.TotEnMet:yyyyMMdd}.csv";
    }

    /// <summary>The events as CSV (<see cref="CsvUitvoer{TRij}"/>): UTF-8 with BOM, ';', formulas neutralised.</summary>
    public static async Task SchrijfCsvAsync(Stream uit, VerstrekkingenFilter filter, IAsyncEnumerable<GemeenteVerstrekking> regels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(regels);
        var csv = new CsvUitvoer<GemeenteVerstrekking>(uit, Koppen,
        [
            _ => filter.Gemeente,
            v => TimeZoneInfo.ConvertTime(v.Tijdstip, PibVandaag.Amsterdam).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            v => v.Soort.Naam(), v => v.Gebruiker, v => v.Rol, v => v.Kanaal, v => v.Omschrijving,
            v => v.Personen.ToString(CultureInfo.InvariantCulture), v => v.TraceId,
        ]);
        await csv.KopAsync(ct);
        await foreach (var v in regels.WithCancellation(ct))
        {
            await csv.RijAsync(v, ct);
        }
        await csv.AfsluitenAsync(ct);
    }

    // The literal soort condition lets the planner prove the partial index's predicate; the parameter then narrows it.
    private static string Gegroepeerd(VerstrekkingenFilter f)
    {
        var sql = new StringBuilder("""
            select r.tijdstip, r.soort, r.actor, r.rol,
                   case when r.soort = 'Verstrekking' then r.gegevens->>'kanaal' end as kanaal,
                   case when r.soort = 'Verstrekking' then r.gegevens->>'omschrijving'
                        else concat_ws(' ', r.gegevens->>'code', r.gegevens->>'regime') end as omschrijving,
                   count(distinct r.betrokkene)::int as personen, r.trace_id, r.span_id
            from audit.regel r
            where r.gemeente_code = @gemeente and r.soort in ('Verstrekking', 'SignaalVerzonden') and r.soort = any(@soorten)
              and r.tijdstip >= @van and r.tijdstip < @tot
            """);
        if (f.Kanaal is not null)
        {
            sql.Append(" and r.gegevens->>'kanaal' = @kanaal");
        }
        if (f.Gebruiker is not null)
        {
            sql.Append(" and r.actor = @gebruiker");
        }
        if (f.Omschrijving is not null)
        {
            sql.Append("""
                 and strpos(lower(case when r.soort = 'Verstrekking' then r.gegevens->>'omschrijving'
                                       else concat_ws(' ', r.gegevens->>'code', r.gegevens->>'regime') end), lower(@omschrijving)) > 0
                """);
        }
        sql.Append(" group by r.tijdstip, r.trace_id, r.span_id, r.soort, r.actor, r.rol, 5, 6");
        return sql.ToString();
    }

    private const string Volgorde = "order by 1 desc, 8, 9, 2, 6";

    private static NpgsqlCommand Commando(NpgsqlConnection conn, VerstrekkingenFilter f, string sql)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("gemeente", f.Gemeente);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("soorten", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = f.Soorten });
        cmd.Parameters.AddWithValue("van", Lekrapportage.Begin(f.Van));
        cmd.Parameters.AddWithValue("tot", Lekrapportage.Begin(f.TotEnMet.AddDays(1)));
        if (f.Kanaal is { } kanaal)
        {
            cmd.Parameters.AddWithValue("kanaal", kanaal.ToString());
        }
        if (f.Gebruiker is { } gebruiker)
        {
            cmd.Parameters.AddWithValue("gebruiker", gebruiker);
        }
        if (f.Omschrijving is { } omschrijving)
        {
            cmd.Parameters.AddWithValue("omschrijving", omschrijving);
        }
        return cmd;
    }

    private static GemeenteVerstrekking Lees(NpgsqlDataReader r) => new(
        r.GetFieldValue<DateTimeOffset>(0),
        Kolomwaarden.Herken<AuditSoort>(r.GetString(1)) ?? AuditSoort.Verstrekking,
        r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), Convert.ToHexStringLower(r.GetFieldValue<byte[]>(7)));
}
