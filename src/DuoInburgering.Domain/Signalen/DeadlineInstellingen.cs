namespace DuoInburgering.Domain.Signalen;

/// <summary>Clock-driven signal settings (docs/domain.md: "Deadlines run on a clock the tests can move").</summary>
/// <param name="LeerrouteTermijnDagen">SS126: days after the SS139 term start without a PIP (10 weeks).</param>
/// <param name="AanbodWachttijdDagen">SS127: days after the PIP dagtekening without an inburgeringsaanbod (default 4 weeks).</param>
/// <param name="AowVooraankondigingMaanden">SS128: months before the AOW date.</param>
public sealed record DeadlineInstellingen(
    int LeerrouteTermijnDagen = 70,
    int AanbodWachttijdDagen = 28,
    int AowVooraankondigingMaanden = 6)
{
    public static DeadlineInstellingen Standaard { get; } = new();
}
