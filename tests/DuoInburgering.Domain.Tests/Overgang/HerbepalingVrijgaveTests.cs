using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Overgang;

/// <summary>Parking ends only by DUO's release, respects a pause, and a registered choice survives re-derivation.</summary>
public class HerbepalingVrijgaveTests
{
    private static readonly GemeenteCode Utrecht = GemeenteCode.Parse("GM0344");
    private static readonly DateOnly Vandaag = D("2022-03-25");
    private static readonly BrpFeiten Brp = new(Utrecht, false, D("2021-12-01"), null, null);

    /// <summary>A family migrant, Wi2013 by the rules, parked by the correction after a wrong Wi2021 placement.</summary>
    private static readonly PersoonFeiten Gezin = new(Gezin("2021-12-20"), null, null, Brp);

    private static readonly PersoonToestand Geparkeerd =
        new(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant, D("2021-12-20"), D("1990-05-05"), Utrecht) { Geparkeerd = true, AanvangGemeld = true };

    private static HerbepalingUitkomst Herbepaal(PersoonFeiten feiten, PersoonToestand? vorige, params PauzeSleutel[] pauzes) =>
        Herbepaling.Herbepaal(feiten, vorige, pauzes.Contains, RegimeRegelsets.Huidig, Vandaag);

    [Fact]
    public void Without_a_release_a_parked_person_stays_parked_and_nobody_is_told()
    {
        var u = Herbepaal(Gezin, Geparkeerd);

        Assert.True(u.Gepubliceerd!.Geparkeerd);
        Assert.Null(u.Gepubliceerd.VrijgegevenOp);
        Assert.Empty(u.Signalen);
    }

    [Fact]
    public void A_release_ends_the_parking_announces_the_person_and_starts_the_choice_term()
    {
        var u = Herbepaal(Gezin with { Vrijgave = true }, Geparkeerd);

        Assert.Equal(Verwerkingsstatus.Bepaald, u.Status);
        Assert.False(u.Gepubliceerd!.Geparkeerd);
        Assert.Equal(Vandaag, u.Gepubliceerd.VrijgegevenOp);
        var s = Assert.Single(u.Signalen);
        Assert.Equal((SignaalCode.SS101, Utrecht, Regime.Wi2013), (s.Code, s.Gemeente, s.Regime));
    }

    [Fact]
    public void A_release_into_a_paused_group_waits_parked_as_uitgesteld()
    {
        var u = Herbepaal(Gezin with { Vrijgave = true }, Geparkeerd, new PauzeSleutel(Regime.Wi2013, Doelgroep.Gezinsmigrant));

        Assert.Equal(Verwerkingsstatus.Uitgesteld, u.Status);
        Assert.Same(Geparkeerd, u.Gepubliceerd);
        Assert.Empty(u.Signalen);
    }

    [Fact]
    public void The_asylum_group_released_to_stay_Wi2021_is_announced_in_Wi2021_and_waits_for_a_Wi2021_pause()
    {
        var feiten = new PersoonFeiten(Asiel("2021-12-28"), null, null, Brp)
        {
            Vrijgave = true,
            Keuze = new RegimeKeuze(Regime.Wi2021, KeuzeSoort.Overgangsbesluit, Vandaag),
        };
        var vorige = Geparkeerd with { Doelgroep = Doelgroep.Asielstatushouder };

        var u = Herbepaal(feiten, vorige);
        var gepauzeerd = Herbepaal(feiten, vorige, new PauzeSleutel(Regime.Wi2021, Doelgroep.Asielstatushouder));

        Assert.Equal(RegimeUitkomst.Wi2021, u.Besluit.Uitkomst);
        Assert.Equal([(SignaalCode.SS139, Regime.Wi2021)], u.Signalen.Select(s => (s.Code, s.Regime)));
        Assert.Equal(Verwerkingsstatus.Uitgesteld, gepauzeerd.Status);
    }

    [Fact]
    public void A_registered_choice_survives_any_later_re_derivation()
    {
        var keuze = new RegimeKeuze(Regime.Wi2021, KeuzeSoort.Keuze, D("2022-04-02"));
        var gekozen = Herbepaal(Gezin with { Keuze = keuze }, Geparkeerd with { Geparkeerd = false, Uitkomst = RegimeUitkomst.Wi2013 });

        // A new IND message: same dates, another name; the choice is a DUO fact and stays.
        var opnieuw = Herbepaal(Gezin with { Keuze = keuze, Ind = Gezin.Ind with { Geboortedatum = D("1990-05-06") } }, gekozen.Gepubliceerd);

        Assert.Equal(RegimeUitkomst.Wi2021, gekozen.Besluit.Uitkomst);
        Assert.Equal(RegimeUitkomst.Wi2021, opnieuw.Besluit.Uitkomst);
        Assert.Empty(opnieuw.Signalen);
        Assert.StartsWith("Keuze voor de Wi2021 geregistreerd op 2022-04-02 (overgangsregeling 2022)", opnieuw.Besluit.Reden, StringComparison.Ordinal);
    }
}
