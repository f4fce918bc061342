using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Synthetisch;

/// <summary>
/// Makes one synthetic person from its own random stream. Every draw happens in a fixed order, so a
/// person depends only on (seed, index, vandaag); no generated date lies after <c>vandaag</c>.
/// </summary>
internal sealed class Generator
{
    /// <summary>Status holders whose permit is younger than this are mostly still at a COA location.</summary>
    private const int RecentDagen = 730;

    private readonly int _vandaag;
    private readonly int[] _jaarVan;
    private readonly int[] _jaarTot;
    private readonly Gewogen<int> _jaren;

    public Generator(DateOnly vandaag)
    {
        _vandaag = vandaag.DayNumber;
        int laatste = _vandaag - 1;
        var jaren = new List<(int, int)>();
        var van = new List<int>();
        var tot = new List<int>();
        int index = 0;
        foreach ((int jaar, int gewicht) in Tabellen.Jaren)
        {
            int begin = new DateOnly(jaar, 1, 1).DayNumber;
            if (begin > laatste)
            {
                break;
            }

            int eind = Math.Min(new DateOnly(jaar, 12, 31).DayNumber, laatste);
            // A partial current year weighs by the share of the year that has passed.
            int g = Math.Max(1, (int)((long)gewicht * (eind - begin + 1) / 365));
            jaren.Add((index++, g));
            van.Add(begin);
            tot.Add(eind);
        }

        _jaren = new Gewogen<int>(jaren);
        _jaarVan = [.. van];
        _jaarTot = [.. tot];
    }

    public void Maak(ref SplitMix rng, int bsn, long vNummer, out IndRij ind, out CoaRij? coa, out BrpRij? brp)
    {
        Verblijfsdoel doel = Tabellen.Verblijfsdoelen.Kies(ref rng);
        string nat = doel switch
        {
            Verblijfsdoel.Asiel => Tabellen.NationaliteitAsiel.Kies(ref rng),
            Verblijfsdoel.Gezinshereniging or Verblijfsdoel.Gezinsvorming => Tabellen.NationaliteitGezin.Kies(ref rng),
            Verblijfsdoel.Tijdelijk => Tabellen.NationaliteitTijdelijk.Kies(ref rng),
            _ => Tabellen.NationaliteitOverig.Kies(ref rng),
        };

        int j = _jaren.Kies(ref rng);
        int peil = rng.Tussen(_jaarVan[j], _jaarTot[j]);
        int geboren = peil - LeeftijdInDagen(ref rng);
        string voornaam = Tabellen.Voornamen[rng.Tot(Tabellen.Voornamen.Length)];
        string achternaam = Tabellen.Achternamen[rng.Tot(Tabellen.Achternamen.Length)];

        bool asiel = doel == Verblijfsdoel.Asiel;
        int beschikking, ingang;
        if (asiel)
        {
            beschikking = peil - rng.Tussen(1, 10);
            ingang = peil - rng.Tussen(20, 420);
        }
        else
        {
            beschikking = peil - rng.Tussen(7, 70);
            ingang = beschikking - rng.Tussen(0, 120);
        }

        // ~1% wait for the IND: the deciding date is missing (→ onbepaald).
        bool peilBekend = !rng.Kans(0.01);

        // DUO's letter follows a few weeks after the peildatum, or after the 16th birthday for children.
        DateOnly? kennisgeving = null;
        int k = Math.Max(peil, Dag(geboren).AddYears(16).DayNumber) + rng.Tussen(14, 42);
        if (peilBekend && doel != Verblijfsdoel.Tijdelijk && !Nationaliteit.IsEuEerZwitserlandOfNederland(nat) && k <= _vandaag)
        {
            kennisgeving = Dag(k);
        }

        DateOnly? intrekking = null;
        if (rng.Kans(0.01))
        {
            int d = peil + rng.Tussen(60, 1500);
            intrekking = d <= _vandaag ? Dag(d) : null;
        }

        ind = new IndRij(
            bsn, vNummer, voornaam, achternaam, Dag(geboren), nat, doel,
            Dag(ingang), Dag(beschikking),
            asiel && peilBekend ? Dag(peil) : null,
            !asiel && peilBekend ? Dag(peil) : null,
            kennisgeving, intrekking);

        if (asiel)
        {
            MaakAsiel(ref rng, peil, out coa, out brp);
        }
        else
        {
            coa = null;
            brp = MaakBrp(ref rng, peil, ingang);
        }
    }

