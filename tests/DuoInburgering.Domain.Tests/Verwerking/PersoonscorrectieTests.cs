using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Verwerking;

/// <summary>Issue 5 part 5: a single-person correction is validated, applied and its effect shown before anything is written.</summary>
public class PersoonscorrectieTests
{
    private static readonly GemeenteCode Ede = GemeenteCode.Parse("GM0228");
    private static readonly GemeenteCode Amsterdam = GemeenteCode.Parse("GM0363");
    private static readonly DateOnly Vandaag = D("2022-04-01");

    /// <summary>An asylum status holder whose beschikking was made known on 2022-01-10 (Wi2021), living in Ede.</summary>
    private static readonly PersoonFeiten Huidig = new(Asiel("2022-01-10"), null, null, new BrpFeiten(Ede, false, D("2022-01-20"), null, null));

    private static CorrigeerbareFeiten Ongewijzigd => CorrigeerbareFeiten.Van(Huidig);

    public static TheoryData<string, string?, string?, string?, string?, string, string> Ongeldig => new()
    {
        // naam, reden, bekendmaking, coa-gemeente, brp-gemeente, veld, melding (begin)
        { "geen reden", null, "2021-12-28", null, "GM0228", "reden", "Geef een reden" },
        { "alleen spaties als reden", "   ", "2021-12-28", null, "GM0228", "reden", "Geef een reden" },
        { "te lange reden", new string('x', Persoonscorrectie.MaxRedenLengte + 1), "2021-12-28", null, "GM0228", "reden", "De reden is te lang" },
        { "niets gewijzigd", "Beschikking opnieuw bekeken", "2022-01-10", null, "GM0228", "", "Het voorstel wijzigt niets" },
        { "datum in de toekomst", "Typefout", "2022-05-01", null, "GM0228", "bekendmaking", "De datum van bekendmaking" },
        { "COA-koppeling zonder COA-feit", "COA meldde Amsterdam", "2022-01-10", "GM0363", "GM0228", "coa", "Het COA heeft over deze persoon niets gemeld" },
    };

    [Theory]
    [MemberData(nameof(Ongeldig))]
    public void Een_ongeldig_voorstel_krijgt_een_Nederlandse_melding_bij_het_veld(string naam, string? reden, string? bekendmaking,
        string? coa, string? brp, string veld, string melding)
    {
        var voorstel = Ongewijzigd with
        {
            DatumBekendmakingBeschikking = Dn(bekendmaking),
            CoaGekoppeldeGemeente = coa is null ? null : GemeenteCode.Parse(coa),
            BrpGemeente = brp is null ? null : GemeenteCode.Parse(brp),
        };

        var fouten = Persoonscorrectie.Valideer(Huidig, voorstel, reden, Vandaag);

        Assert.True(fouten.Any(f => f.Veld == veld && f.Melding.StartsWith(melding, StringComparison.Ordinal)),
            $"{naam}: {string.Join(" | ", fouten.Select(f => f.Veld + ": " + f.Melding))}");
    }

    [Fact]
    public void Een_voorstel_met_reden_en_een_wijziging_is_geldig()
    {
        var voorstel = Ongewijzigd with { DatumBekendmakingBeschikking = D("2021-12-28") };
        Assert.Empty(Persoonscorrectie.Valideer(Huidig, voorstel, "Beschikking is op 28 december uitgereikt (IND-dossier).", Vandaag));
    }

    [Fact]
    public void Toepassen_wijzigt_alleen_de_voorgestelde_feiten()
    {
        var met = Huidig with { Coa = new CoaFeiten("AZC Budel", Ede, D("2022-01-15"), null) };
        var voorstel = CorrigeerbareFeiten.Van(met) with { CoaGekoppeldeGemeente = Amsterdam, Verblijfsdoel = Verblijfsdoel.Gezinshereniging };

        var na = Persoonscorrectie.PasToe(met, voorstel);

        Assert.Equal(Amsterdam, na.Coa!.GekoppeldeGemeente);
        Assert.Equal(("AZC Budel", D("2022-01-15")), (na.Coa.Locatie, na.Coa.DatumGekoppeld!.Value));
        Assert.Equal(Verblijfsdoel.Gezinshereniging, na.Ind.Verblijfsdoel);
        Assert.Equal(met.Ind.Geboortedatum, na.Ind.Geboortedatum);
        Assert.Equal(met.Brp, na.Brp);
    }

