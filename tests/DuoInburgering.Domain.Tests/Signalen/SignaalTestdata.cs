using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Signalen;

internal static class SignaalTestdata
{
    public static readonly GemeenteCode A = GemeenteCode.Parse("GM0363");
    public static readonly GemeenteCode B = GemeenteCode.Parse("GM0599");
    public static readonly DateOnly Vandaag = D("2022-04-01");

    public static PersoonToestand Plichtig(GemeenteCode? g, RegimeUitkomst u = RegimeUitkomst.Wi2021) =>
        new(u, Doelgroep.Gezinsmigrant, D("2022-02-01"), D("1990-01-01"), g) { AanvangGemeld = true };

    public static PersoonToestand AsielInCoa(GemeenteCode? g) =>
        new(RegimeUitkomst.Wi2021, Doelgroep.Asielstatushouder, D("2022-02-01"), D("1990-01-01"), g) { VerblijftInCoa = true, AanvangGemeld = true };

    public static PipInfo PipVan(GemeenteCode g, string dag = "2022-03-15") => new(g, D(dag), Leerroute.B1Route);

    public static IReadOnlyList<(SignaalCode Code, GemeenteCode Gemeente)> Kort(IReadOnlyList<Signaal> s) =>
        s.Select(x => (x.Code, x.Gemeente)).ToList();
}
