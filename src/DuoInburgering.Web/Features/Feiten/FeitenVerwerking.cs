using DuoInburgering.Web.Features.Verwerking;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Features.Feiten;

/// <summary>A message that passed validation, with its line in the file (or 1 for a single message).</summary>
public sealed record GeldigBericht(int Regel, FeitBericht Bericht);

/// <summary>What processing did: new messages, messages seen before, and the re-derivation.</summary>
public readonly record struct FeitenTelling(int Nieuw, int Dubbel, BatchResultaat Herbepaling);

/// <summary>
/// The set-based path every fact takes, from a file or an HTTP message: binary COPY into a staging
/// table, drop message ids seen before (set-based, against table bericht), store the facts, then
/// re-derive exactly the affected persons. Runs inside the caller's transaction, whose
/// <see cref="Verwerkingscontext"/> holds the processing lock: facts, decisions and signals commit together.
/// </summary>
public static class FeitenVerwerking
{
    private const int Brok = 50_000;

    public static async Task<FeitenTelling> VerwerkAsync(NpgsqlConnection conn, FeitSchema schema,
        IReadOnlyList<GeldigBericht> berichten, long? importId, Verwerkingscontext context, CancellationToken ct)
    {
        await Staging.VulAsync(conn, schema, berichten, ct);
        var dubbel = await Staging.VerwijderDubbelAsync(conn, ct);
        var nieuw = await Staging.RegistreerBerichtenAsync(conn, schema.Bron, importId, context.Nu, ct);
        var herbepaling = schema.Bron == FeitBron.Ind
            ? await HerbepaalIndAsync(conn, berichten, context, ct)
            : await PersoonBatch.HerbepaalAsync(conn, await Staging.BewaarFeitenAsync(conn, schema.Bron, ct), Brok, context, ct);
        return new FeitenTelling(nieuw, dubbel, herbepaling);
    }

    /// <summary>IND facts live on the person row: the newest new message per BSN is applied, then re-derived.</summary>
    private static async Task<BatchResultaat> HerbepaalIndAsync(NpgsqlConnection conn, IReadOnlyList<GeldigBericht> berichten,
        Verwerkingscontext context, CancellationToken ct)
    {
        await Staging.HoudNieuwstePerBsnAsync(conn, ct);
        var perRegel = berichten.ToDictionary(b => b.Regel, b => (IndBericht)b.Bericht);
        var totaal = new BatchResultaat();
        var naRegel = int.MinValue;
        while (true)
        {
            var brok = await PersoonBatch.LaadVoorStagingAsync(conn, "feit_in", naRegel, Brok, ct);
            if (brok.Count == 0)
            {
                return totaal;
            }
            naRegel = brok[^1].Regel;
            var teBepalen = brok.Select(r =>
            {
                var persoon = r.Opgeslagen?.Persoon ?? IndFeitenToepassing.NieuwePersoon(r.Bsn);
                IndFeitenToepassing.PasToe(perRegel[r.Regel], persoon);
                return new PersoonRegel(persoon, r.Opgeslagen?.Coa, r.Opgeslagen?.Brp, Nieuw: r.Opgeslagen?.Persoon is null);
            });
            totaal += await PersoonBatch.HerbepaalEnSchrijfAsync(conn, teBepalen, context, ct);
        }
    }

    /// <summary>The staging table feit_in: one text column per CSV column plus the line number.</summary>
    private static class Staging
    {
        public static async Task VulAsync(NpgsqlConnection conn, FeitSchema schema, IReadOnlyList<GeldigBericht> berichten,
            CancellationToken ct)
        {
            var staging = schema.StagingKolommen;
            var kolommen = string.Join(", ", staging.Select(k => k + " text"));
            await VoerUitAsync(conn, $"drop table if exists feit_in; create temp table feit_in (regel int not null, {kolommen}) on commit drop", ct);
            await using (var copy = await conn.BeginBinaryImportAsync($"copy feit_in (regel, {string.Join(", ", staging)}) from stdin (format binary)", ct))
            {
                foreach (var b in berichten)
                {
                    copy.StartRow();
                    copy.Write(b.Regel, NpgsqlDbType.Integer);
                    foreach (var waarde in b.Bericht.Waarden().Take(staging.Count))
                    {
                        if (Veld.Tekst(waarde) is { } tekst)
                        {
                            copy.Write(tekst, NpgsqlDbType.Text);
                        }
                        else
                        {
                            copy.WriteNull();
                        }
                    }
                }
                await copy.CompleteAsync(ct);
            }
            await VoerUitAsync(conn, "analyze feit_in", ct);
        }

