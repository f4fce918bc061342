using System.Text.Json;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Features.Start;
using DuoInburgering.Web.Features.Personen;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>
/// The start page and the person page hand their data from prerendering to the interactive render
/// ([PersistentState], JSON with web defaults), so they are read and recorded once per visit; a type
/// that does not survive the round trip would break the circuit at start.
/// </summary>
public sealed class WeergaveSerialisatieTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static void RondeGaatGoed<T>(T waarde)
    {
        var json = JsonSerializer.Serialize(waarde, Web);
        var terug = JsonSerializer.Deserialize<T>(json, Web);
        Assert.Equal(json, JsonSerializer.Serialize(terug, Web));
    }

    [Fact]
    public void The_person_page_survives_the_round_trip() => RondeGaatGoed(new PersoonWeergave(
        "300000017", "Amina Bakkali", new DateOnly(1990, 5, 1), "Gezinsmigrant", "Wi2021", "reden", "2022-03",
        new DateOnly(2026, 3, 1), null, "Amsterdam",
        new PipWeergave("Amsterdam", true, new DateOnly(2026, 4, 20), "B1-route", "B1", new DateOnly(2026, 4, 21), new DateOnly(2029, 4, 20)),
        new DateOnly(2026, 4, 25),
        [new SignaalWeergave("SS139", "naam", "Wi2021", new DateOnly(2026, 4, 1), "toelichting", false)],
        new PipContext(RegimeUitkomst.Wi2021, Doelgroep.Gezinsmigrant, new DateOnly(2026, 3, 1), null, null, new DateOnly(2026, 4, 20))));

    [Fact]
    public void The_start_page_survives_the_round_trip() => RondeGaatGoed(new StartGegevens(
        "Amsterdam", new DateOnly(2026, 6, 15),
        [new OmgevingTelling(Regime.Wi2021, [new CodeTelling("SS139", "naam", 3, 4)]), new OmgevingTelling(Regime.Wi2013, [])],
        new Aankomsten(["2026-W24", "2026-W25"], [new AankomstReeks(Regime.Wi2021, [1, 2])]),
        [new TermijnRegel("300000017", "Amina Bakkali", new DateOnly(2026, 5, 4), new DateOnly(2026, 7, 13), 28)]));
}
