using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Signalen;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Features.Verwerking;

/// <summary>
/// Persons leaving Wi2021 after a correction (DOMAIN.md "Corrections, pauses and parked people"; the 2022
/// outcome): every municipality that has Wi2021 signals about the person gets an SS190 in its Wi2021
/// environment (BSN only, <see cref="SignaalRegels.Correctie"/>), and every other Wi2021 signal of the person
/// is withdrawn from every view. Runs in the caller's transaction, set-based: one UPDATE that withdraws and
/// returns who held what, one COPY of the SS190s.
/// </summary>
public static class Wi2021Terugtrekking
{
    /// <summary>
    /// "Has Wi2021 signals": holds any Wi2021 signal that is still in view, other than an SS190. A signal
    /// already withdrawn was taken out of that municipality's view before, and an SS190 is the correction
    /// itself: it is never withdrawn (municipalities must keep it) and does not earn a second one.
    /// </summary>
    private const string TrekInSql = """
        update signaal set ingetrokken_op = @nu
        where bsn = any(@bsns) and regime = 'Wi2021' and code <> 'SS190' and ingetrokken_op is null
        returning bsn, gemeente_code
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

        var gemeenten = new Dictionary<string, List<GemeenteCode>>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand(TrekInSql, conn) { CommandTimeout = 0 })
        {
            cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
            {
                TypedValue = bsns as string[] ?? [.. bsns],
            });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("nu", NpgsqlDbType.TimestampTz) { TypedValue = nu });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var bsn = reader.GetString(0);
                if (!gemeenten.TryGetValue(bsn, out var lijst))
                {
                    gemeenten[bsn] = lijst = [];
                }
                lijst.Add(new GemeenteCode(reader.GetString(1)));
            }
        }

        // Sorted so the same correction writes its signals in the same order every time.
        var ss190 = gemeenten.OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => SignaalRegels.Correctie(g.Value.OrderBy(c => c.Waarde, StringComparer.Ordinal), vandaag).Select(s => (g.Key, s)))
            .ToList();
        if (ss190.Count == 0)
        {
            return 0;
        }

        await using var importer = await conn.BeginBinaryImportAsync(
            "copy signaal (bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op) from stdin (format binary)", ct);
        foreach (var (bsn, s) in ss190)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(bsn, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(s.Code.ToString(), NpgsqlDbType.Text, ct);
            await importer.WriteAsync(s.Gemeente.Waarde, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(s.Regime.ToString(), NpgsqlDbType.Text, ct);
            await importer.WriteAsync(s.Datum, NpgsqlDbType.Date, ct);
            await importer.WriteAsync(s.Toelichting, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(nu, NpgsqlDbType.TimestampTz, ct);
        }
        await importer.CompleteAsync(ct);
        return ss190.Count;
    }
}