        /// <summary>Message ids received before, or earlier in this batch, are accepted once: the rest goes.</summary>
        public static async Task<int> VerwijderDubbelAsync(NpgsqlConnection conn, CancellationToken ct) =>
            await TelAsync(conn, """
                with eerder as (
                    delete from feit_in s using bericht b where b.bericht_id = s.bericht_id returning 1)
                select count(*) from eerder
                """, ct)
            + await TelAsync(conn, """
                with herhaald as (
                    delete from feit_in s using feit_in t where t.bericht_id = s.bericht_id and t.regel < s.regel returning 1)
                select count(*) from herhaald
                """, ct);

        public static async Task<int> RegistreerBerichtenAsync(NpgsqlConnection conn, FeitBron bron, long? importId,
            DateTimeOffset nu, CancellationToken ct)
        {
            await using var cmd = new NpgsqlCommand(
                "insert into bericht (bericht_id, bron, import_id, ontvangen_op) select bericht_id, @bron, @import, @nu from feit_in", conn);
            cmd.Parameters.AddWithValue("bron", bron.Code());
            cmd.Parameters.Add(new NpgsqlParameter<long?>("import", importId) { NpgsqlDbType = NpgsqlDbType.Bigint });
            cmd.Parameters.AddWithValue("nu", nu);
            return await cmd.ExecuteNonQueryAsync(ct);
        }

        /// <summary>Keeps the newest new IND message per BSN (a later line supersedes an earlier one), indexed by line.</summary>
        public static async Task HoudNieuwstePerBsnAsync(NpgsqlConnection conn, CancellationToken ct) =>
            await VoerUitAsync(conn, """
                delete from feit_in s using feit_in t where t.bsn = s.bsn and t.regel > s.regel;
                create index on feit_in (regel);
                analyze feit_in;
                """, ct);

        /// <summary>Upserts COA or BRP facts (newest line per BSN wins) and returns the affected BSNs.</summary>
        public static async Task<List<string>> BewaarFeitenAsync(NpgsqlConnection conn, FeitBron bron, CancellationToken ct)
        {
            var sql = bron == FeitBron.Coa ? CoaUpsert : BrpUpsert;
            var bsns = new List<string>();
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                bsns.Add(reader.GetString(0));
            }
            return bsns;
        }

        private const string CoaUpsert = """
            insert into coa_feit (bsn, locatie, gekoppelde_gemeente, datum_gekoppeld, datum_uitstroom, bericht_id)
            select distinct on (bsn) bsn, coa_locatie, gekoppelde_gemeente, datum_gekoppeld::date, datum_uitstroom::date, bericht_id
            from feit_in order by bsn, regel desc
            on conflict (bsn) do update set locatie = excluded.locatie, gekoppelde_gemeente = excluded.gekoppelde_gemeente,
                datum_gekoppeld = excluded.datum_gekoppeld, datum_uitstroom = excluded.datum_uitstroom, bericht_id = excluded.bericht_id
            returning bsn
            """;

        private const string BrpUpsert = """
            insert into brp_feit (bsn, gemeente, adres_is_coa_locatie, datum_vestiging, datum_vertrek_buitenland, datum_overlijden, bericht_id)
            select distinct on (bsn) bsn, gemeente, coalesce(lower(adres_is_coa_locatie) in ('true', 'ja', '1'), false),
                datum_vestiging::date, datum_vertrek_buitenland::date, datum_overlijden::date, bericht_id
            from feit_in order by bsn, regel desc
            on conflict (bsn) do update set gemeente = excluded.gemeente, adres_is_coa_locatie = excluded.adres_is_coa_locatie,
                datum_vestiging = excluded.datum_vestiging, datum_vertrek_buitenland = excluded.datum_vertrek_buitenland,
                datum_overlijden = excluded.datum_overlijden, bericht_id = excluded.bericht_id
            returning bsn
            """;

        private static async Task VoerUitAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        }

        private static async Task<int> TelAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
