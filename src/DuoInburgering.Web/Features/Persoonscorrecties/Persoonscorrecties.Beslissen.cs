using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Features.Persoonscorrecties;

public sealed partial class Persoonscorrecties
{
    public const string EigenVoorstelMelding =
        "U heeft dit voorstel zelf ingediend. Een andere DUO-medewerker moet het beoordelen (vier ogen).";

    /// <summary>
    /// Approves and applies a proposal in one transaction, under the processing lock every writer of
    /// persons takes (<see cref="Verwerkingscontext.LaadAsync"/>), so a concurrent approval, rejection or
    /// import waits and then sees the result:
    /// <list type="number">
    /// <item>the proposal is read FOR UPDATE and must be open and not the approver's own;</item>
    /// <item>the facts must still be those the proposal was made on, else it would overwrite a newer message;</item>
    /// <item>the facts are corrected (IND facts on the person row, COA/BRP facts in their tables, message id
    /// DUO-PC-{id});</item>
    /// <item>a person leaving Wi2021 gets the 2022 treatment first (<see cref="Wi2021Terugtrekking"/>: SS190 and
    /// withdrawal), then is re-derived like any processing: new decision, signals, and a misplaatsing episode
    /// when the municipality changes (a DUO correction is always a correction);</item>
    /// <item>the proposal is marked approved; a second decision finds it decided.</item>
    /// </list>
    /// </summary>
    public async Task<Besluitresultaat> KeurGoedAsync(PibGebruiker gebruiker, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        if (!IsDuo(gebruiker))
        {
            return new Besluitresultaat.Geweigerd(AlleenDuo);
        }

        await using var werk = await Werk.BeginAsync(contexten, ct);
        var context = await Verwerkingscontext.LaadAsync(werk.Conn, klok, ct);
        var voorstel = await VergrendelAsync(werk, id, ct);
        if (Weigering(voorstel, id, gebruiker) is { } weigering)
        {
            return weigering;
        }

        var regel = await LaadAsync(werk.Conn, voorstel!.Bsn, ct);
        if (regel is null || CorrigeerbareFeiten.Van(Feiten(regel)) != CorrectieFeitenJson.Lees(voorstel.FeitenVoor))
        {
            return new Besluitresultaat.Geweigerd(
                "De feiten van deze persoon zijn gewijzigd sinds het voorstel; er is niets toegepast. Wijs het voorstel af en doe zo nodig een nieuw.");
        }

        var na = CorrectieFeitenJson.Lees(voorstel.FeitenNa);
        var effect = Persoonscorrectie.Effect(Feiten(regel), PersoonMapping.Gepubliceerd(regel.Persoon!), na,
            context.IsGepauzeerd, context.Rules, context.Vandaag);
        if (effect.Uitgesteld)
        {
            return new Besluitresultaat.Geweigerd(
                $"De bepaling voor {effect.NieuwBesluit.Uitkomst} {effect.NieuwBesluit.Doelgroep?.Naam()} is gepauzeerd; " +
                "er is niets toegepast. Keur het voorstel goed nadat die pauze is opgeheven.");
        }

        // Withdrawal before re-derivation: if the municipality changes too, the misplaatsing step then withdraws
        // everything the old municipality holds, the SS190 just written included (it never should have had the
        // person, Gemeentecorrectie "Policy"); the new municipality hears of the person under the new law only.
        context.Audit.Voeg(DuoActies.Regel(Verwerkingsactiviteiten.CorrectieGoedkeuren, gebruiker.Id, "goedkeuren", voorstel.Reden,
            context.Nu, ("persoonscorrectie_id", id.ToString(CultureInfo.InvariantCulture)), ("voorgesteld_door", voorstel.VoorgesteldDoor),
            ("bericht_id", $"DUO-PC-{id}")) with { Bsn = voorstel.Bsn });
        var gecorrigeerd = await PasFeitenToeAsync(werk.Conn, regel, na, $"DUO-PC-{id}", ct);
        var ss190 = effect.VerlaatWi2021
            ? await Wi2021Terugtrekking.TrekTerugAsync(werk.Conn, [voorstel.Bsn], context.Vandaag, context.Nu, context.Audit, ct)
            : 0;
        var batch = await PersoonBatch.HerbepaalEnSchrijfAsync(werk.Conn, [gecorrigeerd with { PersoonscorrectieId = id }], context, ct);

        var signalen = batch.Signalen + ss190;
        var bijgewerkt = await werk.Db.Persoonscorrecties.Where(c => c.Id == id && c.Status == CorrectieStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CorrectieStatus.Goedgekeurd)
                .SetProperty(c => c.BeslotenDoor, gebruiker.Id)
                .SetProperty(c => c.BeslotenOp, context.Nu)
                .SetProperty(c => c.AantalSignalen, signalen), ct);
        if (bijgewerkt != 1)
        {
            throw new InvalidOperationException("Het voorstel veranderde onder de vergrendeling.");
        }
        await context.Audit.SchrijfAsync(auditlog, werk.Db, ct);
        await werk.Tx.CommitAsync(ct);
        return new Besluitresultaat.Besloten(CorrectieStatus.Goedgekeurd, signalen);
    }

    /// <summary>Rejects a proposal with a reason, which is kept; nothing about the person changes.</summary>
    public async Task<Besluitresultaat> WijsAfAsync(PibGebruiker gebruiker, long id, string? reden, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        if (!IsDuo(gebruiker))
        {
            return new Besluitresultaat.Geweigerd(AlleenDuo);
        }
        if (string.IsNullOrWhiteSpace(reden))
        {
            return new Besluitresultaat.Geweigerd("Geef een reden voor de afwijzing; zonder reden wordt het voorstel niet afgewezen.");
        }
        if (reden.Trim().Length > Persoonscorrectie.MaxRedenLengte)
        {
            return new Besluitresultaat.Geweigerd($"De reden is te lang: ten hoogste {Persoonscorrectie.MaxRedenLengte} tekens.");
        }

        await using var werk = await Werk.BeginAsync(contexten, ct);
        var voorstel = await VergrendelAsync(werk, id, ct);
        if (Weigering(voorstel, id, gebruiker) is { } weigering)
        {
            return weigering;
        }

        var nu = klok.GetUtcNow();
        var tekst = reden.Trim();
        await werk.Db.Persoonscorrecties.Where(c => c.Id == id && c.Status == CorrectieStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CorrectieStatus.Afgewezen)
                .SetProperty(c => c.BeslotenDoor, gebruiker.Id)
                .SetProperty(c => c.BeslotenOp, nu)
                .SetProperty(c => c.Afwijzingsreden, tekst), ct);
        var afwijzing = DuoActies.Regel(Verwerkingsactiviteiten.CorrectieAfwijzen, gebruiker.Id, "afwijzen", tekst, nu,
            ("persoonscorrectie_id", id.ToString(CultureInfo.InvariantCulture)), ("voorgesteld_door", voorstel!.VoorgesteldDoor));
        await auditlog.SchrijfAsync(werk.Db, [afwijzing with { Bsn = voorstel.Bsn }], ct);
        await werk.Tx.CommitAsync(ct);
        return new Besluitresultaat.Besloten(CorrectieStatus.Afgewezen, 0);
    }

    /// <summary>
    /// The proposal, locked until the transaction ends: of two decisions at once, the second waits and then
    /// reads the first one's outcome. Not composed further, so the lock clause stays where it is.
    /// </summary>
    private static async Task<CorrectieVoorstel?> VergrendelAsync(Werk werk, long id, CancellationToken ct) =>
        (await werk.Db.Persoonscorrecties.FromSql($"select * from persoonscorrectie where id = {id} for update")
            .AsNoTracking().ToListAsync(ct)).SingleOrDefault();

    /// <summary>Why this user may not decide this proposal now, or null when they may.</summary>
    private static Besluitresultaat.Geweigerd? Weigering(CorrectieVoorstel? voorstel, long id, PibGebruiker gebruiker)
    {
        if (voorstel is null)
        {
            return new($"Voorstel {id} bestaat niet.");
        }
        if (voorstel.Status != CorrectieStatus.Open)
        {
            var wat = voorstel.Status == CorrectieStatus.Goedgekeurd ? "goedgekeurd" : "afgewezen";
            var wanneer = voorstel.BeslotenOp is { } op ? Components.Weergave.Moment(op) : "?";
            return new($"Voorstel {id} is al {wat} door {voorstel.BeslotenDoor} op {wanneer}; een voorstel wordt één keer besloten.");
        }
        return voorstel.VoorgesteldDoor == gebruiker.Id ? new(EigenVoorstelMelding) : null;
    }

    /// <summary>
    /// Writes the corrected facts: IND facts on the person row object (the re-derivation's upsert stores it),
    /// COA and BRP facts in their tables under the proposal's message id. Returns what to re-derive.
    /// </summary>
    private static async Task<PersoonRegel> PasFeitenToeAsync(NpgsqlConnection conn, PersoonRegel regel, CorrigeerbareFeiten na,
        string berichtId, CancellationToken ct)
    {
        var p = regel.Persoon!;
        p.Verblijfsdoel = na.Verblijfsdoel.AlsTekst();
        p.DatumBekendmakingBeschikking = na.DatumBekendmakingBeschikking;
        p.DatumUitreikingDocument = na.DatumUitreikingDocument;

        var coa = regel.Coa;
        if (coa is not null && coa.GekoppeldeGemeente != na.CoaGekoppeldeGemeente?.Waarde)
        {
            coa.GekoppeldeGemeente = na.CoaGekoppeldeGemeente?.Waarde;
            coa.BerichtId = berichtId;
            await VoerUitAsync(conn, "update coa_feit set gekoppelde_gemeente = @gemeente, bericht_id = @bericht where bsn = @bsn",
                coa.GekoppeldeGemeente, berichtId, p.Bsn, ct);
        }
        var brp = regel.Brp;
        if (brp is not null && brp.Gemeente != na.BrpGemeente?.Waarde)
        {
            brp.Gemeente = na.BrpGemeente?.Waarde;
            brp.BerichtId = berichtId;
            await VoerUitAsync(conn, "update brp_feit set gemeente = @gemeente, bericht_id = @bericht where bsn = @bsn",
                brp.Gemeente, berichtId, p.Bsn, ct);
        }
        return regel;
    }

    private static async Task VoerUitAsync(NpgsqlConnection conn, string sql, string? gemeente, string bericht, string bsn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("gemeente", (object?)gemeente ?? DBNull.Value);
        cmd.Parameters.AddWithValue("bericht", bericht);
        cmd.Parameters.AddWithValue("bsn", bsn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
