using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using static DuoInburgering.Domain.Tests.Signalen.SignaalTestdata;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Pip;

/// <summary>A registered PIP or aanbod goes through the signal and deadline rules, not around them.</summary>
public class PipVastleggingTests
{
    private static readonly DeadlineInstellingen Inst = DeadlineInstellingen.Standaard;

    private static PersoonToestand InTermijn(GemeenteCode g) =>
        Plichtig(g) with { TermijnLeerrouteStart = D("2022-02-01") };

    [Fact]
    public void Eerste_pip_geeft_SS102_aan_de_gemeente_en_houdt_SS126_tegen()
    {
        var toestand = InTermijn(A);
        Assert.Contains(DeadlineRegels.EmitDue(toestand, D("2022-06-01"), Inst), s => s.Code == SignaalCode.SS126);

        var v = PipVastlegging.LegPipVast(toestand, null, PipVan(A, "2022-03-15"), Vandaag);

        Assert.Equal([(SignaalCode.SS102, A)], Kort(v.Signalen));
        Assert.Contains("2022-03-16", v.Signalen[0].Toelichting, StringComparison.Ordinal);
        Assert.Equal(PipVan(A, "2022-03-15"), v.Toestand.HuidigePip);
        Assert.Null(v.VorigePip);
        Assert.DoesNotContain(DeadlineRegels.EmitDue(v.Toestand, D("2022-06-01"), Inst), s => s.Code == SignaalCode.SS126);
    }

    [Fact]
    public void Pip_van_een_andere_gemeente_wordt_de_vorige_en_een_gewijzigd_eigen_pip_niet()
    {
        var metPipA = Plichtig(B) with { HuidigePip = PipVan(A, "2022-02-10") };

        var nieuwB = PipVastlegging.LegPipVast(metPipA, null, PipVan(B, "2022-03-15"), Vandaag);
        Assert.Equal(PipVan(A, "2022-02-10"), nieuwB.VorigePip);
        Assert.Empty(nieuwB.Signalen); // a changed PIP does not restart the inburgeringstermijn

        var gewijzigdB = PipVastlegging.LegPipVast(nieuwB.Toestand, nieuwB.VorigePip, PipVan(B, "2022-03-20"), Vandaag);
        Assert.Equal(PipVan(A, "2022-02-10"), gewijzigdB.VorigePip);
        Assert.Equal(PipVan(B, "2022-03-20"), gewijzigdB.Toestand.HuidigePip);
    }

    [Fact]
    public void Aanbod_houdt_SS127_tegen_en_geeft_zelf_geen_signaal()
    {
        var asiel = new PersoonToestand(RegimeUitkomst.Wi2021, Doelgroep.Asielstatushouder, D("2022-02-01"), D("1990-01-01"), A)
        {
            AanvangGemeld = true, HuidigePip = PipVan(A, "2022-03-01"),
        };
        Assert.Contains(DeadlineRegels.EmitDue(asiel, D("2022-05-01"), Inst), s => s.Code == SignaalCode.SS127);

        var v = PipVastlegging.LegAanbodVast(asiel, null, D("2022-03-20"), Vandaag);

        Assert.Empty(v.Signalen);
        Assert.Equal(D("2022-03-20"), v.Toestand.DatumInburgeringsaanbod);
        Assert.Empty(DeadlineRegels.EmitDue(v.Toestand, D("2022-05-01"), Inst));
    }

    [Fact]
    public void Geparkeerde_persoon_krijgt_geen_signaal()
    {
        var v = PipVastlegging.LegPipVast(InTermijn(A) with { Geparkeerd = true }, null, PipVan(A), Vandaag);
        Assert.Empty(v.Signalen);
    }
}
