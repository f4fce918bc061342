using DuoInburgering.Web.Audit;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Personen;

/// <summary>
/// Loads the person page inside a <see cref="GemeenteSessie"/> and records the disclosure in the same
/// transaction. Null means "not found" for every reason alike (malformed BSN, unknown person, a person
/// of another municipality), so the page cannot tell them apart and neither can its visitor.
/// </summary>
public sealed class PersoonOpvraging(GemeenteSessies sessies, TimeProvider klok)
{
    public async Task<PersoonWeergave?> LaadAsync(PibGebruiker gebruiker, Bsn persoon, CancellationToken ct = default)
    {
        var bsn = persoon.Waarde;
        if (gebruiker.Rol != Data.Rol.Gemeente || bsn is null)
        {
            return null;
        }

        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        var g = sessie.Gemeente.Waarde;
        var p = await sessie.Db.Personen.AsNoTracking().Where(GemeenteToegang.MagPersoonZien(g, sessie.Vandaag))
            .SingleOrDefaultAsync(x => x.Bsn == bsn, ct);
        if (p is null)
        {
            return null;
        }

        var signalen = await sessie.Db.Signalen.AsNoTracking()
            .Where(GemeenteToegang.MagSignaalZien(g))
            .Where(s => s.Bsn == bsn)
            .OrderByDescending(s => s.Datum).ThenByDescending(s => s.Id)
            .Select(s => new { s.Code, s.Regime, s.Datum, s.Toelichting, Afgehandeld = s.AfgehandeldOp != null })
            .ToListAsync(ct);
        var codes = new[] { p.PubGemeenteCode, p.PipGemeenteCode }.OfType<string>().ToList();
        var namen = await sessie.Db.Gemeenten.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Naam, ct);

        // Seeing is not acting (issue 17): the same rule PipRegistratie enforces on the locked row.
        var besluit = Verantwoordelijkheid.Bepaal(sessie.Gemeente, p.PubGemeenteCode is { } nu ? new GemeenteCode(nu) : null,
            HuidigePip(p), PipRegistratie.VorigePip(p), sessie.Vandaag,
            p.PubGemeenteCode is { } code ? namen.GetValueOrDefault(code, code) : null);

        await Verstrekkingen.RegistreerAsync(sessie, VerstrekkingKanaal.Scherm, "persoonspagina", [bsn], klok.GetUtcNow(), ct);
        await sessie.CommitAsync(ct);

        return new PersoonWeergave(
            p.Bsn, p.Naam, p.Geboortedatum, Kolomwaarden.Tekst(p.PubDoelgroep), Kolomwaarden.Tekst(p.PubUitkomst)!,
            // Reden and rule set describe the latest decision; while it waits behind a pause it is not
            // the published one and stays with DUO.
            p.Status == Domain.Verwerking.Verwerkingsstatus.Bepaald ? p.Reden : null,
            p.Status == Domain.Verwerking.Verwerkingsstatus.Bepaald ? p.RegelsetVersie : null,
            p.PubStartdatum, Kolomwaarden.Tekst(p.EindReden),
            p.PubGemeenteCode is { } pub ? namen.GetValueOrDefault(pub, pub) : null,
            Pip(p, g, namen),
            p.DatumInburgeringsaanbod,
            [.. signalen.Select(s => new SignaalWeergave(s.Code.ToString(), SignaalCatalogus.Naam(s.Code), s.Regime.ToString(), s.Datum, s.Toelichting, s.Afgehandeld))],
            PipContexten.Van(p, vestiging: null),
            besluit.MagHandelen ? null : besluit.Uitleg);
    }

    private static PipInfo? HuidigePip(Persoon p) =>
        p.PipGemeenteCode is { } code && p.PipDagtekening is { } dag && p.PipLeerroute is { } route ? new PipInfo(new GemeenteCode(code), dag, route) : null;

    private static PipWeergave? Pip(Persoon p, string gemeente, Dictionary<string, string> namen)
    {
        if (p.PipGemeenteCode is not { } code || p.PipDagtekening is not { } dag || p.PipLeerroute is not { } route)
        {
            return null;
        }
        var info = new PipInfo(new GemeenteCode(code), dag, route);
        return new PipWeergave(namen.GetValueOrDefault(code, code), code == gemeente, dag, route.Naam(), Kolomwaarden.Tekst(p.PipNiveau),
            info.StartInburgeringstermijn, info.EindeInburgeringstermijn);
    }
}
