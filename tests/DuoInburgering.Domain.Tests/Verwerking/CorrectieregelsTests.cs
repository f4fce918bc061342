using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Verwerking;

/// <summary>docs/domain.md "Corrections, pauses and parked people": scope, the action per person, parking.</summary>
public class CorrectieregelsTests
{
    private static GemeenteCode? G(string? code) => code is null ? null : GemeenteCode.Parse(code);

    private static CorrectieStand Stand(RegimeUitkomst u, string? gemeente = "GM0363", Doelgroep? dg = Doelgroep.Asielstatushouder,
        string? peil = "2021-12-28") => new(u, dg, Dn(peil), G(gemeente));

    private static CorrectieScope Scope(string? regime, string? doelgroep, string? van, string? tot, string? gemeente) => new(
        regime is null ? null : Enum.Parse<Regime>(regime), doelgroep is null ? null : Enum.Parse<Doelgroep>(doelgroep),
        Dn(van), Dn(tot), G(gemeente));

    // Old: Wi2021, Asielstatushouder, peildatum (kennisgeving) 2022-01-10, GM1706 (the AZC's municipality).
    // New: Wi2013, same doelgroep, peildatum 2021-12-28, GM0363 (COA's link).
    [Theory]
    [InlineData(null, null, null, null, null, true)]
    [InlineData("Wi2021", null, null, null, null, true)]          // old matches
    [InlineData("Wi2013", null, null, null, null, true)]          // new matches
    [InlineData("Wi2007", null, null, null, null, false)]
    [InlineData(null, "Asielstatushouder", null, null, null, true)]
    [InlineData(null, "Gezinsmigrant", null, null, null, false)]
    [InlineData(null, null, "2021-12-01", "2021-12-31", null, true)]  // new peildatum
    [InlineData(null, null, "2022-01-01", "2022-01-31", null, true)]  // old peildatum
    [InlineData(null, null, "2022-02-01", null, null, false)]
    [InlineData(null, null, null, "2021-12-27", null, false)]
    [InlineData(null, null, "2021-12-28", "2021-12-28", null, true)]  // bounds are inclusive
    [InlineData(null, null, null, null, "GM1706", true)]
    [InlineData(null, null, null, null, "GM0363", true)]
    [InlineData(null, null, null, null, "GM0599", false)]
    [InlineData("Wi2021", null, "2021-12-01", "2021-12-31", null, false)] // Wi2021 only before, December only after: no one state has both
    [InlineData("Wi2013", "Asielstatushouder", "2021-12-01", "2021-12-31", "GM0363", true)]
    [InlineData("Wi2021", "Asielstatushouder", "2022-01-01", "2022-01-31", "GM1706", true)]
    [InlineData("Wi2021", "Asielstatushouder", "2022-01-01", "2022-01-31", "GM0363", false)]
    public void Scope_omvat_een_persoon_als_de_stand_voor_of_na_de_correctie_past(
        string? regime, string? doelgroep, string? van, string? tot, string? gemeente, bool verwacht)
    {
        var oud = Stand(RegimeUitkomst.Wi2021, "GM1706", peil: "2022-01-10");
        var nieuw = Stand(RegimeUitkomst.Wi2013, "GM0363", peil: "2021-12-28");
        Assert.Equal(verwacht, Scope(regime, doelgroep, van, tot, gemeente).Omvat(oud, nieuw));
    }

    [Theory]
    [InlineData("Geen", false)]
    [InlineData("Onbepaald", false)]
    [InlineData("Wi2021", true)]
    public void Een_regime_in_de_scope_past_alleen_bij_een_plicht_onder_dat_regime(string uitkomst, bool verwacht)
    {
        var stand = Stand(Enum.Parse<RegimeUitkomst>(uitkomst));
        Assert.Equal(verwacht, new CorrectieScope(Regime: Regime.Wi2021).Past(stand));
    }

    [Fact]
    public void Een_peildatumbereik_past_niet_bij_een_onbekende_peildatum()
    {
        var stand = Stand(RegimeUitkomst.Onbepaald, peil: null);
        Assert.False(new CorrectieScope(PeildatumVan: D("2000-01-01")).Past(stand));
        Assert.True(CorrectieScope.Iedereen.Past(stand));
    }

    [Fact]
    public void Scope_met_vanaf_na_tot_en_met_geeft_een_nederlandse_fout()
    {
        Assert.Equal(["De peildatum 'vanaf' ligt na de peildatum 'tot en met'."],
            new CorrectieScope(PeildatumVan: D("2022-01-02"), PeildatumTot: D("2022-01-01")).Fouten());
        Assert.Empty(new CorrectieScope(PeildatumVan: D("2022-01-01"), PeildatumTot: D("2022-01-01")).Fouten());
        Assert.Empty(CorrectieScope.Iedereen.Fouten());
    }

    [Theory]
    [InlineData(null, null, null, null, null, "iedereen")]
    [InlineData("Wi2021", "Gezinsmigrant", "2021-12-01", null, "GM0363", "Wi2021, Gezinsmigrant, peildatum 2021-12-01 t/m …, GM0363")]
    [InlineData(null, null, null, "2021-12-31", null, "peildatum … t/m 2021-12-31")]
    public void Scope_heeft_een_omschrijving(string? regime, string? doelgroep, string? van, string? tot, string? gemeente, string verwacht)
    {
        Assert.Equal(verwacht, Scope(regime, doelgroep, van, tot, gemeente).Omschrijving());
    }

