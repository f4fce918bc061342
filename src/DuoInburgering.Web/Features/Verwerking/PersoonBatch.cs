using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Features.Verwerking;

/// <summary>A person as loaded for re-derivation: the row (null when IND never reported them) and COA/BRP facts.</summary>
public sealed record PersoonRegel(Persoon? Persoon, CoaFeit? Coa, BrpFeit? Brp);

/// <summary>What one batch wrote.</summary>
public readonly record struct BatchResultaat(int Personen, int Uitgesteld, int Signalen)
{
    public static BatchResultaat operator +(BatchResultaat a, BatchResultaat b) =>
        new(a.Personen + b.Personen, a.Uitgesteld + b.Uitgesteld, a.Signalen + b.Signalen);
}

/// <summary>
/// The set-based half of processing: load many persons in one query, re-derive each with the pure
/// <see cref="Herbepaling"/>, write state and signals back with binary COPY, all inside the caller's
/// transaction, so there is never a signal without its state or a state without its signals.
/// </summary>
public static class PersoonBatch
{
    private static readonly string LaadSql = $"""
        select {string.Join(", ", PersoonKolommen.Alle.Select(k => "p." + k.Naam))},
               c.bsn, c.locatie, c.gekoppelde_gemeente, c.datum_gekoppeld, c.datum_uitstroom, c.bericht_id,
               r.bsn, r.gemeente, r.adres_is_coa_locatie, r.datum_vestiging, r.datum_vertrek_buitenland, r.datum_overlijden, r.bericht_id
        from unnest(@bsns) as b(bsn)
        left join persoon p on p.bsn = b.bsn
        left join coa_feit c on c.bsn = b.bsn
        left join brp_feit r on r.bsn = b.bsn
        """;

    public static async Task<Dictionary<string, PersoonRegel>> LaadAsync(NpgsqlConnection conn, IReadOnlyCollection<string> bsns, CancellationToken ct)
    {
        var result = new Dictionary<string, PersoonRegel>(bsns.Count, StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(LaadSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", bsns as string[] ?? [.. bsns]));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var n = PersoonKolommen.Alle.Count;
        while (await reader.ReadAsync(ct))
        {
            var persoon = reader.IsDBNull(0) ? null : PersoonKolommen.Lees(reader, 0);
            var coa = reader.IsDBNull(n) ? null : new CoaFeit
            {
                Bsn = reader.GetString(n), Locatie = Tekst(reader, n + 1), GekoppeldeGemeente = Tekst(reader, n + 2),
                DatumGekoppeld = Datum(reader, n + 3), DatumUitstroom = Datum(reader, n + 4), BerichtId = reader.GetString(n + 5),
            };
            var m = n + 6;
            var brp = reader.IsDBNull(m) ? null : new BrpFeit
            {
                Bsn = reader.GetString(m), Gemeente = Tekst(reader, m + 1), AdresIsCoaLocatie = reader.GetBoolean(m + 2),
                DatumVestiging = Datum(reader, m + 3), DatumVertrekBuitenland = Datum(reader, m + 4),
                DatumOverlijden = Datum(reader, m + 5), BerichtId = reader.GetString(m + 6),
            };
            var bsn = persoon?.Bsn ?? coa?.Bsn ?? brp?.Bsn;
            if (bsn is not null)
            {
                result[bsn] = new PersoonRegel(persoon, coa, brp);
            }
        }
        return result;
    }

    /// <summary>Re-derives the given persons (those with IND facts) and writes state and signals.</summary>
    public static async Task<BatchResultaat> HerbepaalEnSchrijfAsync(
        NpgsqlConnection conn, IEnumerable<PersoonRegel> regels, Verwerkingscontext context, CancellationToken ct)
    {
        var personen = new List<Persoon>();
        var signalen = new List<(string Bsn, Domain.Signalen.Signaal Signaal)>();
        var uitgesteld = 0;
        foreach (var regel in regels)
        {
            if (regel.Persoon is not { } p)
            {
                continue; // COA or BRP facts without IND facts: nothing to decide yet
            }
            var uitkomst = Herbepaling.Herbepaal(PersoonMapping.Feiten(p, regel.Coa, regel.Brp),
                PersoonMapping.Gepubliceerd(p), context.IsGepauzeerd, context.Rules, context.Vandaag);
            PersoonMapping.Schrijf(p, uitkomst, context.Nu);
            personen.Add(p);
            uitgesteld += uitkomst.Status == Verwerkingsstatus.Uitgesteld ? 1 : 0;
            signalen.AddRange(uitkomst.Signalen.Select(s => (p.Bsn, s)));
        }
        await SchrijfPersonenAsync(conn, personen, ct);
        await SchrijfSignalenAsync(conn, signalen, context.Nu, ct);
        return new BatchResultaat(personen.Count, uitgesteld, signalen.Count);
    }

    private static async Task SchrijfPersonenAsync(NpgsqlConnection conn, List<Persoon> personen, CancellationToken ct)
    {
        if (personen.Count == 0)
        {
            return;
        }
        await using (var create = new NpgsqlCommand(
            "create temp table if not exists persoon_in (like persoon) on commit drop; truncate persoon_in;", conn))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var importer = await conn.BeginBinaryImportAsync($"copy persoon_in ({PersoonKolommen.Lijst}) from stdin (format binary)", ct))
        {
            foreach (var p in personen)
            {
                await PersoonKolommen.SchrijfAsync(importer, p, ct);
            }
            await importer.CompleteAsync(ct);
        }
        await using var upsert = new NpgsqlCommand(
            $"insert into persoon ({PersoonKolommen.Lijst}) select {PersoonKolommen.Lijst} from persoon_in " +
            $"on conflict (bsn) do update set {PersoonKolommen.UpdateSet}", conn);
        upsert.CommandTimeout = 0;
        await upsert.ExecuteNonQueryAsync(ct);
    }

    public static async Task SchrijfSignalenAsync(NpgsqlConnection conn, IReadOnlyCollection<(string Bsn, Domain.Signalen.Signaal Signaal)> signalen,
        DateTimeOffset nu, CancellationToken ct)
    {
        if (signalen.Count == 0)
        {
            return;
        }
        await using var importer = await conn.BeginBinaryImportAsync(
            "copy signaal (bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op) from stdin (format binary)", ct);
        foreach (var (bsn, s) in signalen)
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
    }

    private static string? Tekst(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Datum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
