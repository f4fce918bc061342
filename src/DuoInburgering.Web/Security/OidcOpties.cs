namespace DuoInburgering.Web.Security;

/// <summary>
/// Configuration section Authenticatie:Oidc. With an Authority the portal signs users in through that
/// OpenID Connect provider (authorization code flow with PKCE); Production refuses to start without one.
/// </summary>
public sealed class OidcOpties
{
    public const string Sectie = "Authenticatie:Oidc";

    public string? Authority { get; set; }
    public string ClientId { get; set; } = "pib-portaal";
    public string? ClientSecret { get; set; }

    /// <summary>Only for tests and local providers over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// OIN (20 digits) → CBS code (GM0363), for providers that send only the organisation's OIN. The
    /// gemeente table has no OIN column and a municipal OIN ("00000001" + RSIN + "000") cannot be derived
    /// from the CBS code, so the mapping is configuration: Authenticatie__Oidc__OinGemeenten__{OIN}=GM0363.
    /// </summary>
    public Dictionary<string, string> OinGemeenten { get; set; } = [];

    public bool IsIngesteld => !string.IsNullOrWhiteSpace(Authority);
}
