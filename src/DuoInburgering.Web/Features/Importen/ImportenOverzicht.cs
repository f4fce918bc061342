using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Verwerking.Feiten;
using Npgsql;

namespace DuoInburgering.Web.Features.Importen;

/// <summary>
/// The imports page's reads, paged in the database: file imports (import_run) and single messages
/// grouped per source and Dutch day (bericht and afwijzing without import_id, on their partial indexes).
/// DUO-internal tables: municipalities (role pib_gemeente) have no grant on them.
/// </summary>
/// <remarks>
/// The rejects are what a source sent, personal data included: every page of them and every download is a disclosure to
/// the DUO user, recorded (<see cref="Verstrekkingen"/>) in the read's transaction with the BSNs the lines carry.
/// </remarks>
public sealed partial class ImportenOverzicht(NpgsqlDataSource dataSource, Auditlog auditlog, TimeProvider klok)
{
    /// <summary>
    /// Messages per source and day. The day is Europe/Amsterdam's (PibVandaag), the same zone the page shows
    /// times in; <c>laatste</c> orders the day among the imports.
    /// </summary>
    private const string LosseBerichten = """
        select bron, dag, max(laatste) as laatste, sum(verwerkt)::int as verwerkt, sum(afgewezen)::int as afgewezen
        from (
            select bron, (ontvangen_op at time zone 'Europe/Amsterdam')::date as dag, max(ontvangen_op) as laatste,
                   count(*) as verwerkt, 0 as afgewezen
            from bericht where import_id is null group by 1, 2
            union all
            select bron, (ontvangen_op at time zone 'Europe/Amsterdam')::date, max(ontvangen_op), 0, count(*)
            from afwijzing where import_id is null group by 1, 2
        ) d
        group by bron, dag
        """;

