using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using static DuoInburgering.Domain.Tests.Signalen.SignaalTestdata;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Signalen;

/// <summary>Moves, doelgroep changes, PIP, ending, correction.</summary>
public class WijzigingSignaalTests
{
    [Fact]
    public void Verhuizing_zonder_pip_SS122_oud_SS120_nieuw() =>
        Assert.Equal([(SignaalCode.SS122, A), (SignaalCode.SS120, B)], Kort(SignaalRegels.EmitSignals(Plichtig(A), Plichtig(B), Vandaag)));

    [Fact]
    public void Verhuizing_met_pip_vorige_gemeente_SS121()
    {
        var pip = PipVan(A);
        Assert.Equal([(SignaalCode.SS122, A), (SignaalCode.SS121, B)],
            Kort(SignaalRegels.EmitSignals(Plichtig(A) with { HuidigePip = pip }, Plichtig(B) with { HuidigePip = pip }, Vandaag)));
    }

    [Fact]
    public void Vertrek_uit_nederland_SS123_aan_oude_gemeente() =>
        Assert.Equal([(SignaalCode.SS123, A)],
            Kort(SignaalRegels.EmitSignals(Plichtig(A), Plichtig(null) with { VertrokkenUitNederland = true }, Vandaag)));

    [Fact]
    public void Terugkeer_na_aanvang_geeft_SS120_niet_opnieuw_SS101() =>
        Assert.Equal([(SignaalCode.SS120, B)], Kort(SignaalRegels.EmitSignals(Plichtig(null), Plichtig(B), Vandaag)));

    [Fact]
    public void Doelgroepwissel_SS124_en_SS125()
    {
        PersoonToestand asiel = Plichtig(A) with { Doelgroep = Doelgroep.Asielstatushouder };
        Assert.Equal([(SignaalCode.SS124, A)], Kort(SignaalRegels.EmitSignals(asiel, Plichtig(A) with { Doelgroep = Doelgroep.OverigeMigrant }, Vandaag)));
        Assert.Equal([(SignaalCode.SS125, A)], Kort(SignaalRegels.EmitSignals(Plichtig(A), asiel, Vandaag)));
    }

    [Fact]
    public void Eerste_pip_start_termijn_SS102_alleen_Wi2021()
    {
        Signaal s = Assert.Single(SignaalRegels.EmitSignals(Plichtig(A), Plichtig(A) with { HuidigePip = PipVan(A) }, Vandaag));
        Assert.Equal(SignaalCode.SS102, s.Code);
        Assert.Contains("2022-03-16", s.Toelichting, StringComparison.Ordinal);
        Assert.Empty(SignaalRegels.EmitSignals(Plichtig(A) with { HuidigePip = PipVan(A) }, Plichtig(A) with { HuidigePip = PipVan(A, "2022-03-20") }, Vandaag));
        Assert.Empty(SignaalRegels.EmitSignals(Plichtig(A, RegimeUitkomst.Wi2013), Plichtig(A, RegimeUitkomst.Wi2013) with { HuidigePip = PipVan(A) }, Vandaag));
    }

    [Theory]
    [InlineData(EindReden.Diploma, SignaalCode.SS106)]
    [InlineData(EindReden.Vrijstelling, SignaalCode.SS107)]
    [InlineData(EindReden.Ontheffing, SignaalCode.SS108)]
    [InlineData(EindReden.Ingetrokken, SignaalCode.SS110)]
    [InlineData(EindReden.Overleden, SignaalCode.SS111)]
    public void Einde_plicht(EindReden reden, SignaalCode code)
    {
        Assert.Equal([(code, A)], Kort(SignaalRegels.EmitSignals(Plichtig(A), Plichtig(A) with { EindReden = reden }, Vandaag)));
        // Died or withdrawn while the BRP no longer gives a municipality: the last one is told.
        Assert.Equal([(code, A)], Kort(SignaalRegels.EmitSignals(Plichtig(A), Plichtig(null) with { EindReden = reden }, Vandaag)));
        Assert.Empty(SignaalRegels.EmitSignals(Plichtig(A) with { EindReden = reden }, Plichtig(A) with { EindReden = reden, HuidigePip = PipVan(A) }, Vandaag));
    }

    [Fact]
    public void Plicht_vervalt_door_nieuwe_feiten_SS110() =>
        Assert.Equal([(SignaalCode.SS110, A)], Kort(SignaalRegels.EmitSignals(Plichtig(A), Plichtig(A, RegimeUitkomst.Geen), Vandaag)));

    [Fact]
    public void Correctie_SS190_eenmaal_per_gemeente_in_Wi2021_zonder_persoonsgegevens()
    {
        IReadOnlyList<Signaal> s = SignaalRegels.Correctie([A, B, A], Vandaag);
        Assert.Equal([(SignaalCode.SS190, A), (SignaalCode.SS190, B)], Kort(s));
        Assert.All(s, x => Assert.Equal(Regime.Wi2021, x.Regime));
        Assert.All(s, x => Assert.Equal("Correctie: persoon is inburgeringsplichtig onder de Wi2013", x.Toelichting));
        Assert.False(SignaalCatalogus.IsVerwijderbaarDoorGemeente(SignaalCode.SS190));
        Assert.True(SignaalCatalogus.IsVerwijderbaarDoorGemeente(SignaalCode.SS101));
    }

    [Fact]
    public void Verwerk_zet_termijnstart_en_vlaggen()
    {
        PersoonToestand t = SignaalRegels.Verwerk(Plichtig(A) with { AanvangGemeld = false },
            [new(SignaalCode.SS139, A, Regime.Wi2021, D("2022-03-01"), ""), new(SignaalCode.SS127, A, Regime.Wi2021, D("2022-03-01"), "")]);
        Assert.True(t.AanvangGemeld);
        Assert.Equal(D("2022-03-01"), t.TermijnLeerrouteStart);
        Assert.True(t.Ss127Verzonden);
        Assert.False(t.Ss128Verzonden);
        Assert.True(SignaalRegels.Verwerk(t, [new(SignaalCode.SS128, A, Regime.Wi2021, Vandaag, "")]).Ss128Verzonden);
    }

    [Fact]
    public void Catalogus_heeft_een_naam_voor_elke_code() =>
        Assert.All(Enum.GetValues<SignaalCode>(), c => Assert.True(SignaalCatalogus.Alle.ContainsKey(c), c.ToString()));
}
