using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Overgang;

/// <summary>docs/domain.md "the outcome of 2022": who may choose which regime, when, and how the derivation honours it.</summary>
public class Overgangsregeling2022Tests
{
    private static readonly RegimeRegelset Regels = RegimeRegelsets.Huidig;
    private static readonly DateOnly Vrijgegeven = D("2022-03-01");
    private static readonly GemeenteCode Amsterdam = GemeenteCode.Parse("GM0363");

    // Wrongly placed in January 2022: by the corrected rules Wi2013.
    private static readonly RegimeBesluit GezinWi2013 = Regels.DeriveRegime(Gezin("2021-12-20"));
    private static readonly RegimeBesluit OverigWi2013 = Regels.DeriveRegime(Met(Verblijfsdoel.OverigNietTijdelijk, null, "2021-12-20", nat: "USA"));
    private static readonly RegimeBesluit AsielWi2013 = Regels.DeriveRegime(Asiel("2021-12-28"));
    private static readonly RegimeBesluit GezinWi2021 = Regels.DeriveRegime(Gezin("2022-02-01"));

    private static PersoonToestand Gepubliceerd(RegimeUitkomst regime, RegimeBesluit b, DateOnly? vrijgegeven = null, bool geparkeerd = false) =>
        new(regime, b.Doelgroep, b.Startdatum, D("1990-05-05"), Amsterdam) { VrijgegevenOp = vrijgegeven, Geparkeerd = geparkeerd, AanvangGemeld = true };

