using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Pip;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Koppeling;

public class VerantwoordelijkheidTests
{
    private static readonly GemeenteCode Amsterdam = GemeenteCode.Parse("GM0363");
    private static readonly GemeenteCode Rotterdam = GemeenteCode.Parse("GM0599");

    private static GemeenteCode? G(string? code) => code is null ? null : GemeenteCode.Parse(code);

    private static PipInfo? Pip(string? g, string? dag) => g is not null && dag is not null ? new(GemeenteCode.Parse(g), D(dag), Leerroute.B1Route) : null;

    private const string Ams = "GM0363", Rdam = "GM0599", Utr = "GM0344";

    /// <summary>Amsterdam asks; the person belongs to <paramref name="nu"/>.</summary>
    public static TheoryData<string, string?, string?, string?, string?, string?, string, Bevoegdheid> Gevallen() => new()
    {
        { "hoort nu bij Amsterdam", Ams, null, null, null, null, "2022-05-01", Bevoegdheid.Handelen },
        { "hoort nu bij Amsterdam, PIP van Rotterdam", Ams, Rdam, "2022-01-10", null, null, "2022-05-01", Bevoegdheid.Handelen },
        { "eigen actueel PIP na verhuizing", Rdam, Ams, "2022-01-10", null, null, "2023-05-01", Bevoegdheid.AlleenInzien },
        { "eigen actueel PIP, geen gemeente meer", null, Ams, "2022-01-10", null, null, "2023-05-01", Bevoegdheid.AlleenInzien },
        { "vorig PIP, actueel PIP jonger dan een maand", Rdam, Rdam, "2022-04-10", Ams, "2021-06-01", "2022-05-09", Bevoegdheid.AlleenInzien },
        { "vorig PIP, actueel PIP een maand oud", Rdam, Rdam, "2022-04-10", Ams, "2021-06-01", "2022-05-10", Bevoegdheid.Geen },
        { "geen band", Rdam, Utr, "2022-04-10", Rdam, "2021-06-01", "2022-05-01", Bevoegdheid.Geen },
        { "geen gemeente, geen PIP", null, null, null, null, null, "2022-05-01", Bevoegdheid.Geen },
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Alleen_de_gemeente_waar_de_persoon_nu_hoort_handelt(
        string geval, string? nu, string? pipGemeente, string? pipDag, string? vorigeGemeente, string? vorigeDag,
        string vandaag, Bevoegdheid verwacht)
    {
        var besluit = Verantwoordelijkheid.Bepaal(Amsterdam, G(nu), Pip(pipGemeente, pipDag), Pip(vorigeGemeente, vorigeDag), D(vandaag), "Rotterdam");

        Assert.True(verwacht == besluit.Bevoegdheid, geval);
        Assert.Equal(Verantwoordelijkheid.Versie, besluit.Versie);
        Assert.False(string.IsNullOrWhiteSpace(besluit.Uitleg));
        Assert.DoesNotContain('\n', besluit.Uitleg);
        // Seeing is not acting, and acting implies seeing.
        Assert.Equal(verwacht != Bevoegdheid.Geen, besluit.MagZien);
        Assert.Equal(verwacht == Bevoegdheid.Handelen, besluit.MagHandelen);
        Assert.Equal(besluit.MagZien,
            Zichtbaarheid.MagZien(Amsterdam, G(nu), Pip(pipGemeente, pipDag), Pip(vorigeGemeente, vorigeDag), D(vandaag)));
    }

    [Fact]
    public void Alleen_inzien_noemt_de_verantwoordelijke_gemeente()
    {
        var besluit = Verantwoordelijkheid.Bepaal(Amsterdam, Rotterdam, Pip(Ams, "2022-01-10"), null, D("2022-05-01"), "Rotterdam");

        Assert.Equal(
            "Alleen de gemeente waar de persoon nu woont of aan wie het COA de persoon heeft gekoppeld (Rotterdam) legt een PIP of inburgeringsaanbod vast; uw gemeente mag deze persoon nog inzien.",
            besluit.Uitleg);
    }

    [Fact]
    public void Zonder_naam_staat_de_code_in_de_uitleg() =>
        Assert.Contains("(GM0599)", Verantwoordelijkheid.Bepaal(Amsterdam, Rotterdam, Pip(Ams, "2022-01-10"), null, D("2022-05-01")).Uitleg);
}
