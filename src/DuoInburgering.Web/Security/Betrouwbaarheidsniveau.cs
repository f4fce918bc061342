namespace DuoInburgering.Web.Security;

/// <summary>Assurance level of a login, in eIDAS terms (eHerkenning EH2+ and lower is Laag, EH3 Substantieel, EH4 Hoog).</summary>
public enum Betrouwbaarheidsniveau
{
    Laag,
    Substantieel,
    Hoog,
}

public static class Betrouwbaarheidsniveaus
{
    /// <summary>
    /// The portal discloses personal data (name, BSN), which needs at least substantieel (eIDAS) or EH3
    /// (eHerkenning), per the Baseline Informatiebeveiliging Overheid and the issue.
    /// </summary>
    public const Betrouwbaarheidsniveau Minimum = Betrouwbaarheidsniveau.Substantieel;

    // The spellings a provider or broker may send in 'loa' or 'acr': the Dutch names, eIDAS's English
    // names and URIs, eHerkenning's EH levels and its urn:etoegang assurance classes. Compared ignoring case.
    private static readonly Dictionary<string, Betrouwbaarheidsniveau> Waarden = new(StringComparer.OrdinalIgnoreCase)
    {
        ["laag"] = Betrouwbaarheidsniveau.Laag,
        ["low"] = Betrouwbaarheidsniveau.Laag,
        ["http://eidas.europa.eu/LoA/low"] = Betrouwbaarheidsniveau.Laag,
        ["EH1"] = Betrouwbaarheidsniveau.Laag,
        ["EH2"] = Betrouwbaarheidsniveau.Laag,
        ["EH2+"] = Betrouwbaarheidsniveau.Laag,
        ["urn:etoegang:core:assurance-class:loa1"] = Betrouwbaarheidsniveau.Laag,
        ["urn:etoegang:core:assurance-class:loa2"] = Betrouwbaarheidsniveau.Laag,
        ["urn:etoegang:core:assurance-class:loa2plus"] = Betrouwbaarheidsniveau.Laag,
        ["substantieel"] = Betrouwbaarheidsniveau.Substantieel,
        ["substantial"] = Betrouwbaarheidsniveau.Substantieel,
        ["http://eidas.europa.eu/LoA/substantial"] = Betrouwbaarheidsniveau.Substantieel,
        ["EH3"] = Betrouwbaarheidsniveau.Substantieel,
        ["urn:etoegang:core:assurance-class:loa3"] = Betrouwbaarheidsniveau.Substantieel,
        ["hoog"] = Betrouwbaarheidsniveau.Hoog,
        ["high"] = Betrouwbaarheidsniveau.Hoog,
        ["http://eidas.europa.eu/LoA/high"] = Betrouwbaarheidsniveau.Hoog,
        ["EH4"] = Betrouwbaarheidsniveau.Hoog,
        ["urn:etoegang:core:assurance-class:loa4"] = Betrouwbaarheidsniveau.Hoog,
    };

    /// <summary>Null for a missing or unknown value: the portal then treats the login as too weak.</summary>
    public static Betrouwbaarheidsniveau? Lees(string? waarde) =>
        waarde is not null && Waarden.TryGetValue(waarde.Trim(), out var niveau) ? niveau : null;

    public static bool IsVoldoende(string? waarde) => Lees(waarde) >= Minimum;

    /// <summary>The value the portal stores in its own session cookie (claim <see cref="PibClaims.Betrouwbaarheidsniveau"/>).</summary>
    public static string Claimwaarde(this Betrouwbaarheidsniveau niveau) => niveau.ToString().ToLowerInvariant();
}