    private static DateOnly Dag(int dagnummer) => DateOnly.FromDayNumber(dagnummer);

    /// <summary>Age at peildatum: mostly young adults, some near 16 and some near AOW age.</summary>
    private static int LeeftijdInDagen(ref SplitMix rng)
    {
        double u = rng.Fractie();
        if (u < 0.04)
        {
            return rng.Tussen(200, 13 * 365);
        }

        if (u < 0.10)
        {
            return rng.Tussen((14 * 365) + 180, (17 * 365) + 180);
        }

        if (u < 0.13)
        {
            return rng.Tussen(64 * 365, 68 * 365);
        }

        int jaren = 18 + (int)(45 * Math.Pow(rng.Fractie() * rng.Fractie(), 0.7));
        return (jaren * 365) + rng.Tot(365);
    }

    private void MaakAsiel(ref SplitMix rng, int peil, out CoaRij? coa, out BrpRij? brp)
    {
        bool recent = peil > _vandaag - RecentDagen;
        if (!recent && rng.Kans(0.05))
        {
            // An older status holder who never stayed at a COA location (e.g. lived with family).
            coa = null;
            brp = MaakBrp(ref rng, peil, peil);
            return;
        }

        CoaLocatie locatie = Tabellen.CoaLocaties.Kies(ref rng);
        int gekoppeld = peil + rng.Tussen(0, 45);
        string gemeente = Tabellen.Woongemeenten.Kies(ref rng).Code;
        if (gemeente == locatie.GemeenteCode)
        {
            // Mostly linked elsewhere than the AZC's own municipality; a second draw keeps a few.
            gemeente = Tabellen.Woongemeenten.Kies(ref rng).Code;
        }

        bool blijft = recent && rng.Kans(0.85);
        bool isGekoppeld = gekoppeld <= _vandaag && (!blijft || rng.Kans(0.80));
        int? uitstroom = null;
        if (!blijft && isGekoppeld)
        {
            int u = gekoppeld + rng.Tussen(30, recent ? 200 : 400);
            uitstroom = u <= _vandaag ? u : null;
        }

        coa = new CoaRij(
            locatie.Naam,
            isGekoppeld ? gemeente : null,
            isGekoppeld ? Dag(gekoppeld) : null,
            uitstroom is int uit ? Dag(uit) : null);

        if (uitstroom is not int vertrokken)
        {
            // Registered in the BRP at the AZC address: the trap of January 2022.
            int vestiging = peil + rng.Tussen(0, 14);
            bool nogNiet = vestiging > _vandaag || (peil > _vandaag - 90 && rng.Kans(0.4));
            brp = nogNiet ? null : new BrpRij(locatie.GemeenteCode, true, Dag(vestiging), null, null);
            return;
        }

        int vestigingsdag = vertrokken;
        if (vertrokken + 365 < _vandaag && rng.Kans(0.08))
        {
            // Moved on to another municipality later.
            gemeente = Tabellen.Woongemeenten.Kies(ref rng).Code;
            vestigingsdag = rng.Tussen(vertrokken + 365, _vandaag);
        }

        brp = MetLevensloop(ref rng, new BrpRij(gemeente, false, Dag(vestigingsdag), null, null), vestigingsdag);
    }

    private BrpRij? MaakBrp(ref SplitMix rng, int peil, int ingang)
    {
        string gemeente = Tabellen.Woongemeenten.Kies(ref rng).Code;
        int vestiging = Math.Min(ingang + rng.Tussen(0, 30), _vandaag);
        if (peil > _vandaag - 30 && rng.Kans(0.3))
        {
            return null;
        }

        return MetLevensloop(ref rng, new BrpRij(gemeente, false, Dag(vestiging), null, null), vestiging);
    }

    /// <summary>~2% departed abroad, ~0.5% died, some time after settling.</summary>
    private BrpRij MetLevensloop(ref SplitMix rng, BrpRij rij, int vestiging)
    {
        double u = rng.Fractie();
        if (u >= 0.025 || vestiging + 30 > _vandaag)
        {
            return rij;
        }

        DateOnly datum = Dag(rng.Tussen(vestiging + 30, _vandaag));
        return u < 0.02 ? rij with { DatumVertrekBuitenland = datum } : rij with { DatumOverlijden = datum };
    }
}
