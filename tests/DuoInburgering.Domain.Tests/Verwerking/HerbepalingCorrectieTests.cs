using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Verwerking;

/// <summary>Re-deriving after a corrected municipality (issue 5 part 3): no SS122, the new one announced, the episode reported.</summary>
public class HerbepalingCorrectieTests
{
    private static readonly GemeenteCode Azc = GemeenteCode.Parse("GM1706");  // Cranendonck: AZC Budel's address
    private static readonly GemeenteCode Fout = GemeenteCode.Parse("GM0228"); // Ede: the wrong link
    private static readonly GemeenteCode Goed = GemeenteCode.Parse("GM0363"); // Amsterdam: the right one
    private static readonly DateOnly Gekoppeld = D("2024-03-01");
    private static readonly DateOnly Vandaag = D("2024-04-15");

    private static PersoonFeiten InAzc(GemeenteCode gekoppeld, DateOnly datum, string bekendmaking = "2024-02-01") => new(
        Asiel(bekendmaking), null,
        new CoaFeiten("AZC Budel", gekoppeld, datum, null),
        new BrpFeiten(Azc, true, D("2024-02-05"), null, null));

    private static HerbepalingUitkomst Bepaal(PersoonFeiten feiten, PersoonToestand? vorige, bool duo = false) =>
        Herbepaling.Herbepaal(feiten, vorige, _ => false, RegimeRegelsets.Huidig, Vandaag, duo);

    private static PersoonToestand Gepubliceerd(GemeenteCode gekoppeld) =>
        Bepaal(InAzc(gekoppeld, Gekoppeld), null).Gepubliceerd!;

    private static List<(SignaalCode, GemeenteCode)> Kort(HerbepalingUitkomst u) => [.. u.Signalen.Select(s => (s.Code, s.Gemeente))];

    [Fact]
    public void Eerste_bepaling_bewaart_de_grond_van_de_gemeente()
    {
        var t = Gepubliceerd(Fout);
        Assert.Equal(Fout, t.Gemeente);
        Assert.Equal(new KoppelingGrond(KoppelingBron.Coa, Gekoppeld), t.GemeenteGrond);
    }

    [Fact]
    public void Gecorrigeerde_coa_koppeling_geeft_geen_SS122_de_nieuwe_gemeente_de_aanvang_en_een_misplaatsing()
    {
        var u = Bepaal(InAzc(Goed, Gekoppeld), Gepubliceerd(Fout));

        Assert.Equal([(SignaalCode.SS101, Goed)], Kort(u));
        Assert.Equal(Regime.Wi2021, u.Signalen[0].Regime);
        var m = Assert.IsType<Misplaatsing>(u.Misplaatsing);
        Assert.Equal((Fout, (GemeenteCode?)Goed, MisplaatsingOorzaak.CoaCorrectie, Regime.Wi2021), (m.OudeGemeente, m.NieuweGemeente, m.Oorzaak, m.Regime));
        Assert.Equal(Goed, u.Gepubliceerd!.Gemeente);
        Assert.True(u.Gepubliceerd.AanvangGemeld);
    }

    [Fact]
    public void Een_echte_herkoppeling_is_een_verhuizing_met_SS122_en_SS120()
    {
        var u = Bepaal(InAzc(Goed, D("2024-04-01")), Gepubliceerd(Fout));

        Assert.Equal([(SignaalCode.SS122, Fout), (SignaalCode.SS120, Goed)], Kort(u));
        Assert.Null(u.Misplaatsing);
    }

    [Fact]
    public void Een_pip_van_de_verkeerde_gemeente_vervalt_een_pip_van_een_ander_blijft()
    {
        var vanFout = Gepubliceerd(Fout) with { HuidigePip = new PipInfo(Fout, D("2024-03-20"), Leerroute.B1Route) };
        Assert.Null(Bepaal(InAzc(Goed, Gekoppeld), vanFout).Gepubliceerd!.HuidigePip);

        var anderePip = new PipInfo(GemeenteCode.Parse("GM0599"), D("2024-03-20"), Leerroute.B1Route);
        var vanAnder = Gepubliceerd(Fout) with { HuidigePip = anderePip };
        var u = Bepaal(InAzc(Goed, Gekoppeld), vanAnder);
        Assert.Equal(anderePip, u.Gepubliceerd!.HuidigePip);
        Assert.DoesNotContain(u.Signalen, s => s.Gemeente == Fout);
    }

