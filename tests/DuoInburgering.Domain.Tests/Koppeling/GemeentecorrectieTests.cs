using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Koppeling;

/// <summary>Issue 5 part 3: a change of municipality is a correction or a move (Gemeentecorrectie's table).</summary>
public class GemeentecorrectieTests
{
    private const string A = "GM0228"; // Ede: the AZC's municipality, or the first link
    private const string B = "GM0363"; // Amsterdam

    private static GemeenteCode? G(string? code) => code is null ? null : GemeenteCode.Parse(code);

    private static KoppelingGrond? Grond(string? bron, string? datum) =>
        bron is null ? null : new KoppelingGrond(Enum.Parse<KoppelingBron>(bron), Dn(datum));

    public static TheoryData<string, string?, string?, string?, string?, string?, string?, bool, string?> Gevallen => new()
    {
        // naam, oud, oude bron, oude datum, nieuw, nieuwe bron, nieuwe datum, DUO-correctie, verwachte oorzaak (null = verhuizing, "-" = geen wissel)
        { "COA corrigeert de koppeling: zelfde datum, andere gemeente", A, "Coa", "2024-03-01", B, "Coa", "2024-03-01", false, "CoaCorrectie" },
        { "COA koppelt opnieuw: andere datum", A, "Coa", "2024-03-01", B, "Coa", "2024-06-01", false, null },
        { "BRP corrigeert de inschrijving: zelfde vestigingsdatum", A, "Brp", "2024-03-01", B, "Brp", "2024-03-01", false, "BrpCorrectie" },
        { "BRP: verhuisd met nieuwe vestigingsdatum", A, "Brp", "2024-03-01", B, "Brp", "2024-09-01", false, null },
        { "uitstroom uit het COA naar een BRP-gemeente: verhuizing, ook met dezelfde datum", A, "Coa", "2024-03-01", B, "Brp", "2024-03-01", false, null },
        { "zonder datum valt niets te vergelijken: verhuizing", A, "Coa", null, B, "Coa", null, false, null },
        { "oude grond onbekend (van vóór de registratie): verhuizing", A, null, null, B, "Coa", "2024-03-01", false, null },
        { "DUO-correctie is altijd een correctie", A, "Brp", "2024-03-01", B, "Brp", "2024-09-01", true, "DuoCorrectie" },
        { "DUO-correctie naar geen gemeente is ook een correctie", A, "Coa", "2024-03-01", null, null, null, true, "DuoCorrectie" },
        { "vertrek naar geen gemeente: verhuizing", A, "Brp", "2024-03-01", null, null, null, false, null },
        { "zelfde gemeente: geen wissel", A, "Coa", "2024-03-01", A, "Coa", "2024-03-01", false, "-" },
        { "zelfde gemeente bij DUO-correctie: geen wissel", A, "Coa", "2024-03-01", A, "Brp", "2024-05-01", true, "-" },
        { "eerste gemeente: geen wissel", null, null, null, B, "Coa", "2024-03-01", false, "-" },
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Wissel_is_correctie_of_verhuizing(string naam, string? oud, string? oudeBron, string? oudeDatum,
        string? nieuw, string? nieuweBron, string? nieuweDatum, bool duo, string? oorzaak)
    {
        var koppeling = new GemeenteKoppeling(G(nieuw), "test") { Grond = Grond(nieuweBron, nieuweDatum) };

        var wissel = Gemeentecorrectie.Beoordeel(G(oud), Grond(oudeBron, oudeDatum), koppeling, duo);

        if (oorzaak == "-")
        {
            Assert.True(wissel is null, naam);
            return;
        }
        Assert.NotNull(wissel);
        Assert.Equal(oorzaak, wissel.Oorzaak?.ToString());
        Assert.Equal(oorzaak is not null, wissel.IsCorrectie);
        Assert.Equal((G(oud), G(nieuw)), (wissel.Oud, wissel.Nieuw));
        Assert.False(string.IsNullOrWhiteSpace(wissel.Uitleg));
        Assert.Contains(oorzaak is null ? "Verhuizing" : "geen verhuizing", wissel.Uitleg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void De_uitleg_noemt_bron_datum_en_beide_gemeenten()
    {
        var koppeling = new GemeenteKoppeling(G(B), "test") { Grond = new KoppelingGrond(KoppelingBron.Coa, D("2024-03-01")) };
        var wissel = Gemeentecorrectie.Beoordeel(G(A), new KoppelingGrond(KoppelingBron.Coa, D("2024-03-01")), koppeling, false)!;
        Assert.Equal("Correctie, geen verhuizing: het COA corrigeert de koppeling van 2024-03-01 van GM0228 naar GM0363; GM0228 had de persoon nooit mogen zien.",
            wissel.Uitleg);
    }

    [Fact]
    public void De_koppelingsregel_geeft_de_grond_mee()
    {
        var coa = Koppelingsregel.BepaalGemeente(new CoaFeiten("AZC Budel", G(B), D("2024-03-01"), null),
            new BrpFeiten(G("GM1706"), true, D("2024-01-10"), null, null));
        Assert.Equal(new KoppelingGrond(KoppelingBron.Coa, D("2024-03-01")), coa.Grond);

        var brp = Koppelingsregel.BepaalGemeente(null, new BrpFeiten(G(A), false, D("2024-01-10"), null, null));
        Assert.Equal(new KoppelingGrond(KoppelingBron.Brp, D("2024-01-10")), brp.Grond);

        Assert.Null(Koppelingsregel.BepaalGemeente(new CoaFeiten("AZC Budel", null, null, null), null).Grond);
    }
}
