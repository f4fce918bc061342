using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Persoonscorrecties;

public sealed partial class Persoonscorrecties
{
    public const string NietGevondenMelding = "Geen inburgeraar gevonden met dit BSN.";

    /// <summary>
    /// Looks a person up by BSN: a malformed BSN gets the elfproef's Dutch message, an unknown one "not
    /// found"; a found person is a disclosure to this DUO user and recorded as such.
    /// </summary>
    public async Task<Opzoeking> ZoekAsync(PibGebruiker gebruiker, string? invoer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        if (!IsDuo(gebruiker))
        {
            return new Opzoeking.Ongeldig(AlleenDuo);
        }
        if (Bsn.Controleer(invoer) is { } fout)
        {
            return new Opzoeking.Ongeldig(fout);
        }

        var bsn = invoer!.Trim();
        await using var werk = await Werk.BeginAsync(contexten, ct);
        if (await LaadAsync(werk.Conn, bsn, ct) is not { } regel)
        {
            return new Opzoeking.NietGevonden(NietGevondenMelding);
        }

        var p = regel.Persoon!;
        var naam = p.GemeenteCode is null
            ? null
            : await werk.Db.Gemeenten.AsNoTracking().Where(g => g.Code == p.GemeenteCode).Select(g => g.Naam).SingleOrDefaultAsync(ct);
        var open = await werk.Db.Persoonscorrecties.AsNoTracking()
            .Where(c => c.Bsn == bsn && c.Status == CorrectieStatus.Open).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
        await RegistreerVerstrekkingAsync(werk, gebruiker, "persoonscorrecties: persoon opgezocht", [bsn], ct);
        await werk.Tx.CommitAsync(ct);

        return new Opzoeking.Gevonden(new PersoonDossier(
            p.Bsn, p.Naam, p.Geboortedatum, p.Nationaliteit, CorrigeerbareFeiten.Van(Feiten(regel)),
            regel.Coa is { } c ? new CoaDossier(c.Locatie, c.GekoppeldeGemeente, c.DatumGekoppeld, c.DatumUitstroom) : null,
            regel.Brp is { } r ? new BrpDossier(r.Gemeente, r.AdresIsCoaLocatie, r.DatumVestiging) : null,
            p.Uitkomst, p.Doelgroep, p.Reden, p.RegelsetVersie, p.Status, p.GemeenteCode, naam, p.KoppelingReden, open));
    }
}
