using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using static DuoInburgering.Domain.Tests.Signalen.SignaalTestdata;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Signalen;

/// <summary>SS101 / SS128 / SS139: the first message about an obligation.</summary>
public class AanvangSignaalTests
{
    [Fact]
    public void Wi2021_gezinsmigrant_krijgt_SS139()
    {
        IReadOnlyList<Signaal> s = SignaalRegels.EmitSignals(null, Plichtig(A) with { AanvangGemeld = false }, Vandaag);
        Signaal enig = Assert.Single(s);
        Assert.Equal((SignaalCode.SS139, A, Regime.Wi2021, Vandaag), (enig.Code, enig.Gemeente, enig.Regime, enig.Datum));
    }

    [Fact]
    public void Wi2013_krijgt_SS101_in_Wi2013_omgeving()
    {
        Signaal enig = Assert.Single(SignaalRegels.EmitSignals(null, Plichtig(A, RegimeUitkomst.Wi2013), Vandaag));
        Assert.Equal(SignaalCode.SS101, enig.Code);
        Assert.Equal(Regime.Wi2013, enig.Regime);
        Assert.Equal("Persoon is inburgeringsplichtig", enig.Naam);
    }

    [Fact]
    public void Asielstatushouder_nog_in_coa_krijgt_SS101_en_SS139_bij_uitstroom()
    {
        Assert.Equal([(SignaalCode.SS101, A)], Kort(SignaalRegels.EmitSignals(null, AsielInCoa(A), Vandaag)));
        Assert.Equal([(SignaalCode.SS139, A)], Kort(SignaalRegels.EmitSignals(AsielInCoa(A), AsielInCoa(A) with { VerblijftInCoa = false }, Vandaag)));
    }

    [Fact]
    public void Uitstroom_naar_andere_gemeente_is_een_verhuizing_geen_SS139() =>
        Assert.Equal([(SignaalCode.SS122, A), (SignaalCode.SS120, B)],
            Kort(SignaalRegels.EmitSignals(AsielInCoa(A), AsielInCoa(B) with { VerblijftInCoa = false }, Vandaag)));

    [Theory]
    [InlineData("2022-02-15", SignaalCode.SS128)]
    [InlineData("2022-01-31", SignaalCode.SS139)]
    public void Aow_binnen_zes_maanden_geeft_SS128(string vandaag, SignaalCode verwacht)
    {
        // Born 1956-01-01: AOW age in 2022 is 66+7m → AOW date 2022-08-01.
        PersoonToestand t = Plichtig(A) with { Geboortedatum = D("1956-01-01"), AanvangGemeld = false };
        Assert.Equal(verwacht, Assert.Single(SignaalRegels.EmitSignals(null, t, D(vandaag))).Code);
    }

    [Fact]
    public void Zonder_gemeente_niets_en_eerste_koppeling_geeft_aanvang()
    {
        PersoonToestand ongekoppeld = AsielInCoa(null) with { AanvangGemeld = false };
        Assert.Empty(SignaalRegels.EmitSignals(null, ongekoppeld, Vandaag));
        Assert.Equal([(SignaalCode.SS101, A)], Kort(SignaalRegels.EmitSignals(ongekoppeld, ongekoppeld with { Gemeente = A }, Vandaag)));
    }

    [Theory]
    [InlineData(RegimeUitkomst.Geen)]
    [InlineData(RegimeUitkomst.Onbepaald)]
    public void Niet_plichtig_geeft_niets(RegimeUitkomst u) =>
        Assert.Empty(SignaalRegels.EmitSignals(null, Plichtig(A, u), Vandaag));

    [Fact]
    public void Onbepaald_wordt_plichtig_geeft_aanvang() =>
        Assert.Equal([(SignaalCode.SS101, A)],
            Kort(SignaalRegels.EmitSignals(Plichtig(A, RegimeUitkomst.Onbepaald), Plichtig(A, RegimeUitkomst.Wi2013), Vandaag)));

    [Fact]
    public void Geparkeerd_geeft_niets_en_vrijgave_geeft_aanvang_onder_nieuw_regime()
    {
        PersoonToestand geparkeerd = Plichtig(A, RegimeUitkomst.Wi2013) with { Geparkeerd = true };
        Assert.Empty(SignaalRegels.EmitSignals(Plichtig(A), geparkeerd, Vandaag));
        Signaal s = Assert.Single(SignaalRegels.EmitSignals(geparkeerd, geparkeerd with { Geparkeerd = false }, Vandaag));
        Assert.Equal((SignaalCode.SS101, Regime.Wi2013), (s.Code, s.Regime));
    }

    [Fact]
    public void Regimewissel_zonder_parkeren_meldt_aan_in_nieuwe_omgeving()
    {
        Signaal s = Assert.Single(SignaalRegels.EmitSignals(Plichtig(A), Plichtig(A, RegimeUitkomst.Wi2013), Vandaag));
        Assert.Equal((SignaalCode.SS101, Regime.Wi2013), (s.Code, s.Regime));
    }
}