    [Fact]
    public void Het_effect_van_een_eerdere_bekendmaking_is_Wi2021_naar_Wi2013_met_beide_toelichtingen()
    {
        var gepubliceerd = Herbepaling.Herbepaal(Huidig, null, _ => false, RegimeRegelsets.Huidig, Vandaag).Gepubliceerd;
        var voorstel = Ongewijzigd with { DatumBekendmakingBeschikking = D("2021-12-28") };

        var effect = Persoonscorrectie.Effect(Huidig, gepubliceerd, voorstel, _ => false, RegimeRegelsets.Huidig, Vandaag);

        Assert.Equal((RegimeUitkomst.Wi2021, RegimeUitkomst.Wi2013), (effect.OudBesluit.Uitkomst, effect.NieuwBesluit.Uitkomst));
        Assert.Contains("2022-01-10", effect.OudBesluit.Reden, StringComparison.Ordinal);
        Assert.Contains("2021-12-28", effect.NieuwBesluit.Reden, StringComparison.Ordinal);
        Assert.True(effect.VerlaatWi2021);
        Assert.True(effect.WijzigtRegime);
        Assert.False(effect.WijzigtGemeente);
        Assert.Null(effect.Wissel);
        Assert.False(effect.Uitgesteld);
        // Announced under Wi2013 in Ede; the Wi2021 side (SS190, withdrawal) is the caller's, it knows who had signals.
        Assert.Equal([(SignaalCode.SS101, Ede, Regime.Wi2013)], effect.Signalen.Select(s => (s.Code, s.Gemeente, s.Regime)));
    }

    [Fact]
    public void Het_effect_van_een_andere_gemeente_is_een_correctie_zonder_SS122()
    {
        var gepubliceerd = Herbepaling.Herbepaal(Huidig, null, _ => false, RegimeRegelsets.Huidig, Vandaag).Gepubliceerd;
        var voorstel = Ongewijzigd with { BrpGemeente = Amsterdam };

        var effect = Persoonscorrectie.Effect(Huidig, gepubliceerd, voorstel, _ => false, RegimeRegelsets.Huidig, Vandaag);

        Assert.Equal((Ede, Amsterdam), (effect.OudeKoppeling.Gemeente, effect.NieuweKoppeling.Gemeente));
        Assert.Contains("GM0228", effect.OudeKoppeling.Reden, StringComparison.Ordinal);
        Assert.Contains("GM0363", effect.NieuweKoppeling.Reden, StringComparison.Ordinal);
        Assert.Equal(MisplaatsingOorzaak.DuoCorrectie, effect.Wissel!.Oorzaak);
        Assert.DoesNotContain(effect.Signalen, s => s.Code is SignaalCode.SS122 or SignaalCode.SS123);
        // The first announcement to Amsterdam, as if it had been the right one from the start (Wi2021, not at COA: SS139).
        Assert.Equal([(SignaalCode.SS139, Amsterdam)], effect.Signalen.Select(s => (s.Code, s.Gemeente)));
    }

    [Fact]
    public void Een_gepauzeerde_nieuwe_groep_maakt_het_effect_uitgesteld()
    {
        var gepubliceerd = Herbepaling.Herbepaal(Huidig, null, _ => false, RegimeRegelsets.Huidig, Vandaag).Gepubliceerd;
        var voorstel = Ongewijzigd with { DatumBekendmakingBeschikking = D("2021-12-28") };

        var effect = Persoonscorrectie.Effect(Huidig, gepubliceerd, voorstel,
            p => p == new PauzeSleutel(Regime.Wi2013, Doelgroep.Asielstatushouder), RegimeRegelsets.Huidig, Vandaag);

        Assert.True(effect.Uitgesteld);
        Assert.Empty(effect.Signalen);
    }

    [Theory]
    [InlineData(RegimeUitkomst.Wi2021, RegimeUitkomst.Wi2013, true)]
    [InlineData(RegimeUitkomst.Wi2021, RegimeUitkomst.Wi2007, true)]
    [InlineData(RegimeUitkomst.Wi2021, RegimeUitkomst.Wi2021, false)]
    [InlineData(RegimeUitkomst.Wi2021, RegimeUitkomst.Geen, false)]
    [InlineData(RegimeUitkomst.Wi2013, RegimeUitkomst.Wi2021, false)]
    public void Verlaat_Wi2021_alleen_naar_een_ander_regime(RegimeUitkomst oud, RegimeUitkomst nieuw, bool verlaat)
    {
        var t = new PersoonToestand(oud, Doelgroep.Asielstatushouder, D("2022-01-10"), D("1990-05-05"), Ede);
        var besluit = new RegimeBesluit(nieuw, Doelgroep.Asielstatushouder, null, null, "2022-03", "test");
        Assert.Equal(verlaat, Persoonscorrectie.VerlaatWi2021(t, besluit));
        Assert.False(Persoonscorrectie.VerlaatWi2021(t with { EindReden = EindReden.Diploma }, besluit));
    }
}
