using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;

namespace DuoInburgering.Web.Verwerking;

/// <summary>Between stored rows and the domain's facts and published state.</summary>
internal static class PersoonMapping
{
    public static PersoonFeiten Feiten(Persoon p, CoaFeit? coa, BrpFeit? brp) => new(
        new IndFeiten(new Bsn(p.Bsn), p.Geboortedatum, p.Nationaliteit, VerblijfsdoelTekst.Parse(p.Verblijfsdoel),
            p.DatumIngangVerblijfsrecht, p.DatumBeschikking, p.DatumBekendmakingBeschikking,
            p.DatumUitreikingDocument, p.DatumKennisgeving),
        p.DatumIntrekking,
        coa is null ? null : new CoaFeiten(coa.Locatie, Code(coa.GekoppeldeGemeente), coa.DatumGekoppeld, coa.DatumUitstroom),
        brp is null ? null : new BrpFeiten(Code(brp.Gemeente), brp.AdresIsCoaLocatie, brp.DatumVestiging,
            brp.DatumVertrekBuitenland, brp.DatumOverlijden))
    {
        Keuze = Keuze(p),
        Vrijgave = p.VrijgaveWacht,
    };

    /// <summary>The regime the overgangsregeling 2022 fixed for this person, or null when the rules decide.</summary>
    public static RegimeKeuze? Keuze(Persoon p) => Keuze(p.KeuzeRegime, p.KeuzeSoort, p.KeuzeDatum);

    /// <summary>The same from the stored columns (keuze_regime, keuze_soort, keuze_datum), read without a row object.</summary>
    public static RegimeKeuze? Keuze(Regime? regime, KeuzeSoort? soort, DateOnly? datum) =>
        regime is { } r && soort is { } s && datum is { } d ? new RegimeKeuze(r, s, d) : null;

    /// <summary>The published state, or null when nothing was ever published about this person.</summary>
    public static PersoonToestand? Gepubliceerd(Persoon p) => p.PubUitkomst is not { } uitkomst
        ? null
        : new PersoonToestand(uitkomst, p.PubDoelgroep,
            p.PubStartdatum, p.Geboortedatum, Code(p.PubGemeenteCode))
        {
            VerblijftInCoa = p.PubVerblijftInCoa,
            VertrokkenUitNederland = p.PubVertrokken,
            GemeenteGrond = p.PubKoppelingBron is { } bron ? new KoppelingGrond(bron, p.PubKoppelingDatum) : null,
            HuidigePip = p.PipGemeenteCode is null || p.PipDagtekening is null || p.PipLeerroute is not { } route
                ? null
                : new PipInfo(new GemeenteCode(p.PipGemeenteCode), p.PipDagtekening.Value, route, p.PipNiveau),
            DatumInburgeringsaanbod = p.DatumInburgeringsaanbod,
            AanvangGemeld = p.AanvangGemeld,
            TermijnLeerrouteStart = p.TermijnLeerrouteStart,
            Ss126Verzonden = p.Ss126Verzonden,
            Ss127Verzonden = p.Ss127Verzonden,
            Ss128Verzonden = p.Ss128Verzonden,
            EindReden = p.EindReden,
            Geparkeerd = p.Geparkeerd,
            VrijgegevenOp = p.VrijgegevenOp,
        };

    /// <summary>Writes a re-derivation's decision, link, status and (when published) state into the row.</summary>
    public static void Schrijf(Persoon p, HerbepalingUitkomst u, DateTimeOffset nu)
    {
        p.Uitkomst = u.Besluit.Uitkomst;
        p.Doelgroep = u.Besluit.Doelgroep;
        p.Peildatum = u.Besluit.Peildatum;
        p.Startdatum = u.Besluit.Startdatum;
        p.RegelsetVersie = u.Besluit.RegelsetVersie;
        p.Reden = u.Besluit.Reden;
        p.GemeenteCode = u.Koppeling.Gemeente?.Waarde;
        p.KoppelingReden = u.Koppeling.Reden;
        p.Status = u.Status;
        p.BijgewerktOp = nu;
        // Published when decided, and also while waiting when a wrong municipality lost the person (Herbepaling).
        if ((u.Status == Verwerkingsstatus.Bepaald || u.Misplaatsing is not null) && u.Gepubliceerd is { } t)
        {
            p.PubUitkomst = t.Uitkomst;
            p.PubDoelgroep = t.Doelgroep;
            p.PubStartdatum = t.Startdatum;
            p.PubGemeenteCode = t.Gemeente?.Waarde;
            p.PubVerblijftInCoa = t.VerblijftInCoa;
            p.PubVertrokken = t.VertrokkenUitNederland;
            p.PubKoppelingBron = t.GemeenteGrond?.Bron;
            p.PubKoppelingDatum = t.GemeenteGrond?.Datum;
            p.AanvangGemeld = t.AanvangGemeld;
            p.TermijnLeerrouteStart = t.TermijnLeerrouteStart;
            p.Ss126Verzonden = t.Ss126Verzonden;
            p.Ss127Verzonden = t.Ss127Verzonden;
            p.Ss128Verzonden = t.Ss128Verzonden;
            p.EindReden = t.EindReden;
            p.Geparkeerd = t.Geparkeerd;
            p.VrijgegevenOp = t.VrijgegevenOp;
            // A release is consumed by the first derivation that publishes: a later parking (a new
            // correction) then holds until DUO releases again.
            p.VrijgaveWacht = p.VrijgaveWacht && u.Status != Verwerkingsstatus.Bepaald;
        }

        if (u.Misplaatsing is { } m)
        {
            VervalPipVan(p, m.OudeGemeente.Waarde);
        }
    }

    /// <summary>
    /// A PIP registered by a municipality that should never have had the person lapses (Gemeentecorrectie,
    /// "Policy"): the access rule would otherwise keep showing the person to it through its PIP.
    /// </summary>
    private static void VervalPipVan(Persoon p, string gemeente)
    {
        if (p.PipGemeenteCode == gemeente)
        {
            (p.PipGemeenteCode, p.PipDagtekening, p.PipLeerroute, p.PipNiveau) = (null, null, null, null);
        }
        if (p.VorigePipGemeenteCode == gemeente)
        {
            (p.VorigePipGemeenteCode, p.VorigePipDagtekening) = (null, null);
        }
    }

    internal static GemeenteCode? Code(string? code) => code is null ? null : new GemeenteCode(code);
}
