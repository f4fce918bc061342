using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Features.Correcties;

public enum ToepassingUitkomst
{
    /// <summary>The confirmed preview was recorded and carried out.</summary>
    Toegepast,

    /// <summary>An interrupted run of this preview was finished.</summary>
    Hervat,

    /// <summary>This preview was applied before: nothing was done.</summary>
    AlToegepast,
}

public sealed record ToepassingResultaat(long CorrectieId, ToepassingUitkomst Uitkomst, int Personen, int Verwerkt, int Ss190, int Signalen);

/// <summary>One correction run as the list of earlier runs shows it.</summary>
public sealed record CorrectieRunRegel(
    long Id, string Versie, string VorigeVersie, CorrectieScope Scope, string Door, DateTimeOffset AangemaaktOp, string Status,
    int Personen, int VerlatenWi2021, int Herbepaald, int Verwerkt, int Ss190, int Signalen, DateTimeOffset? VoltooidOp, string LijstHash)
{
    public bool IsBezig => Status == CorrectieRun.StatusBezig;
}

/// <summary>
/// Corrections (docs/domain.md "Corrections, pauses and parked people"; issue 5 item 2): the preview, and the
/// apply that carries out exactly that preview. Apply holds the correction lock
/// (<see cref="Verwerkingscontext.CorrectieSlot"/>) for the whole run, so processing waits; recomputes the
/// list and refuses when its hash is not the confirmed one; records the run and its list in one
/// transaction (a unique hash: never twice); then works through the list in chunks, each committed with
/// its progress, so a crash leaves a run that the next apply of the same preview finishes. Leaving
/// Wi2021: SS190s, withdrawal, parking (<see cref="Wi2021Terugtrekking"/>,
/// <see cref="Correctieregels.HerbepaalGeparkeerd"/>); any other change: an ordinary re-derivation with
/// its signals. At the end the chosen version becomes the active rule set. The audit log gets, in each chunk's
/// transaction, a DUO action per person carried out (with the run's id) and the derivations, signals and
/// withdrawals that followed; the preview writes nothing.
/// </summary>
public sealed class Correctiedienst(NpgsqlDataSource db, TimeProvider klok, Auditlog auditlog)
{
    /// <summary>Persons carried out per committed chunk.</summary>
    public int Brokgrootte { get; init; } = 2_500;

    /// <summary>Called after every committed chunk with its number (from 1); tests interrupt a run here.</summary>
    public Func<int, CancellationToken, Task>? NaBrok { get; init; }

    /// <exception cref="CorrectieException">Unknown version or an impossible scope.</exception>
    public Task<Voorbeeld> VoorbeeldAsync(string versie, CorrectieScope scope, CancellationToken ct)
    {
        var rules = Controleer(versie, scope);
        return Herbepalingsvoorbeeld.BerekenAsync(db, rules, scope, ct);
    }

    /// <summary>
    /// The preview as shown to or downloaded by a DUO user: the persons it lists are a disclosure, recorded in the read's
    /// transaction (<see cref="Verstrekkingen"/>).
    /// </summary>
    /// <exception cref="CorrectieException">Unknown version or an impossible scope.</exception>
    public Task<Voorbeeld> VoorbeeldAsync(string versie, CorrectieScope scope, PibGebruiker gebruiker, VerstrekkingKanaal kanaal,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        var rules = Controleer(versie, scope);
        var omschrijving = kanaal == VerstrekkingKanaal.Download ? "duo: correctievoorbeeld csv " + versie : "duo: correctievoorbeeld " + versie;
        return Herbepalingsvoorbeeld.BerekenAsync(db, rules, scope,
            (tx, wijzigingen) => Verstrekkingen.RegistreerAsync(tx, auditlog, gebruiker, kanaal, omschrijving, wijzigingen.Select(w => w.Bsn),
                klok.GetUtcNow(), ct), ct);
    }