    [Fact]
    public void DUO_correctie_is_altijd_een_correctie_ook_met_een_andere_datum()
    {
        var u = Bepaal(InAzc(Goed, D("2024-04-01")), Gepubliceerd(Fout), duo: true);

        Assert.Equal([(SignaalCode.SS101, Goed)], Kort(u));
        Assert.Equal(MisplaatsingOorzaak.DuoCorrectie, u.Misplaatsing!.Oorzaak);
    }

    [Fact]
    public void Wie_nooit_onder_een_regime_gepubliceerd_werd_was_voor_niemand_zichtbaar_geen_misplaatsing()
    {
        var onbepaald = Bepaal(new PersoonFeiten(Met(Verblijfsdoel.Asiel, null, null), null,
            new CoaFeiten("AZC Budel", Fout, Gekoppeld, null), null), null).Gepubliceerd!;
        Assert.Equal(RegimeUitkomst.Onbepaald, onbepaald.Uitkomst);

        var u = Bepaal(InAzc(Goed, Gekoppeld), onbepaald);

        Assert.Null(u.Misplaatsing);
    }

    [Fact]
    public void Een_gecorrigeerde_COA_koppeling_in_een_gepauzeerde_groep_ontneemt_de_verkeerde_gemeente_de_persoon_meteen()
    {
        var vorige = Gepubliceerd(Fout);
        var gepauzeerd = Herbepaling.Herbepaal(InAzc(Goed, Gekoppeld), vorige, _ => true, RegimeRegelsets.Huidig, Vandaag);
        Assert.Equal(Verwerkingsstatus.Uitgesteld, gepauzeerd.Status);
        Assert.Empty(gepauzeerd.Signalen);
        Assert.Equal((Fout, MisplaatsingOorzaak.CoaCorrectie), (gepauzeerd.Misplaatsing!.OudeGemeente, gepauzeerd.Misplaatsing.Oorzaak));
        Assert.Null(gepauzeerd.Gepubliceerd!.Gemeente);

        // The resume announces the person to the right municipality only; the episode was recorded once.
        var hervat = Bepaal(InAzc(Goed, Gekoppeld), gepauzeerd.Gepubliceerd);
        Assert.Equal([(SignaalCode.SS101, Goed)], Kort(hervat));
        Assert.Null(hervat.Misplaatsing);
    }

    [Fact]
    public void Een_DUO_correctie_in_een_gepauzeerde_groep_ontneemt_de_verkeerde_gemeente_de_persoon_meteen()
    {
        var vorige = Gepubliceerd(Fout) with { HuidigePip = new PipInfo(Fout, D("2024-03-20"), Leerroute.B1Route) };
        var gepauzeerd = Herbepaling.Herbepaal(InAzc(Goed, Gekoppeld), vorige, _ => true, RegimeRegelsets.Huidig, Vandaag, duoCorrectie: true);

        Assert.Equal(Verwerkingsstatus.Uitgesteld, gepauzeerd.Status);
        Assert.Empty(gepauzeerd.Signalen);
        Assert.Equal((Fout, (GemeenteCode?)Goed, MisplaatsingOorzaak.DuoCorrectie),
            (gepauzeerd.Misplaatsing!.OudeGemeente, gepauzeerd.Misplaatsing.NieuweGemeente, gepauzeerd.Misplaatsing.Oorzaak));
        Assert.Equal(((GemeenteCode?)null, false, (PipInfo?)null),
            (gepauzeerd.Gepubliceerd!.Gemeente, gepauzeerd.Gepubliceerd.AanvangGemeld, gepauzeerd.Gepubliceerd.HuidigePip));

        // The resume announces the person to the right municipality only, as a first announcement.
        var hervat = Bepaal(InAzc(Goed, Gekoppeld), gepauzeerd.Gepubliceerd);
        Assert.Equal([(SignaalCode.SS101, Goed)], Kort(hervat));
        Assert.Null(hervat.Misplaatsing);
    }
}
