using DuoInburgering.Web.Verwerking;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>A message that passed validation, with its line in the file (or 1 for a single message).</summary>
public sealed record GeldigBericht(int Regel, FeitBericht Bericht);

/// <summary>What processing did: new messages, messages seen before, and the re-derivation.</summary>
public readonly record struct FeitenTelling(int Nieuw, int Dubbel, BatchResultaat Herbepaling);

/// <summary>
/// The set-based path every fact takes, from a file or an HTTP message: register the message ids
/// (<see cref="BerichtRegistratie"/>: those seen before change nothing), store the facts of the new
/// messages (COA/BRP through a staging table and an upsert, IND on the person row), then re-derive
/// exactly the affected persons. Runs inside the caller's transaction, whose
/// <see cref="Verwerkingscontext"/> holds the processing lock: facts, decisions and signals commit together,
/// and are recorded in the context's <see cref="Verwerkingscontext.Audit"/> for the caller to write before it commits.
/// </summary>
public static class FeitenVerwerking
{
    private const int Brok = 50_000;

    public static async Task<FeitenTelling> VerwerkAsync(NpgsqlConnection conn, FeitSchema schema,
        IReadOnlyList<GeldigBericht> berichten, long? importId, Verwerkingscontext context, CancellationToken ct)
    {
        var registratie = await BerichtRegistratie.RegistreerAsync(conn, schema.Bron, berichten, importId, context.Nu, ct);
        // Every message stored is an audit entry; a repeat of a known message id stores nothing and gets none.
        var bron = schema.Bron.Code();
        foreach (var b in registratie.Nieuw)
        {
            context.Audit.FeitOntvangen(Veld.Tekst(b.Bericht.Bsn)!, bron, Veld.Tekst(b.Bericht.BerichtId)!, importId);
        }
        if (schema.Bron == FeitBron.Ind)
        {
            return new FeitenTelling(registratie.Nieuw.Count, registratie.Dubbel,
                await HerbepaalIndAsync(conn, registratie.Nieuw, context, ct));
        }
        await Staging.VulAsync(conn, schema, registratie.Nieuw, ct);
        await Staging.BewaarFeitenAsync(conn, schema.Bron, ct);
        return new FeitenTelling(registratie.Nieuw.Count, registratie.Dubbel,
            await PersoonBatch.HerbepaalTeBepalenAsync(conn, Brok, (_, opgeslagen) => opgeslagen, context, ct));
    }

    /// <summary>
    /// IND facts live on the person row: per BSN the newest new message (a later line supersedes an
    /// earlier one) is applied to the stored or a new person, then re-derived.
    /// </summary>
    private static async Task<BatchResultaat> HerbepaalIndAsync(NpgsqlConnection conn, List<GeldigBericht> nieuw,
        Verwerkingscontext context, CancellationToken ct)
    {
        var nieuwste = new Dictionary<string, IndBericht>(nieuw.Count, StringComparer.Ordinal);
        foreach (var b in nieuw)
        {
            nieuwste[Veld.Tekst(b.Bericht.Bsn)!] = (IndBericht)b.Bericht;
        }
        await PersoonBatch.VulTeBepalenAsync(conn, nieuwste.Keys, ct);
        return await PersoonBatch.HerbepaalTeBepalenAsync(conn, Brok, (bsn, opgeslagen) =>
        {
            var persoon = opgeslagen?.Persoon ?? IndFeitenToepassing.NieuwePersoon(bsn);
            IndFeitenToepassing.PasToe(nieuwste[bsn], persoon);
            return new PersoonRegel(persoon, opgeslagen?.Coa, opgeslagen?.Brp, Nieuw: opgeslagen?.Persoon is null);
        }, context, ct);
    }

    /// <summary>The staging table feit_in for COA and BRP: one text column per CSV column plus the line number.</summary>
    private static class Staging
    {
        public static async Task VulAsync(NpgsqlConnection conn, FeitSchema schema, IReadOnlyList<GeldigBericht> berichten,
            CancellationToken ct)
        {
            var staging = schema.Kolommen;
            var kolommen = string.Join(", ", staging.Select(k => k + " text"));
            await VoerUitAsync(conn, $"drop table if exists feit_in; create temp table feit_in (regel int not null, {kolommen}) on commit drop", ct);
            await using (var copy = await conn.BeginBinaryImportAsync($"copy feit_in (regel, {string.Join(", ", staging)}) from stdin (format binary)", ct))
            {
                foreach (var b in berichten)
                {
                    copy.StartRow();
                    copy.Write(b.Regel, NpgsqlDbType.Integer);
                    foreach (var waarde in b.Bericht.Waarden())
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

        /// <summary>
        /// Upserts COA or BRP facts (newest line per BSN wins) and puts the affected persons in te_bepalen:
        /// only those with a person row, since a person without IND facts has nothing to derive yet.
        /// </summary>
        public static async Task BewaarFeitenAsync(NpgsqlConnection conn, FeitBron bron, CancellationToken ct) =>
            await VoerUitAsync(conn, $"""
                {PersoonBatch.MaakTeBepalen}
                with bewaard as ({(bron == FeitBron.Coa ? CoaUpsert : BrpUpsert)})
                insert into te_bepalen select b.bsn from bewaard b join persoon p on p.bsn = b.bsn;
                analyze te_bepalen;
                """, ct);

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
    }
}