    /// <summary>Carries out the preview DUO confirmed (its <paramref name="bevestigdeHash"/>), or finishes its interrupted run.</summary>
    /// <exception cref="CorrectieException">
    /// The facts changed since the preview, another correction is half done, or the input is wrong; nothing is written.
    /// </exception>
    public async Task<ToepassingResultaat> ToepassenAsync(string versie, CorrectieScope scope, string bevestigdeHash, string door,
        CancellationToken ct)
    {
        var rules = Controleer(versie, scope);
        if (string.IsNullOrWhiteSpace(door))
        {
            throw new CorrectieException("Geef op wie de correctie toepast (door): elke correctie wordt met naam vastgelegd.");
        }
        if (string.IsNullOrWhiteSpace(bevestigdeHash))
        {
            throw new CorrectieException("Maak eerst een voorbeeld: alleen een bevestigd voorbeeld kan worden toegepast.");
        }

        await using var conn = await db.OpenConnectionAsync(ct);
        await VergrendelAsync(conn, ct);
        try
        {
            var run = await ZoekAsync(conn, "lijst_hash = @w", bevestigdeHash, ct);
            if (run is { IsBezig: false })
            {
                return new ToepassingResultaat(run.Id, ToepassingUitkomst.AlToegepast, run.Personen, 0, 0, 0);
            }
            if (run is null)
            {
                if (await ZoekAsync(conn, "status = @w", CorrectieRun.StatusBezig, ct) is { } onderbroken)
                {
                    throw new CorrectieException(
                        $"Correctie {onderbroken.Id} is onderbroken en nog niet afgerond. Hervat die eerst; er is niets gewijzigd.");
                }
                var voorbeeld = await Herbepalingsvoorbeeld.BerekenAsync(db, rules, scope, ct);
                if (voorbeeld.Hash != bevestigdeHash)
                {
                    throw new CorrectieException(
                        "Het voorbeeld is verouderd: de lijst van personen die zouden wijzigen is niet meer dezelfde (de feiten zijn " +
                        "sinds het voorbeeld gewijzigd, of regelset of scope wijkt af). Er is niets gewijzigd. Maak een nieuw voorbeeld " +
                        "en controleer het opnieuw voordat u toepast.");
                }
                var id = await VastleggenAsync(conn, voorbeeld, door.Trim(), ct);
                return await VoerUitAsync(conn, id, rules, ToepassingUitkomst.Toegepast, door.Trim(), ct);
            }
            return await VoerUitAsync(conn, run.Id, RegimeRegelsets.Get(run.Versie), ToepassingUitkomst.Hervat, door.Trim(), ct);
        }
        finally
        {
            await OntgrendelAsync(conn);
        }
    }

    /// <summary>Finishes an interrupted run (the list of runs offers this); a finished run is left alone.</summary>
    /// <exception cref="CorrectieException">No such run.</exception>
    public async Task<ToepassingResultaat> HervatAsync(long correctieId, string door, CancellationToken ct)
    {
        CorrectieRunRegel? run;
        await using (var conn = await db.OpenConnectionAsync(ct))
        {
            run = await ZoekAsync(conn, "id = @w", correctieId, ct);
        }
        return run is null
            ? throw new CorrectieException($"Correctie {correctieId} bestaat niet.")
            : await ToepassenAsync(run.Versie, run.Scope, run.LijstHash, door, ct);
    }

