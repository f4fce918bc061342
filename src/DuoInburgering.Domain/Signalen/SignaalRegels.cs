using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Signalen;

/// <summary>
/// Event signals: a pure function of (previous snapshot, new snapshot, date). docs/domain.md "Signal
/// catalogue" and DUO M2M Gebeurtenissen.md. Signals only describe differences, so replaying the
/// same snapshot emits nothing; nothing goes to a null municipality and nothing while parked.
/// </summary>
public static partial class SignaalRegels
{
    /// <summary>SS128 instead of SS101 when the AOW date is within this many months.</summary>
    public const int AowVooraankondigingMaanden = 6;

    public static IReadOnlyList<Signaal> EmitSignals(PersoonToestand? vorige, PersoonToestand nieuwe, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(nieuwe);
        if (nieuwe.Geparkeerd || nieuwe == vorige)
        {
            return [];
        }

        // A parked person was shown nothing in this environment: on release they are announced anew.
        if (vorige is { Geparkeerd: true })
        {
            vorige = null;
        }

        var uit = new List<Signaal>(2);
        Regime? oudRegime = vorige?.ActiefRegime;
        Regime? nieuwRegime = nieuwe.ActiefRegime;

        if (oudRegime is Regime oud && nieuwRegime != oud)
        {
            if (nieuwRegime is null)
            {
                // Obligation ended: tell the municipality it belongs to, or else the last one that knew.
                if ((nieuwe.Gemeente ?? vorige!.Gemeente) is GemeenteCode laatste)
                {
                    SignaalCode code = EindCode(nieuwe);
                    uit.Add(new(code, laatste, oud, vandaag, SignaalCatalogus.Naam(code)));
                }

                return uit;
            }

            // Moved between laws (a correction or a registered choice). The old environment gets SS190
            // through Correctie(): only the caller knows which municipalities had signals there.
        }

        if (nieuwRegime is not Regime regime)
        {
            return uit;
        }

        if (vorige is null || oudRegime != regime)
        {
            if (nieuwe.Gemeente is GemeenteCode eerste)
            {
                uit.Add(Aanvang(nieuwe, eerste, regime, vandaag));
            }

            return uit;
        }

        VerhuisSignalen(vorige, nieuwe, regime, vandaag, uit);
        if (nieuwe.Gemeente is not GemeenteCode g)
        {
            return uit;
        }

        if (vorige.Gemeente == g && vorige.VerblijftInCoa && !nieuwe.VerblijftInCoa && IsTermijnPlichtig(nieuwe, regime))
        {
            // M2M Gebeurtenissen.md SS139: also when the person was already linked and DUO now sees they
            // left COA and live in the municipality: the 10-week term starts now.
            uit.Add(new(SignaalCode.SS139, g, regime, vandaag, "Uitgestroomd uit het COA naar de gemeente; termijn van 10 weken voor de leerroute gestart."));
        }

        if (vorige.Doelgroep == Doelgroep.Asielstatushouder && nieuwe.Doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant)
        {
            uit.Add(new(SignaalCode.SS124, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS124)));
        }
        else if (vorige.Doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant && nieuwe.Doelgroep == Doelgroep.Asielstatushouder)
        {
            uit.Add(new(SignaalCode.SS125, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS125)));
        }

        // The first PIP starts the 3-year inburgeringstermijn (Wi2021 only); a changed PIP does not.
        if (regime == Regime.Wi2021 && vorige.HuidigePip is null && nieuwe.HuidigePip is { } pip)
        {
            uit.Add(new(SignaalCode.SS102, g, regime, vandaag, string.Create(CultureInfo.InvariantCulture,
                $"Inburgeringstermijn gestart op {pip.StartInburgeringstermijn:yyyy-MM-dd}, loopt tot en met {pip.EindeInburgeringstermijn:yyyy-MM-dd} ({pip.Leerroute.Naam()}).")));
        }

        return uit;
    }

    /// <summary>
    /// SS190 for every municipality that had Wi2021 signals about a person who leaves Wi2021 after a
    /// correction (docs/domain.md "Corrections"). It carries the person's BSN (the caller's key) and
    /// nothing else: the toelichting is the catalogue text only.
    /// </summary>
    public static IReadOnlyList<Signaal> Correctie(IEnumerable<GemeenteCode> gemeentenMetWi2021Signalen, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(gemeentenMetWi2021Signalen);
        var uit = new List<Signaal>();
        var gezien = new HashSet<GemeenteCode>();
        foreach (GemeenteCode g in gemeentenMetWi2021Signalen)
        {
            if (gezien.Add(g))
            {
                uit.Add(new(SignaalCode.SS190, g, Regime.Wi2021, vandaag, SignaalCatalogus.Naam(SignaalCode.SS190)));
            }
        }

        return uit;
    }

    /// <summary>Records what was emitted in the snapshot (term start, deadline flags, announced).</summary>
    public static PersoonToestand Verwerk(PersoonToestand toestand, IEnumerable<Signaal> signalen)
    {
        ArgumentNullException.ThrowIfNull(toestand);
        ArgumentNullException.ThrowIfNull(signalen);
        foreach (Signaal s in signalen)
        {
            toestand = s.Code switch
            {
                SignaalCode.SS101 => toestand with { AanvangGemeld = true },
                SignaalCode.SS128 => toestand with { AanvangGemeld = true, Ss128Verzonden = true },
                SignaalCode.SS139 => toestand with { AanvangGemeld = true, TermijnLeerrouteStart = s.Datum, Ss126Verzonden = false },
                SignaalCode.SS126 => toestand with { Ss126Verzonden = true },
                SignaalCode.SS127 => toestand with { Ss127Verzonden = true },
                _ => toestand,
            };
        }

        return toestand;
    }
}
