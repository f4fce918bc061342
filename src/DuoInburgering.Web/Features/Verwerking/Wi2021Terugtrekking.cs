using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Signalen;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Features.Verwerking;

/// <summary>
/// The signal side of a person leaving Wi2021 (DOMAIN.md "Corrections": a correction, or a registered
/// choice): an SS190 in the Wi2021 environment of every municipality that has Wi2021 signals about the
/// person, and every other Wi2021 signal of theirs withdrawn from every view (kept for the audit).
/// Set-based, in the caller's transaction: one statement withdraws and reports which municipalities
/// had what, one COPY writes the SS190s.
/// </summary>
public static class Wi2021Terugtrekking
{
    // "Has Wi2021 signals" means signals still in view: what was withdrawn before is no longer the
    // municipality's, and a second call for the same person therefore writes nothing. SS190s are never
    // withdrawn, they are the correction itself.
    private const string TrekTerugSql = """
        with ingetrokken as (
            update signaal s set ingetrokken_op = @nu
            where s.bsn = any(@bsns) and s.regime = 'Wi2021' and s.ingetrokken_op is null and s.code <> 'SS190'
            returning s.bsn, s.gemeente_code)
        select distinct bsn, gemeente_code from ingetrokken order by bsn, gemeente_code
        """;

    /// <returns>The number of SS190 signals written.</returns>
    public static async Task<int> TrekTerugAsync(NpgsqlConnection conn, IReadOnlyCollection<string> bsns, DateOnly vandaag,
        DateTimeOffset nu, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conn);
        ArgumentNullException.ThrowIfNull(bsns);
        if (bsns.Count == 0)
        {
            return 0;
        }

        var perPersoon = new List<(string Bsn, List<GemeenteCode> Gemeenten)>();
        await using (var cmd = new NpgsqlCommand(TrekTerugSql, conn) { CommandTimeout = 0 })
        {
            cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", bsns as string[] ?? [.. bsns]));
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("nu", nu));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var bsn = reader.GetString(0);
                if (perPersoon.Count == 0 || perPersoon[^1].Bsn != bsn)
                {
                    perPersoon.Add((bsn, []));
                }
                perPersoon[^1].Gemeenten.Add(new GemeenteCode(reader.GetString(1)));
            }
        }

        var aantal = 0;
        await using var copy = await conn.BeginBinaryImportAsync(
            "copy signaal (bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op) from stdin (format binary)", ct);
        foreach (var (bsn, gemeenten) in perPersoon)
        {
            // The domain decides the signal (code, environment, text without BSN or name); the BSN is our key.
            foreach (var s in SignaalRegels.Correctie(gemeenten, vandaag))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(bsn, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(s.Code.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(s.Gemeente.Waarde, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(s.Regime.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(s.Datum, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(s.Toelichting, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(nu, NpgsqlDbType.TimestampTz, ct);
                aantal++;
            }
        }
        await copy.CompleteAsync(ct);
        return aantal;
    }
}