    public async Task<IReadOnlyList<CorrectieRunRegel>> RunsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await LeesRunsAsync(conn, "true order by id desc", null, ct);
    }

    private static RegimeRegelset Controleer(string versie, CorrectieScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!RegimeRegelsets.TryGet(versie, out var rules))
        {
            throw new CorrectieException(
                $"Onbekende regelset '{versie}'. Bekend: {string.Join(", ", RegimeRegelsets.Alle.Select(r => r.Versie))}.");
        }
        if (scope.Fouten() is [var fout, ..])
        {
            throw new CorrectieException(fout);
        }
        return rules;
    }

    /// <summary>Session-level: it outlives the chunk transactions, and ends with the connection if the process dies.</summary>
    private static async Task VergrendelAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select pg_advisory_lock({Verwerkingscontext.CorrectieSlot})", conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Explicitly: a pooled connection would otherwise keep the lock until it is next used.</summary>
    private static async Task OntgrendelAsync(NpgsqlConnection conn)
    {
        if (conn.State != System.Data.ConnectionState.Open)
        {
            return;
        }
        try
        {
            await using var cmd = new NpgsqlCommand($"select pg_advisory_unlock({Verwerkingscontext.CorrectieSlot})", conn);
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A broken connection is not returned to the pool; its session and lock end with it.
        }
    }

    private async Task<long> VastleggenAsync(NpgsqlConnection conn, Voorbeeld v, string door, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        var vorige = await ActieveRegelset.LeesAsync(conn, ct);
        long id;
        await using (var cmd = new NpgsqlCommand("""
            insert into correctie (versie, vorige_versie, regime, doelgroep, peildatum_van, peildatum_tot, gemeente_code, door,
              aangemaakt_op, lijst_hash, status, personen, verlaten_wi2021, herbepaald, verwerkt, ss190, signalen)
            values (@versie, @vorige, @regime, @doelgroep, @van, @tot, @gemeente, @door, @nu, @hash, @status, @personen, @verlaten,
              @herbepaald, 0, 0, 0)
            returning id
            """, conn))
        {
            cmd.Parameters.AddWithValue("versie", v.RegelsetVersie);
            cmd.Parameters.AddWithValue("vorige", vorige.Versie);
            cmd.Parameters.Add(Optioneel("regime", v.Scope.Regime?.ToString()));
            cmd.Parameters.Add(Optioneel("doelgroep", v.Scope.Doelgroep?.ToString()));
            cmd.Parameters.Add(new NpgsqlParameter("van", NpgsqlDbType.Date) { Value = (object?)v.Scope.PeildatumVan ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("tot", NpgsqlDbType.Date) { Value = (object?)v.Scope.PeildatumTot ?? DBNull.Value });
            cmd.Parameters.Add(Optioneel("gemeente", v.Scope.Gemeente?.Waarde));
            cmd.Parameters.AddWithValue("door", door);
            cmd.Parameters.AddWithValue("nu", klok.GetUtcNow());
            cmd.Parameters.AddWithValue("hash", v.Hash);
            cmd.Parameters.AddWithValue("status", CorrectieRun.StatusBezig);
            cmd.Parameters.AddWithValue("personen", v.Wijzigingen.Count);
            cmd.Parameters.AddWithValue("verlaten", v.VerlatenWi2021);
            cmd.Parameters.AddWithValue("herbepaald", v.Herbepaald);
            // The unique index on lijst_hash refuses a second run of the same preview, even past the checks above.
            id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        await using (var copy = await conn.BeginBinaryImportAsync("""
            copy correctie_persoon (correctie_id, bsn, actie, oude_uitkomst, nieuwe_uitkomst, oude_gemeente, nieuwe_gemeente,
              oude_reden, nieuwe_reden, oude_koppeling_reden, nieuwe_koppeling_reden) from stdin (format binary)
            """, ct))
        {
            foreach (var w in v.Wijzigingen)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(w.Bsn, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(w.Actie.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(w.OudeUitkomst, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(w.NieuweUitkomst, NpgsqlDbType.Text, ct);
                await SchrijfOfNullAsync(copy, w.OudeGemeente, ct);
                await SchrijfOfNullAsync(copy, w.NieuweGemeente, ct);
                await copy.WriteAsync(w.OudeReden, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(w.NieuweReden, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(w.OudeKoppelingReden, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(w.NieuweKoppelingReden, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return id;
    }

    private async Task<ToepassingResultaat> VoerUitAsync(NpgsqlConnection conn, long id, RegimeRegelset rules, ToepassingUitkomst uitkomst,
        string door, CancellationToken ct)
    {
        int verwerkt = 0, ss190 = 0, signalen = 0, brok = 0;
        var actie = uitkomst == ToepassingUitkomst.Hervat ? ActieHervatten : ActieToepassen;
        while (await VerwerkBrokAsync(conn, id, rules, door, actie, ct) is { Personen: > 0 } r)
        {
            (verwerkt, ss190, signalen) = (verwerkt + r.Personen, ss190 + r.Ss190, signalen + r.Signalen);
            if (NaBrok is not null)
            {
                await NaBrok(++brok, ct);
            }
        }

        await using var tx = await conn.BeginTransactionAsync(ct);
        var nu = klok.GetUtcNow();
        await using (var cmd = new NpgsqlCommand(
            "update correctie set status = @voltooid, voltooid_op = @nu where id = @id and status = @bezig", conn))
        {
            cmd.Parameters.AddWithValue("voltooid", CorrectieRun.StatusVoltooid);
            cmd.Parameters.AddWithValue("bezig", CorrectieRun.StatusBezig);
            cmd.Parameters.AddWithValue("nu", nu);
            cmd.Parameters.AddWithValue("id", id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var vorige = await ActieveRegelset.LeesAsync(conn, ct);
        await ActieveRegelset.ZetAsync(conn, rules.Versie, door, $"Correctie {id} toegepast", id, nu, ct);
        await auditlog.SchrijfAsync(tx, ActieveRegelset.AuditWijziging(rules.Versie, vorige.Versie, door, $"Correctie {id} toegepast", id, nu), ct);
        await tx.CommitAsync(ct);
        var run = (await ZoekAsync(conn, "id = @w", id, ct))!;
        return new ToepassingResultaat(id, uitkomst, run.Personen, verwerkt, ss190, signalen);
    }

    private readonly record struct Brok(int Personen, int Ss190, int Signalen);

    /// <summary>The payload's <c>actie</c> of the DUO action per person: applying a confirmed preview, or finishing an interrupted run.</summary>
    public const string ActieToepassen = "correctie-toepassen";
    public const string ActieHervatten = "correctie-hervatten";

    /// <summary>The next chunk of persons not yet carried out, with its progress and its audit entries, in one transaction.</summary>
    private async Task<Brok> VerwerkBrokAsync(NpgsqlConnection conn, long id, RegimeRegelset rules, string door, string actie,
        CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        var rijen = new List<(string Bsn, CorrectieActie Actie)>(Brokgrootte);
        await using (var cmd = new NpgsqlCommand("""
            select bsn, actie from correctie_persoon where correctie_id = @id and verwerkt_op is null order by bsn limit @n
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("n", Brokgrootte);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                rijen.Add((r.GetString(0), Kolomwaarden.CorrectieActie(r.GetString(1))));
            }
        }
        if (rijen.Count == 0)
        {
            return default;
        }

        var context = await Verwerkingscontext.LaadVoorCorrectieAsync(conn, klok, rules, ct);
        // The action first, per person (the cause before its effects in a person's timeline).
        var reden = $"Herbepaling onder regelset {rules.Versie} (correctie {id})";
        foreach (var groep in rijen.GroupBy(r => r.Actie))
        {
            var regel = DuoActies.Regel(Verwerkingsactiviteiten.Correctie, door, actie, reden, context.Nu,
                ("correctie_id", id.ToString(CultureInfo.InvariantCulture)), ("regelset", rules.Versie), ("correctie_actie", groep.Key.ToString()));
            context.Audit.Voeg(regel.VoorBetrokkenen(groep.Select(r => r.Bsn)));
        }
        var bsns = rijen.ConvertAll(r => r.Bsn).ToArray();
        var vertrekkers = rijen.Where(r => r.Actie == CorrectieActie.VerlaatWi2021).Select(r => r.Bsn).ToArray();
        var ss190 = await Wi2021Terugtrekking.TrekTerugAsync(conn, vertrekkers, context.Vandaag, context.Nu, context.Audit, ct);

        var geladen = await PersoonBatch.LaadAsync(conn, bsns, ct);
        var geparkeerd = new List<Persoon>(vertrekkers.Length);
        foreach (var bsn in vertrekkers)
        {
            if (geladen.TryGetValue(bsn, out var regel) && regel.Persoon is { } p)
            {
                var u = Correctieregels.HerbepaalGeparkeerd(PersoonMapping.Feiten(p, regel.Coa, regel.Brp), PersoonMapping.Gepubliceerd(p),
                    rules, context.Vandaag);
                PersoonMapping.Schrijf(p, u, context.Nu);
                geparkeerd.Add(p);
                context.Audit.Bepaling(p);
            }
        }
        await PersoonBatch.SchrijfPersonenAsync(conn, geparkeerd, ct);
        // Re-derived as a DUO correction: a municipality that loses the person never should have had them
        // (docs/domain.md incident 2), so its signals are withdrawn and the episode recorded (Gemeentecorrectie).
        var overigen = rijen.Where(r => r.Actie != CorrectieActie.VerlaatWi2021 && geladen.ContainsKey(r.Bsn))
            .Select(r => geladen[r.Bsn] with { CorrectieId = id });
        var herbepaald = await PersoonBatch.HerbepaalEnSchrijfAsync(conn, overigen, context, ct);

        await using (var cmd = new NpgsqlCommand("""
            update correctie_persoon set verwerkt_op = @nu where correctie_id = @id and bsn = any(@bsns);
            update correctie set verwerkt = verwerkt + @n, ss190 = ss190 + @ss190, signalen = signalen + @signalen where id = @id;
            """, conn))
        {
            cmd.Parameters.AddWithValue("nu", context.Nu);
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", bsns));
            cmd.Parameters.AddWithValue("n", rijen.Count);
            cmd.Parameters.AddWithValue("ss190", ss190);
            cmd.Parameters.AddWithValue("signalen", herbepaald.Signalen);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await context.Audit.SchrijfAsync(auditlog, tx, ct);
        await tx.CommitAsync(ct);
        return new Brok(rijen.Count, ss190, herbepaald.Signalen);
    }

    private const string RunKolommen = """
        id, versie, vorige_versie, regime, doelgroep, peildatum_van, peildatum_tot, gemeente_code, door, aangemaakt_op, status,
        personen, verlaten_wi2021, herbepaald, verwerkt, ss190, signalen, voltooid_op, lijst_hash
        """;

    private static async Task<CorrectieRunRegel?> ZoekAsync<T>(NpgsqlConnection conn, string waar, T waarde, CancellationToken ct) =>
        (await LeesRunsAsync(conn, waar + " order by id limit 1", waarde, ct)).FirstOrDefault();

    private static async Task<List<CorrectieRunRegel>> LeesRunsAsync(NpgsqlConnection conn, string waar, object? waarde, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select {RunKolommen} from correctie where {waar}", conn);
        if (waarde is not null)
        {
            cmd.Parameters.AddWithValue("w", waarde);
        }
        var uit = new List<CorrectieRunRegel>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            DateOnly? Datum(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
            string? Tekst(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var scope = new CorrectieScope(
                Tekst(3) is { } regime ? Kolomwaarden.Regime(regime) : null,
                Kolomwaarden.OptioneleDoelgroep(Tekst(4)),
                Datum(5), Datum(6),
                Tekst(7) is { } gemeente ? new Domain.Identiteit.GemeenteCode(gemeente) : null);
            uit.Add(new CorrectieRunRegel(r.GetInt64(0), r.GetString(1), r.GetString(2), scope, r.GetString(8),
                r.GetFieldValue<DateTimeOffset>(9), r.GetString(10), r.GetInt32(11), r.GetInt32(12), r.GetInt32(13), r.GetInt32(14),
                r.GetInt32(15), r.GetInt32(16), r.IsDBNull(17) ? null : r.GetFieldValue<DateTimeOffset>(17), r.GetString(18)));
        }
        return uit;
    }

    private static NpgsqlParameter Optioneel(string naam, string? waarde) =>
        new(naam, NpgsqlDbType.Text) { Value = (object?)waarde ?? DBNull.Value };

    private static async Task SchrijfOfNullAsync(NpgsqlBinaryImporter copy, string? waarde, CancellationToken ct)
    {
        if (waarde is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(waarde, NpgsqlDbType.Varchar, ct);
        }
    }
}
