using System.Globalization;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Verwerking;

/// <summary>
/// Config section <c>Deadlines</c>: <c>Ingeschakeld</c> (default true), <c>Tijdstip</c> (local time in
/// Europe/Amsterdam, default "02:00") and the <see cref="DeadlineInstellingen"/> by their property
/// names, with the defaults of <see cref="DeadlineInstellingen.Standaard"/>.
/// </summary>
public sealed record DeadlineOpties(bool Ingeschakeld, TimeOnly Tijdstip, DeadlineInstellingen Instellingen)
{
    public const string Sectie = "Deadlines";

    public static DeadlineOpties Lees(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sectie = configuration.GetSection(Sectie);
        var standaard = DeadlineInstellingen.Standaard;
        var tekst = sectie["Tijdstip"] ?? "02:00";
        if (!TimeOnly.TryParseExact(tekst, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var tijdstip))
        {
            throw new PibConfigurationException($"Deadlines:Tijdstip '{tekst}' is geen tijd; gebruik UU:mm, bijvoorbeeld 02:00.");
        }
        var instellingen = new DeadlineInstellingen(
            Positief(sectie, nameof(DeadlineInstellingen.LeerrouteTermijnDagen), standaard.LeerrouteTermijnDagen),
            Positief(sectie, nameof(DeadlineInstellingen.AanbodWachttijdDagen), standaard.AanbodWachttijdDagen),
            Positief(sectie, nameof(DeadlineInstellingen.AowVooraankondigingMaanden), standaard.AowVooraankondigingMaanden));
        return new DeadlineOpties(sectie.GetValue("Ingeschakeld", true), tijdstip, instellingen);
    }

    private static int Positief(IConfigurationSection sectie, string naam, int standaard)
    {
        var waarde = sectie.GetValue(naam, standaard);
        return waarde > 0
            ? waarde
            : throw new PibConfigurationException($"Deadlines:{naam} moet groter dan 0 zijn.");
    }
}