    [Theory]
    [InlineData("Wi2021", "GM0363", "Wi2021", "GM0363", CorrectieActie.Ongewijzigd)]
    [InlineData("Wi2013", null, "Wi2013", null, CorrectieActie.Ongewijzigd)]
    [InlineData("Wi2021", "GM0363", "Wi2013", "GM0363", CorrectieActie.VerlaatWi2021)]
    [InlineData("Wi2021", "GM1706", "Wi2013", "GM0363", CorrectieActie.VerlaatWi2021)]
    [InlineData("Wi2021", "GM1950", "Wi2013", null, CorrectieActie.VerlaatWi2021)]
    [InlineData("Wi2021", "GM0363", "Geen", "GM0363", CorrectieActie.VerlaatWi2021)]
    [InlineData("Wi2021", "GM0363", "Wi2007", "GM0363", CorrectieActie.VerlaatWi2021)]
    [InlineData("Wi2021", "GM0228", "Wi2021", "GM0014", CorrectieActie.Herbepalen)]   // only the municipality
    [InlineData("Wi2021", "GM1950", "Wi2021", null, CorrectieActie.Herbepalen)]
    [InlineData("Wi2013", "GM0363", "Wi2021", "GM0363", CorrectieActie.Herbepalen)]   // entering Wi2021
    [InlineData("Wi2007", "GM0363", "Wi2013", "GM0363", CorrectieActie.Herbepalen)]
    [InlineData("Onbepaald", null, "Wi2013", "GM0363", CorrectieActie.Herbepalen)]
    [InlineData("Wi2013", "GM0363", "Geen", "GM0363", CorrectieActie.Herbepalen)]
    public void Actie_per_persoon(string oud, string? oudeGemeente, string nieuw, string? nieuweGemeente, CorrectieActie verwacht)
    {
        var o = Stand(Enum.Parse<RegimeUitkomst>(oud), oudeGemeente);
        var n = Stand(Enum.Parse<RegimeUitkomst>(nieuw), nieuweGemeente);
        Assert.Equal(verwacht, Correctieregels.Actie(o, n));
        Assert.False(string.IsNullOrWhiteSpace(Correctieregels.Uitleg(verwacht)));
    }

    [Fact]
    public void Wie_Wi2021_verlaat_wordt_geparkeerd_onder_het_nieuwe_regime_zonder_signalen()
    {
        var feiten = new PersoonFeiten(Asiel("2021-12-28", kennisgeving: "2022-01-10"), null,
            new CoaFeiten("AZC Budel", G("GM0363"), D("2022-01-05"), null), new BrpFeiten(G("GM1706"), true, D("2021-12-27"), null, null));
        var fout = Herbepaling.Herbepaal(feiten, null, _ => false, Regelset2021_12.Instance, D("2022-01-15"));
        Assert.Equal((RegimeUitkomst.Wi2021, "GM1706"), (fout.Gepubliceerd!.Uitkomst, fout.Gepubliceerd.Gemeente?.Waarde));
        Assert.NotEmpty(fout.Signalen);

        var u = Correctieregels.HerbepaalGeparkeerd(feiten, fout.Gepubliceerd, Regelset2022_03.Instance, D("2022-03-25"));

        Assert.Empty(u.Signalen);
        Assert.Equal(Verwerkingsstatus.Bepaald, u.Status);
        Assert.Equal(("2022-03", RegimeUitkomst.Wi2013), (u.Besluit.RegelsetVersie, u.Besluit.Uitkomst));
        Assert.Equal(G("GM0363"), u.Koppeling.Gemeente);
        Assert.True(u.Gepubliceerd!.Geparkeerd);
        Assert.Equal((RegimeUitkomst.Wi2013, G("GM0363")), (u.Gepubliceerd.Uitkomst, u.Gepubliceerd.Gemeente));

        // The release (parking lifted) announces the person anew in the Wi2013 environment.
        var vrij = SignaalRegels.EmitSignals(u.Gepubliceerd, u.Gepubliceerd with { Geparkeerd = false }, D("2022-03-26"));
        Assert.Contains(vrij, s => s.Regime == Regime.Wi2013 && s.Gemeente == G("GM0363"));
    }

    [Fact]
    public void Parkeren_werkt_ook_voor_wie_nog_nooit_gepubliceerd_was_en_negeert_pauzes()
    {
        var feiten = new PersoonFeiten(Gezin("2021-12-15", kennisgeving: "2022-01-11"), null, null,
            new BrpFeiten(G("GM0599"), false, D("2021-10-04"), null, null));
        var u = Correctieregels.HerbepaalGeparkeerd(feiten, null, Regelset2022_03.Instance, D("2022-03-01"));
        Assert.Empty(u.Signalen);
        Assert.Equal(Verwerkingsstatus.Bepaald, u.Status);
        Assert.True(u.Gepubliceerd!.Geparkeerd);
        Assert.Equal(RegimeUitkomst.Wi2013, u.Gepubliceerd.Uitkomst);
    }
}