    /// <summary>Every import and message day, newest first.</summary>
    public async Task<Pagina<ImportRegel>> LijstAsync(int pagina, int grootte, CancellationToken ct)
    {
        var sql = $"""
            with regels as (
                select id, bron, null::date as dag, bestandsnaam, gestart_op as moment,
                       aantal_rijen as rijen, aantal_verwerkt as verwerkt, aantal_afgewezen as afgewezen, aantal_dubbel as dubbel,
                       gestart_door as door
                from import_run where voltooid_op is not null
                union all
                select null, bron, dag, null, laatste, verwerkt + afgewezen, verwerkt, afgewezen, null, null
                from ({LosseBerichten}) b
            )
            select id, bron, dag, bestandsnaam, moment, rijen, verwerkt, afgewezen, dubbel, count(*) over ()::int, door
            from regels
            order by moment desc, id desc nulls last, bron
            limit @n offset @overslaan
            """;
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue("n", grootte);
        cmd.Parameters.AddWithValue("overslaan", pagina * grootte);
        var rijen = new List<ImportRegel>(grootte);
        var totaal = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rijen.Add(LeesRegel(reader));
                totaal = reader.GetInt32(9);
            }
        }
        // Past the last page the window count has no row to ride on.
        if (rijen.Count == 0 && pagina > 0)
        {
            await using var tel = dataSource.CreateCommand(
                $"select (select count(*) from import_run where voltooid_op is not null) + (select count(*) from ({LosseBerichten}) b)");
            totaal = Convert.ToInt32(await tel.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        return new Pagina<ImportRegel>(rijen, totaal);
    }

    /// <summary>One import run, or null when there is none with this id (or it is still running).</summary>
    public async Task<ImportRegel?> RunAsync(long id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select id, bron, null::date, bestandsnaam, gestart_op, aantal_rijen, aantal_verwerkt, aantal_afgewezen, aantal_dubbel, 0,
                   gestart_door
            from import_run where id = @id and voltooid_op is not null
            """);
        cmd.Parameters.AddWithValue("id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? LeesRegel(reader) : null;
    }

    /// <summary>One source's single messages of one day, or null when none arrived that day.</summary>
    public async Task<ImportRegel?> BerichtenAsync(ImportSleutel.Berichten sleutel, CancellationToken ct)
    {
        var (van, tot) = sleutel.Bereik();
        await using var cmd = dataSource.CreateCommand("""
            select (select count(*) from bericht where import_id is null and bron = @bron and ontvangen_op >= @van and ontvangen_op < @tot)::int,
                   (select count(*) from afwijzing where import_id is null and bron = @bron and ontvangen_op >= @van and ontvangen_op < @tot)::int,
                   greatest(
                       (select max(ontvangen_op) from bericht where import_id is null and bron = @bron and ontvangen_op >= @van and ontvangen_op < @tot),
                       (select max(ontvangen_op) from afwijzing where import_id is null and bron = @bron and ontvangen_op >= @van and ontvangen_op < @tot))
            """);
        VulDag(cmd, sleutel);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.IsDBNull(2))
        {
            return null;
        }
        var (verwerkt, afgewezen) = (reader.GetInt32(0), reader.GetInt32(1));
        return new ImportRegel(sleutel, null, reader.GetFieldValue<DateTimeOffset>(2), verwerkt + afgewezen, verwerkt, afgewezen, null);
    }

    /// <summary>The rejects in file order (single messages in order of arrival); the page's BSNs recorded as shown to <paramref name="gebruiker"/>.</summary>
    public async Task<Pagina<AfwijzingRegel>> AfwijzingenAsync(ImportSleutel sleutel, int pagina, int grootte, PibGebruiker gebruiker,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var rijen = new List<AfwijzingRegel>(grootte);
        await using (var cmd = AfwijzingenCommand(conn, sleutel, "order by regel nulls last, ontvangen_op, id limit @n offset @overslaan"))
        {
            cmd.Parameters.AddWithValue("n", grootte);
            cmd.Parameters.AddWithValue("overslaan", pagina * grootte);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rijen.Add(LeesAfwijzing(reader));
            }
        }
        await using var tel = sleutel switch
        {
            ImportSleutel.Run run => Met(new NpgsqlCommand("select count(*)::int from afwijzing where import_id = @id", conn), run),
            ImportSleutel.Berichten dag => Met(new NpgsqlCommand(
                "select count(*)::int from afwijzing where import_id is null and bron = @bron and ontvangen_op >= @van and ontvangen_op < @tot", conn), dag),
            _ => throw new ArgumentOutOfRangeException(nameof(sleutel)),
        };
        var totaal = (int)(await tel.ExecuteScalarAsync(ct))!;
        await Verstrekkingen.RegistreerAsync(tx, auditlog, gebruiker, VerstrekkingKanaal.Scherm, "duo: afwijzingen " + Omschrijving(sleutel),
            rijen.SelectMany(a => Bsns(a.Inhoud)), klok.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return new Pagina<AfwijzingRegel>(rijen, totaal);
    }

    /// <summary>
    /// Every reject, one row at a time, for the CSV download; what was sent is recorded as downloaded by
    /// <paramref name="gebruiker"/> at the end, also after a broken-off download.
    /// </summary>
    public async IAsyncEnumerable<AfwijzingRegel> AlleAfwijzingenAsync(ImportSleutel sleutel, PibGebruiker gebruiker,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var verstrekt = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var cmd = AfwijzingenCommand(conn, sleutel, "order by regel nulls last, ontvangen_op, id");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var a = LeesAfwijzing(reader);
                verstrekt.UnionWith(Bsns(a.Inhoud));
                yield return a;
            }
        }
        finally
        {
            // The client's token may be cancelled by now: what was sent must be on record.
            await Verstrekkingen.RegistreerAsync(tx, auditlog, gebruiker, VerstrekkingKanaal.Download,
                "duo: afwijzingen csv " + Omschrijving(sleutel), verstrekt, klok.GetUtcNow(), CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The BSNs a rejected line or message names: every run of nine digits that passes the elfproef (a line is rejected
    /// as sent, so there is no parsed BSN column; a malformed number identifies nobody).
    /// </summary>
    public static IEnumerable<string> Bsns(string inhoud) =>
        NegenCijfers().Matches(inhoud).Select(m => m.Value).Where(b => Bsn.TryParse(b, out _));

    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NegenCijfers();

    private static string Omschrijving(ImportSleutel sleutel) => sleutel switch
    {
        ImportSleutel.Run run => "import " + run.Id.ToString(CultureInfo.InvariantCulture),
        ImportSleutel.Berichten dag => $"berichten {dag.Bron.Code()} {dag.Dag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        _ => throw new ArgumentOutOfRangeException(nameof(sleutel)),
    };

    private static NpgsqlCommand AfwijzingenCommand(NpgsqlConnection conn, ImportSleutel sleutel, string volgorde)
    {
        const string kolommen = "select regel, bericht_id, reden, inhoud, ontvangen_op from afwijzing";
        return sleutel switch
        {
            ImportSleutel.Run run => Met(new NpgsqlCommand($"{kolommen} where import_id = @id {volgorde}", conn), run),
            ImportSleutel.Berichten dag => Met(new NpgsqlCommand(
                $"{kolommen} where import_id is null and bron = @bron and ontvangen_op >= @van and ontvangen_op < @tot {volgorde}", conn), dag),
            _ => throw new ArgumentOutOfRangeException(nameof(sleutel)),
        };
    }

    private static NpgsqlCommand Met(NpgsqlCommand cmd, ImportSleutel.Run run)
    {
        cmd.Parameters.AddWithValue("id", run.Id);
        return cmd;
    }

    private static NpgsqlCommand Met(NpgsqlCommand cmd, ImportSleutel.Berichten dag)
    {
        VulDag(cmd, dag);
        return cmd;
    }

    private static void VulDag(NpgsqlCommand cmd, ImportSleutel.Berichten dag)
    {
        var (van, tot) = dag.Bereik();
        cmd.Parameters.AddWithValue("bron", dag.Bron.Code());
        cmd.Parameters.AddWithValue("van", van);
        cmd.Parameters.AddWithValue("tot", tot);
    }

    private static ImportRegel LeesRegel(NpgsqlDataReader r)
    {
        FeitBronTekst.TryParse(r.GetString(1), out var bron);
        ImportSleutel sleutel = r.IsDBNull(0)
            ? new ImportSleutel.Berichten(bron, r.GetFieldValue<DateOnly>(2))
            : new ImportSleutel.Run(r.GetInt64(0), bron);
        return new ImportRegel(sleutel, r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
            r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(10) ? null : r.GetString(10));
    }

    private static AfwijzingRegel LeesAfwijzing(NpgsqlDataReader r) => new(
        r.IsDBNull(0) ? null : r.GetInt32(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetFieldValue<DateTimeOffset>(4));
}
