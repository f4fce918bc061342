using System.Security.Claims;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The one shape of a signed-in portal user, whatever the way in (OpenID Connect, the Development
/// login, a test): only the claims of <see cref="PibClaims"/>, so the session cookie stays small and
/// holds nothing the portal does not read.
/// </summary>
public static class PibPrincipal
{
    public static ClaimsPrincipal Maak(string id, string naam, Rol rol, string? gemeenteCode,
        Betrouwbaarheidsniveau niveau, string authenticatieType)
    {
        var identity = new ClaimsIdentity(authenticatieType, PibClaims.Naam, PibClaims.Rol);
        identity.AddClaim(new Claim(PibClaims.Gebruiker, id));
        identity.AddClaim(new Claim(PibClaims.Naam, naam));
        identity.AddClaim(new Claim(PibClaims.Rol, rol.ToString()));
        if (gemeenteCode is not null)
        {
            identity.AddClaim(new Claim(PibClaims.Gemeente, gemeenteCode));
        }
        identity.AddClaim(new Claim(PibClaims.Betrouwbaarheidsniveau, niveau.Claimwaarde()));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A demo user of the Development login, at assurance level substantieel.</summary>
    public static ClaimsPrincipal VoorDemo(Gebruiker gebruiker) =>
        Maak(gebruiker.Gebruikersnaam, gebruiker.Naam, gebruiker.Rol, gebruiker.GemeenteCode,
            Betrouwbaarheidsniveau.Substantieel, "demo");

    /// <summary>
    /// The portal user of a session, or null when the session may not be used: anonymous, claims that do
    /// not make a <see cref="PibGebruiker"/>, or a login below <see cref="Betrouwbaarheidsniveaus.Minimum"/>.
    /// The level is checked again here so no way in can skip the check at sign-in.
    /// </summary>
    public static PibGebruiker? Geldig(ClaimsPrincipal? principal) =>
        Betrouwbaarheidsniveaus.IsVoldoende(principal?.FindFirstValue(PibClaims.Betrouwbaarheidsniveau))
            ? PibGebruiker.Van(principal)
            : null;
}
