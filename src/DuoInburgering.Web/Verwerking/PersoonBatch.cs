using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Verwerking;

/// <summary>A person as loaded for re-derivation: the row (null when IND never reported them) and COA/BRP facts.</summary>
/// <param name="Nieuw">The row is not in table persoon yet (first IND message): written with a plain COPY.</param>
/// <param name="PersoonscorrectieId">Set when an approved DUO single-person correction changed the facts: a change of
/// municipality is then always a correction (Gemeentecorrectie), recorded against this proposal.</param>
/// <param name="CorrectieId">Set when a DUO correction run (Features/Correcties) re-derives the person: a change of
/// municipality is then a correction as well, recorded with the run.</param>
public sealed record PersoonRegel(Persoon? Persoon, CoaFeit? Coa, BrpFeit? Brp, bool Nieuw = false, long? PersoonscorrectieId = null,
    long? CorrectieId = null);

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
public static partial class PersoonBatch
{
    internal static readonly string Kolommen = $"""
        {string.Join(", ", PersoonKolommen.Alle.Select(k => "p." + k.Naam))},
        c.bsn, c.locatie, c.gekoppelde_gemeente, c.datum_gekoppeld, c.datum_uitstroom, c.bericht_id,
        r.bsn, r.gemeente, r.adres_is_coa_locatie, r.datum_vestiging, r.datum_vertrek_buitenland, r.datum_overlijden, r.bericht_id
        """;

