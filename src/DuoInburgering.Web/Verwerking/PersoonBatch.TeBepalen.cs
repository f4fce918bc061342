using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Verwerking;

/// <summary>
/// The bulk half of <see cref="PersoonBatch"/>: a run puts the BSNs it must re-derive in temp table
/// te_bepalen, one query reads them with their stored rows and facts, and chunks are derived and
/// written in turn, deriving the next chunk while the server stores the previous one.
/// </summary>
public static partial class PersoonBatch
{
    /// <summary>Creates (or empties) te_bepalen: the BSNs a run re-derives, one row each.</summary>
    public const string MaakTeBepalen =
        "create temp table if not exists te_bepalen (bsn varchar(9) not null) on commit drop; truncate te_bepalen;";

    /// <summary>Fills te_bepalen with binary COPY, sorted by BSN: new person rows then mostly go in at the right edge of the key index.</summary>
    public static async Task VulTeBepalenAsync(NpgsqlConnection conn, IEnumerable<string> bsns, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(MaakTeBepalen, conn))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        var gesorteerd = bsns.ToArray();
        Array.Sort(gesorteerd, StringComparer.Ordinal);
        await using (var copy = await conn.BeginBinaryImportAsync("copy te_bepalen (bsn) from stdin (format binary)", ct))
        {
            foreach (var bsn in gesorteerd)
            {
                copy.StartRow();
                copy.Write(bsn, NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync(ct);
        }
        await using var analyze = new NpgsqlCommand("analyze te_bepalen", conn);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Re-derives every person in te_bepalen. One query joins them with their stored row and facts (the
    /// planner picks hash joins for a big batch, index probes for a small one) and a cursor hands them
    /// over <paramref name="brok"/> at a time, so the connection can write each chunk in between.
    /// <paramref name="voorbereid"/> turns (BSN, what is stored) into what to derive, e.g. with new IND facts applied.
    /// </summary>
    public static async Task<BatchResultaat> HerbepaalTeBepalenAsync(NpgsqlConnection conn, int brok,
        Func<string, PersoonRegel?, PersoonRegel?> voorbereid, Verwerkingscontext context, CancellationToken ct)
    {
        await using (var declare = new NpgsqlCommand($"""
            set local cursor_tuple_fraction = 1;
            declare te_bepalen_cursor no scroll cursor for
            select s.bsn, {Kolommen}
            from te_bepalen s
            left join persoon p on p.bsn = s.bsn
            left join coa_feit c on c.bsn = s.bsn
            left join brp_feit r on r.bsn = s.bsn
            """, conn))
        {
            await declare.ExecuteNonQueryAsync(ct);
        }
        // Pipelined: while the server stores chunk n (COPY), chunk n+1 is derived on the other core.
        Task<Bepaling>? Start((int Gelezen, List<PersoonRegel> Regels) brokje) =>
            brokje.Gelezen > 0 ? Task.Run(() => Bepaal(brokje.Regels, context), ct) : null;
        var totaal = new BatchResultaat();
        var bepaling = Start(await HaalAsync(conn, brok, voorbereid, ct));
        while (bepaling is not null)
        {
            var volgende = await HaalAsync(conn, brok, voorbereid, ct);
            var klaar = await bepaling;
            bepaling = Start(volgende);
            totaal += await SchrijfAsync(conn, klaar, context, ct);
        }
        await using var close = new NpgsqlCommand("close te_bepalen_cursor", conn);
        await close.ExecuteNonQueryAsync(ct);
        return totaal;
    }

    /// <summary>The next chunk from the cursor: how many rows it held, and what <paramref name="voorbereid"/> made of them.</summary>
    private static async Task<(int Gelezen, List<PersoonRegel> Regels)> HaalAsync(NpgsqlConnection conn, int brok,
        Func<string, PersoonRegel?, PersoonRegel?> voorbereid, CancellationToken ct)
    {
        var regels = new List<PersoonRegel>(brok);
        var gelezen = 0;
        await using var fetch = new NpgsqlCommand($"fetch forward {brok} from te_bepalen_cursor", conn) { CommandTimeout = 0 };
        await using var reader = await fetch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            gelezen++;
            if (voorbereid(reader.GetString(0), Lees(reader, 1)) is { } regel)
            {
                regels.Add(regel);
            }
        }
        return (gelezen, regels);
    }
}
