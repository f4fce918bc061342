using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Features.Persoonscorrecties;

public sealed partial class Persoonscorrecties
{
    /// <summary>The effect of the correction on the form, computed by the pure rules; nothing is written.</summary>
    public Task<Voorstelresultaat> BerekenAsync(PibGebruiker gebruiker, string bsn, CorrectieInvoer invoer, CancellationToken ct = default) =>
        VoorstelAsync(gebruiker, bsn, invoer, opslaan: false, ct);

    /// <summary>
    /// Stores the proposal with its reason, the facts before and after and the effect as computed now.
    /// Nothing about the person changes until another DUO user approves it.
    /// </summary>
    public Task<Voorstelresultaat> StelVoorAsync(PibGebruiker gebruiker, string bsn, CorrectieInvoer invoer, CancellationToken ct = default) =>
        VoorstelAsync(gebruiker, bsn, invoer, opslaan: true, ct);

    private async Task<Voorstelresultaat> VoorstelAsync(PibGebruiker gebruiker, string bsn, CorrectieInvoer invoer, bool opslaan,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        ArgumentNullException.ThrowIfNull(invoer);
        if (!IsDuo(gebruiker))
        {
            return new Voorstelresultaat.Ongeldig([new("", AlleenDuo)]);
        }
        if (Bsn.Controleer(bsn) is { } bsnFout)
        {
            return new Voorstelresultaat.Ongeldig([new("bsn", bsnFout)]);
        }

        var vandaag = PibVandaag.Van(klok);
        var fouten = new List<CorrectieFout>();
        var voorstel = invoer.Lees(fouten);
        await using var werk = await Werk.BeginAsync(contexten, ct);
        if (await LaadAsync(werk.Conn, bsn, ct) is not { } regel)
        {
            return new Voorstelresultaat.Ongeldig([new("bsn", NietGevondenMelding)]);
        }

        var huidig = Feiten(regel);
        if (voorstel is null)
        {
            // The form could not be read; still say at once when the reason is missing too.
            fouten.AddRange(Persoonscorrectie.Valideer(huidig, CorrigeerbareFeiten.Van(huidig), invoer.Reden, vandaag).Where(f => f.Veld == "reden"));
            return new Voorstelresultaat.Ongeldig(fouten);
        }
        await OnbekendeGemeentenAsync(werk.Conn, voorstel, fouten, ct);
        fouten.AddRange(Persoonscorrectie.Valideer(huidig, voorstel, invoer.Reden, vandaag));
        if (fouten.Count > 0)
        {
            return new Voorstelresultaat.Ongeldig(fouten);
        }

        var pauzes = await PauzesAsync(werk.Conn, ct);
        var gepubliceerd = PersoonMapping.Gepubliceerd(regel.Persoon!);
        var effect = Persoonscorrectie.Effect(huidig, gepubliceerd, voorstel, pauzes.Contains, RegimeRegelsets.Huidig, vandaag);
        if (!opslaan)
        {
            return new Voorstelresultaat.Berekend(effect, null);
        }

        var rij = new CorrectieVoorstel
        {
            Bsn = bsn,
            Status = CorrectieStatus.Open,
            Reden = invoer.Reden!.Trim(),
            VoorgesteldDoor = gebruiker.Id,
            VoorgesteldOp = klok.GetUtcNow(),
            FeitenVoor = CorrectieFeitenJson.Schrijf(CorrigeerbareFeiten.Van(huidig)),
            FeitenNa = CorrectieFeitenJson.Schrijf(voorstel),
            OudeUitkomst = effect.OudBesluit.Uitkomst,
            NieuweUitkomst = effect.NieuwBesluit.Uitkomst,
            OudeReden = effect.OudBesluit.Reden,
            NieuweReden = effect.NieuwBesluit.Reden,
            OudeGemeente = effect.OudeKoppeling.Gemeente?.Waarde,
            NieuweGemeente = effect.NieuweKoppeling.Gemeente?.Waarde,
            OudeKoppelingReden = effect.OudeKoppeling.Reden,
            NieuweKoppelingReden = effect.NieuweKoppeling.Reden,
            Gemeentewissel = effect.Wissel?.Uitleg,
            VerlaatWi2021 = effect.VerlaatWi2021,
        };
        werk.Db.Persoonscorrecties.Add(rij);
        try
        {
            await werk.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new Voorstelresultaat.Ongeldig([new("", "Er staat al een voorstel open voor deze persoon. Laat dat eerst beoordelen.")]);
        }
        await auditlog.SchrijfAsync(werk.Db, [DuoActies.Regel(Verwerkingsactiviteiten.CorrectieVoorstellen, gebruiker.Id, "voorstellen",
            rij.Reden, rij.VoorgesteldOp, ("persoonscorrectie_id", rij.Id.ToString(CultureInfo.InvariantCulture)),
            ("verlaat_wi2021", rij.VerlaatWi2021 ? "ja" : "nee")) with { Bsn = bsn }], ct);
        await werk.Tx.CommitAsync(ct);
        return new Voorstelresultaat.Berekend(effect, rij.Id);
    }
}