    private static readonly string LaadSql = $"""
        select b.bsn, {Kolommen}
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
        while (await reader.ReadAsync(ct))
        {
            if (Lees(reader, 1) is { } regel)
            {
                result[reader.GetString(0)] = regel;
            }
        }
        return result;
    }

    /// <summary>Reads person, COA and BRP columns starting at <paramref name="o"/>; null when none exists.</summary>
    internal static PersoonRegel? Lees(NpgsqlDataReader reader, int o)
    {
        var n = o + PersoonKolommen.Alle.Count;
        var persoon = reader.IsDBNull(o) ? null : PersoonKolommen.Lees(reader, o);
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
        return persoon is null && coa is null && brp is null ? null : new PersoonRegel(persoon, coa, brp);
    }

    /// <summary>Loads and re-derives the given persons, <paramref name="brok"/> at a time; persons without IND facts wait.</summary>
    public static async Task<BatchResultaat> HerbepaalAsync(NpgsqlConnection conn, IReadOnlyList<string> bsns, int brok,
        Verwerkingscontext context, CancellationToken ct)
    {
        var totaal = new BatchResultaat();
        foreach (var deel in bsns.Chunk(brok))
        {
            var geladen = await LaadAsync(conn, deel, ct);
            totaal += await HerbepaalEnSchrijfAsync(conn, geladen.Values, context, ct);
        }
        return totaal;
    }

    /// <summary>
    /// Re-derives the given persons (those with IND facts) and writes state and signals. The pure
    /// derivation runs on all cores; the writes are two binary COPYs (new persons straight into
    /// persoon, known ones through an upsert) and one for the signals.
    /// </summary>
    public static async Task<BatchResultaat> HerbepaalEnSchrijfAsync(
        NpgsqlConnection conn, IEnumerable<PersoonRegel> regels, Verwerkingscontext context, CancellationToken ct) =>
        await SchrijfAsync(conn, Bepaal(regels, context), context, ct);

    /// <summary>What a chunk's re-derivation produced, to be written in one go.</summary>
    private sealed record Bepaling(List<Persoon> Nieuw, List<Persoon> Bekend, List<(string Bsn, Doelgroep? Doelgroep, Domain.Signalen.Signaal Signaal)> Signalen,
        int Uitgesteld, List<MisplaatsingRegel> Misplaatsingen);

    /// <summary>Pure and CPU-bound: derives every person with IND facts and writes the outcome into its row object.</summary>
    private static Bepaling Bepaal(IEnumerable<PersoonRegel> regels, Verwerkingscontext context)
    {
        var teBepalen = regels.Where(r => r.Persoon is not null).ToArray();
        var uitkomsten = new HerbepalingUitkomst[teBepalen.Length];
        Func<PauzeSleutel, bool> isGepauzeerd = context.IsGepauzeerd;
        try
        {
            Parallel.For(0, teBepalen.Length, i =>
            {
                var p = teBepalen[i].Persoon!;
                uitkomsten[i] = Herbepaling.Herbepaal(PersoonMapping.Feiten(p, teBepalen[i].Coa, teBepalen[i].Brp),
                    PersoonMapping.Gepubliceerd(p), isGepauzeerd, context.Rules, context.Vandaag,
                    duoCorrectie: teBepalen[i].PersoonscorrectieId is not null || teBepalen[i].CorrectieId is not null);
                PersoonMapping.Schrijf(p, uitkomsten[i], context.Nu);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A bad stored row fails the batch with its own error, as the sequential path would.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        var bepaling = new Bepaling([], [], [], 0, []);
        var uitgesteld = 0;
        for (var i = 0; i < teBepalen.Length; i++)
        {
            var p = teBepalen[i].Persoon!;
            (teBepalen[i].Nieuw ? bepaling.Nieuw : bepaling.Bekend).Add(p);
            uitgesteld += uitkomsten[i].Status == Verwerkingsstatus.Uitgesteld ? 1 : 0;
            foreach (var signaal in uitkomsten[i].Signalen)
            {
                bepaling.Signalen.Add((p.Bsn, p.PubDoelgroep, signaal));
            }
            if (uitkomsten[i].Misplaatsing is { } m)
            {
                bepaling.Misplaatsingen.Add(MisplaatsingRegistratie.Regel(p.Bsn, m, uitkomsten[i].Koppeling, teBepalen[i]));
            }
        }
        return bepaling with { Uitgesteld = uitgesteld };
    }

    /// <summary>Writes a chunk and records it for the audit log (here, on the one writer, not while deriving the next chunk).</summary>
    private static async Task<BatchResultaat> SchrijfAsync(NpgsqlConnection conn, Bepaling b, Verwerkingscontext context, CancellationToken ct)
    {
        await SchrijfNieuwePersonenAsync(conn, b.Nieuw, ct);
        await SchrijfPersonenAsync(conn, b.Bekend, ct);
        foreach (var p in b.Nieuw)
        {
            context.Audit.Bepaling(p);
        }
        foreach (var p in b.Bekend)
        {
            context.Audit.Bepaling(p);
        }
        await SchrijfSignalenAsync(conn, b.Signalen, context.Nu, context.Audit, ct);
        // Nothing to do, and no statement sent, unless this chunk corrected a municipality.
        await MisplaatsingRegistratie.SchrijfAsync(conn, b.Misplaatsingen, context.Nu, context.Audit, ct);
        return new BatchResultaat(b.Nieuw.Count + b.Bekend.Count, b.Uitgesteld, b.Signalen.Count);
    }

    private static async Task SchrijfNieuwePersonenAsync(NpgsqlConnection conn, List<Persoon> personen, CancellationToken ct)
    {
        if (personen.Count == 0)
        {
            return;
        }
        await using var importer = await conn.BeginBinaryImportAsync($"copy persoon ({PersoonKolommen.Lijst}) from stdin (format binary)", ct);
        foreach (var p in personen)
        {
            PersoonKolommen.Schrijf(importer, p);
        }
        await importer.CompleteAsync(ct);
    }

    internal static async Task SchrijfPersonenAsync(NpgsqlConnection conn, List<Persoon> personen, CancellationToken ct)
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
                PersoonKolommen.Schrijf(importer, p);
            }
            await importer.CompleteAsync(ct);
        }
        await using var upsert = new NpgsqlCommand(
            $"insert into persoon ({PersoonKolommen.Lijst}) select {PersoonKolommen.Lijst} from persoon_in " +
            $"on conflict (bsn) do update set {PersoonKolommen.UpdateSet}", conn);
        upsert.CommandTimeout = 0;
        await upsert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes signals with the person's published doelgroep of that moment (what the municipality receives
    /// with the signal); an SS190 gets none, it carries the BSN only (docs/domain.md "Signal catalogue"). Every
    /// signal is recorded in <paramref name="audit"/> under its id, taken from the table's identity sequence
    /// first because COPY returns none.
    /// </summary>
    public static async Task SchrijfSignalenAsync(NpgsqlConnection conn,
        IReadOnlyCollection<(string Bsn, Doelgroep? Doelgroep, Domain.Signalen.Signaal Signaal)> signalen, DateTimeOffset nu,
        Verwerkingsaudit audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (signalen.Count == 0)
        {
            return;
        }
        var ids = await SignaalIdsAsync(conn, signalen.Count, ct);
        var i = 0;
        await using var importer = await conn.BeginBinaryImportAsync(
            "copy signaal (id, bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op, doelgroep) from stdin (format binary)", ct);
        foreach (var (bsn, doelgroep, s) in signalen)
        {
            var id = ids[i++];
            importer.StartRow();
            importer.Write(id, NpgsqlDbType.Bigint);
            importer.Write(bsn, NpgsqlDbType.Varchar);
            importer.Write(s.Code.ToString(), NpgsqlDbType.Text);
            importer.Write(s.Gemeente.Waarde, NpgsqlDbType.Varchar);
            importer.Write(s.Regime.ToString(), NpgsqlDbType.Text);
            importer.Write(s.Datum, NpgsqlDbType.Date);
            importer.Write(s.Toelichting, NpgsqlDbType.Text);
            importer.Write(nu, NpgsqlDbType.TimestampTz);
            PersoonKolommen.SchrijfOfNull(importer, s.Code == Domain.Signalen.SignaalCode.SS190 ? null : doelgroep?.ToString(), NpgsqlDbType.Text);
            audit.SignaalVerzonden(id, bsn, s);
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// <paramref name="aantal"/> new ids from signaal's identity sequence (one round trip). COPY writes a given value into an
    /// identity column (as OVERRIDING SYSTEM VALUE), so the ids are known before the rows are sent.
    /// </summary>
    private static async Task<long[]> SignaalIdsAsync(NpgsqlConnection conn, int aantal, CancellationToken ct)
    {
        var ids = new long[aantal];
        await using var cmd = new NpgsqlCommand("""
            select nextval(s.reeks) from (select pg_get_serial_sequence('signaal', 'id')::regclass as reeks) s, generate_series(1, @n)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<int>("n", aantal));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            ids[i++] = reader.GetInt64(0);
        }
        return i == aantal ? ids : throw new InvalidOperationException("Te weinig signaalnummers uitgegeven.");
    }

    internal static string? Tekst(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static DateOnly? Datum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
