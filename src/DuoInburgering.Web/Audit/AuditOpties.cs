using System.Globalization;
using System.Text;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Audit;

/// <summary>
/// Config section <c>Audit</c>: <c>BsnSleutel</c> (the HMAC key that pseudonymises BSNs, at least 32
/// characters), <c>Bewaartermijnen:&lt;AuditSoort&gt;</c> (days an entry of that kind is kept; a kind without
/// one is kept), <c>Onderhoud:Ingeschakeld</c> (default true) and <c>Onderhoud:Tijdstip</c> (daily purge and
/// chain check, Europe/Amsterdam, default 03:00).
/// </summary>
public sealed record AuditOpties(
    byte[]? BsnSleutel, IReadOnlyDictionary<AuditSoort, int> BewaartermijnDagen, bool OnderhoudIngeschakeld, TimeOnly OnderhoudTijdstip)
{
    public const string Sectie = "Audit";

    /// <summary>How often queued disclosures are moved into the chain (<see cref="AuditWachtrijJob"/>).</summary>
    public TimeSpan WachtrijInterval { get; init; } = TimeSpan.FromSeconds(1);
    public const int MinimaleSleutellengte = 32;

    /// <summary>Development and tests only: a search in those environments finds what they wrote.</summary>
    public const string DemoSleutel = "demo-sleutel-audit-bsn-niet-voor-productie-0001";

    public static readonly AuditOpties Demo =
        new(Encoding.UTF8.GetBytes(DemoSleutel), new Dictionary<AuditSoort, int>(), true, new TimeOnly(3, 0));

    /// <param name="sleutelVerplicht">Production: no key is a configuration error (the portal refuses to start).</param>
    /// <param name="demoToegestaan">Development and tests: no key means <see cref="DemoSleutel"/>.</param>
    public static AuditOpties Lees(IConfiguration configuration, bool sleutelVerplicht, bool demoToegestaan)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sectie = configuration.GetSection(Sectie);
        var tekst = sectie["BsnSleutel"];
        if (string.IsNullOrEmpty(tekst))
        {
            if (sleutelVerplicht)
            {
                throw new PibConfigurationException(
                    "geen sleutel voor het pseudonimiseren van BSN's in de auditlog: zet Audit__BsnSleutel (minstens 32 tekens).");
            }
            tekst = demoToegestaan ? DemoSleutel : null;
        }
        else if (tekst.Length < MinimaleSleutellengte)
        {
            throw new PibConfigurationException($"Audit__BsnSleutel is te kort: gebruik minstens {MinimaleSleutellengte} tekens.");
        }

        var termijnen = new Dictionary<AuditSoort, int>();
        foreach (var kind in sectie.GetSection("Bewaartermijnen").GetChildren())
        {
            if (!Enum.TryParse<AuditSoort>(kind.Key, ignoreCase: true, out var soort) || !Enum.IsDefined(soort))
            {
                throw new PibConfigurationException(
                    $"Audit:Bewaartermijnen:{kind.Key} is geen soort auditregel. Geldig: {string.Join(", ", Enum.GetNames<AuditSoort>())}.");
            }
            if (!int.TryParse(kind.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var dagen) || dagen < 1)
            {
                throw new PibConfigurationException($"Audit:Bewaartermijnen:{kind.Key} moet een aantal dagen (1 of meer) zijn.");
            }
            termijnen[soort] = dagen;
        }

        var tijdstipTekst = sectie["Onderhoud:Tijdstip"] ?? "03:00";
        if (!TimeOnly.TryParseExact(tijdstipTekst, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var tijdstip))
        {
            throw new PibConfigurationException($"Audit:Onderhoud:Tijdstip '{tijdstipTekst}' is geen tijd; gebruik UU:mm, bijvoorbeeld 03:00.");
        }
        return new AuditOpties(tekst is null ? null : Encoding.UTF8.GetBytes(tekst), termijnen,
            sectie.GetValue("Onderhoud:Ingeschakeld", true), tijdstip);
    }
}