    private static readonly RegimeKeuze BlijftWi2021 = new(Regime.Wi2021, KeuzeSoort.Overgangsbesluit, Vrijgegeven);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(55, true)]
    [InlineData(56, true)]   // 8 weeks after the release date: the last day
    [InlineData(57, false)]  // one day late
    [InlineData(365, false)]
    public void Opt_in_to_Wi2021_runs_8_weeks_from_the_release(int dag, bool toegestaan)
    {
        foreach (var besluit in new[] { GezinWi2013, OverigWi2013 })
        {
            var b = Overgangsregeling2022.BeoordeelKeuze(Regime.Wi2021, besluit,
                Gepubliceerd(RegimeUitkomst.Wi2013, besluit, Vrijgegeven), null, Vrijgegeven.AddDays(dag));

            Assert.Equal(toegestaan, b.Toegestaan);
            Assert.Contains(toegestaan ? "kiezen kan tot en met 2022-04-26" : "kiezen voor de Wi2021 kon tot en met 2022-04-26", b.Reden, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_term_is_a_named_constant_of_8_weeks_and_ends_on_day_56()
    {
        Assert.Equal(8, Overgangsregeling2022.KeuzetermijnWeken);
        Assert.Equal(D("2022-04-26"), Overgangsregeling2022.LaatsteKeuzedag(Vrijgegeven));
        Assert.Equal("De keuzetermijn van 8 weken is verstreken: vrijgegeven op 2022-03-01, kiezen voor de Wi2021 kon tot en met 2022-04-26 (vandaag is dag 57).",
            Overgangsregeling2022.BeoordeelKeuze(Regime.Wi2021, GezinWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, GezinWi2013, Vrijgegeven), null, D("2022-04-27")).Reden);
    }

    public static TheoryData<string, Regime, RegimeBesluit, PersoonToestand?, RegimeKeuze?, string> Weigeringen() => new()
    {
        { "Wi2007", Regime.Wi2007, GezinWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, GezinWi2013, Vrijgegeven), null, "alleen tussen de Wi2013 en de Wi2021" },
        { "tweede keuze", Regime.Wi2021, GezinWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, GezinWi2013, Vrijgegeven),
            new RegimeKeuze(Regime.Wi2013, KeuzeSoort.Keuze, D("2022-03-02")), "Er is al een keuze geregistreerd: Keuze voor de Wi2013 geregistreerd op 2022-03-02 (overgangsregeling 2022)" },
        { "tweede keuze opt-out", Regime.Wi2013, AsielWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, AsielWi2013),
            new RegimeKeuze(Regime.Wi2013, KeuzeSoort.Keuze, D("2022-04-02")), "één keuze" },
        { "nooit gepubliceerd", Regime.Wi2021, GezinWi2013, null, null, "nog geen regime bepaald" },
        { "geparkeerd", Regime.Wi2021, GezinWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, GezinWi2013, geparkeerd: true), null, "geparkeerd" },
        { "regels Wi2021", Regime.Wi2021, GezinWi2021, Gepubliceerd(RegimeUitkomst.Wi2021, GezinWi2021, Vrijgegeven), null, "Volgens de regels valt de persoon niet onder de Wi2013" },
        { "asiel kiest Wi2021", Regime.Wi2021, AsielWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, AsielWi2013, Vrijgegeven), null, "Alleen een gezinsmigrant of overige migrant" },
        { "gezin kiest Wi2013", Regime.Wi2013, GezinWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, GezinWi2013, Vrijgegeven), null, "Alleen een asielstatushouder" },
        { "opt-in vanuit Wi2021", Regime.Wi2021, GezinWi2013, Gepubliceerd(RegimeUitkomst.Wi2021, GezinWi2013, Vrijgegeven), null, "valt nu niet onder de Wi2013 (huidig regime: Wi2021)" },
        { "opt-in zonder vrijgave", Regime.Wi2021, GezinWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, GezinWi2013), null, "niet vrijgegeven uit een geparkeerde groep" },
        { "opt-out vanuit Wi2013", Regime.Wi2013, AsielWi2013, Gepubliceerd(RegimeUitkomst.Wi2013, AsielWi2013, Vrijgegeven), null, "valt nu niet onder de Wi2021 (huidig regime: Wi2013)" },
        { "opt-out na einde plicht", Regime.Wi2013, AsielWi2013,
            Gepubliceerd(RegimeUitkomst.Wi2021, AsielWi2013, Vrijgegeven) with { EindReden = EindReden.Diploma }, BlijftWi2021, "geen lopende inburgeringsplicht" },
    };

    [Theory]
    [MemberData(nameof(Weigeringen))]
    public void A_choice_outside_the_regeling_is_refused_with_a_Dutch_reason(
        string geval, Regime gekozen, RegimeBesluit regels, PersoonToestand? gepubliceerd, RegimeKeuze? huidige, string reden)
    {
        var b = Overgangsregeling2022.BeoordeelKeuze(gekozen, regels, gepubliceerd, huidige, Vrijgegeven.AddDays(10));

        Assert.False(b.Toegestaan, geval);
        Assert.Contains(reden, b.Reden, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(400)] // the opt-out has no term
    public void An_asylum_status_holder_who_stayed_Wi2021_may_opt_out_to_Wi2013(int dag)
    {
        var b = Overgangsregeling2022.BeoordeelKeuze(Regime.Wi2013, AsielWi2013,
            Gepubliceerd(RegimeUitkomst.Wi2021, AsielWi2013, Vrijgegeven), BlijftWi2021, Vrijgegeven.AddDays(dag));

        Assert.True(b.Toegestaan, b.Reden);
    }

    [Fact]
    public void The_derivation_honours_a_choice_and_explains_it_in_Dutch()
    {
        var keuze = new RegimeKeuze(Regime.Wi2021, KeuzeSoort.Keuze, D("2022-04-02"));

        var besluit = Overgangsregeling2022.PasToe(GezinWi2013, keuze);

        Assert.Equal(RegimeUitkomst.Wi2021, besluit.Uitkomst);
        Assert.Equal("Keuze voor de Wi2021 geregistreerd op 2022-04-02 (overgangsregeling 2022); volgens de regels: " + GezinWi2013.Reden, besluit.Reden);
        Assert.Equal((GezinWi2013.RegelsetVersie, GezinWi2013.Peildatum, GezinWi2013.Startdatum, GezinWi2013.Doelgroep),
            (besluit.RegelsetVersie, besluit.Peildatum, besluit.Startdatum, besluit.Doelgroep));
        Assert.Same(GezinWi2013, Overgangsregeling2022.PasToe(GezinWi2013, null));
        Assert.Equal("Keuze voor de Wi2013 geregistreerd op 2022-04-02 (overgangsregeling 2022)",
            Overgangsregeling2022.Uitleg(new RegimeKeuze(Regime.Wi2013, KeuzeSoort.Keuze, D("2022-04-02"))));
    }

    [Fact]
    public void The_decision_at_release_keeps_the_asylum_group_under_Wi2021()
    {
        var besluit = Overgangsregeling2022.PasToe(AsielWi2013, BlijftWi2021);

        Assert.Equal(RegimeUitkomst.Wi2021, besluit.Uitkomst);
        Assert.StartsWith("Blijft onder de Wi2021: groep vrijgegeven op 2022-03-01 met behoud van de Wi2021 (overgangsregeling 2022); volgens de regels: Asielstatushouder",
            besluit.Reden, StringComparison.Ordinal);
        Assert.Null(Overgangsregeling2022.WeigeringBlijftWi2021(RegimeUitkomst.Wi2013, Doelgroep.Asielstatushouder));
        Assert.NotNull(Overgangsregeling2022.WeigeringBlijftWi2021(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant));
        Assert.NotNull(Overgangsregeling2022.WeigeringBlijftWi2021(RegimeUitkomst.Wi2021, Doelgroep.Asielstatushouder));
    }

    [Fact]
    public void A_choice_does_not_apply_when_the_rules_no_longer_say_Wi2013()
    {
        var eu = Regels.DeriveRegime(Gezin("2021-12-20", nat: "DEU"));

        var besluit = Overgangsregeling2022.PasToe(eu, new RegimeKeuze(Regime.Wi2021, KeuzeSoort.Keuze, D("2022-04-02")));

        Assert.Equal(RegimeUitkomst.Geen, besluit.Uitkomst);
        Assert.EndsWith("Keuze voor de Wi2021 geregistreerd op 2022-04-02 (overgangsregeling 2022) niet toegepast: die geldt alleen bij Wi2013 volgens de regels",
            besluit.Reden, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaving_Wi2013_by_choice_tells_the_Wi2013_environment_with_SS110_naming_the_choice()
    {
        var keuze = new RegimeKeuze(Regime.Wi2021, KeuzeSoort.Keuze, D("2022-04-02"));

        var s = Assert.Single(Overgangsregeling2022.EindeWi2013(Amsterdam, keuze, D("2022-04-02")));

        Assert.Equal((SignaalCode.SS110, Amsterdam, Regime.Wi2013, D("2022-04-02")), (s.Code, s.Gemeente, s.Regime, s.Datum));
        Assert.Contains("keuze voor de Wi2021 geregistreerd op 2022-04-02 (overgangsregeling 2022)", s.Toelichting, StringComparison.Ordinal);
        Assert.Empty(Overgangsregeling2022.EindeWi2013(null, keuze, D("2022-04-02")));
    }
}
