using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using Npgsql;

namespace DuoInburgering.Web.Verwerking;

/// <summary>
/// Persons leaving the Wi2021 (docs/domain.md "Corrections, pauses and parked people"): every municipality
/// that still shows Wi2021 signals about them gets an SS190 in its Wi2021 environment, and those signals
/// are withdrawn from every view (<c>ingetrokken_op</c>; the municipal queries and row-level security
/// show only signals without it). Set-based, in the caller's transaction: one UPDATE … RETURNING finds
/// and withdraws, one binary COPY writes the SS190s.
/// </summary>
public static class Wi2021Terugtrekking
{
    // The municipalities told are those whose Wi2021 signals are withdrawn now: a municipality whose
    // signals an earlier correction already withdrew got its SS190 then. SS190s themselves are never
    // withdrawn: a municipality keeps the correction (and cannot delete it). Handled signals count too:
    // handling is the caseworker's bookkeeping, the data is still in view.
    private const string Sql = """
        with ingetrokken as (
            update signaal set ingetrokken_op = @nu
            where bsn = any(@bsns) and regime = 'Wi2021' and ingetrokken_op is null and code <> 'SS190'
            returning bsn, gemeente_code, id, code, datum)
        select bsn, gemeente_code, id, code, datum from ingetrokken order by bsn, gemeente_code, id
        """;

    /// <summary>Withdraws and writes the SS190s; each withdrawal and each SS190 is recorded in <paramref name="audit"/>.</summary>
    /// <returns>The number of SS190 signals written.</returns>
    public static async Task<int> TrekTerugAsync(NpgsqlConnection conn, IReadOnlyCollection<string> bsns, DateOnly vandaag,
        DateTimeOffset nu, Verwerkingsaudit audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conn);
        ArgumentNullException.ThrowIfNull(bsns);
        ArgumentNullException.ThrowIfNull(audit);
        if (bsns.Count == 0)
        {
            return 0;
        }

        var ingetrokken = new List<(string Bsn, string Gemeente, long Id, string Code, DateOnly Datum)>();
        await using (var cmd = new NpgsqlCommand(Sql, conn) { CommandTimeout = 0 })
        {
            cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", [.. bsns.Distinct(StringComparer.Ordinal)]));
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("nu", nu));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ingetrokken.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                    reader.GetFieldValue<DateOnly>(4)));
            }
        }
        var gemeenten = new Dictionary<string, List<GemeenteCode>>(StringComparer.Ordinal);
        foreach (var s in ingetrokken)
        {
            audit.SignaalIngetrokken(s.Id, s.Bsn, s.Code, nameof(Regime.Wi2021), s.Datum, s.Gemeente);
            if (!gemeenten.TryGetValue(s.Bsn, out var lijst))
            {
                gemeenten[s.Bsn] = lijst = [];
            }
            var gemeente = new GemeenteCode(s.Gemeente);
            if (lijst.Count == 0 || lijst[^1] != gemeente) // sorted by bsn, then municipality
            {
                lijst.Add(gemeente);
            }
        }

        var correcties = new List<(string Bsn, Doelgroep? Doelgroep, Signaal Signaal)>();
        foreach (var (bsn, lijst) in gemeenten)
        {
            correcties.AddRange(SignaalRegels.Correctie(lijst, vandaag).Select(s => (bsn, (Doelgroep?)null, s)));
        }
        await PersoonBatch.SchrijfSignalenAsync(conn, correcties, nu, audit, ct);
        return correcties.Count;
    }
}
