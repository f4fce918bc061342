using System.Security.Claims;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Security;

/// <summary>Why a login from the provider is not let in; each reason has its own Dutch page.</summary>
public enum OidcWeigering
{
    NiveauTeLaag,
    OnbekendeRol,
    GeenGemeente,
}

/// <summary>
/// From the provider's id token to the portal's own principal (<see cref="PibPrincipal"/>), or the reason
/// the login is refused. The provider sends the claims of <see cref="PibClaims"/>; the assurance level may
/// also come as 'acr', the municipality as its OIN.
/// </summary>
public static class OidcVertaling
{
    public const string AuthenticatieType = "oidc";

    public static (ClaimsPrincipal? Principal, OidcWeigering? Weigering) Vertaal(
        ClaimsPrincipal vanProvider, OidcOpties opties, Func<string, bool> gemeenteBestaat)
    {
        var niveau = Betrouwbaarheidsniveaus.Lees(vanProvider.FindFirstValue(PibClaims.Betrouwbaarheidsniveau) ?? vanProvider.FindFirstValue("acr"));
        if (niveau is not { } n || n < Betrouwbaarheidsniveaus.Minimum)
        {
            return (null, OidcWeigering.NiveauTeLaag);
        }
        var id = vanProvider.FindFirstValue(PibClaims.Gebruiker);
        if (string.IsNullOrWhiteSpace(id)
            || !Enum.TryParse<Rol>(vanProvider.FindFirstValue(PibClaims.Rol), ignoreCase: false, out var rol)
            || !Enum.IsDefined(rol))
        {
            return (null, OidcWeigering.OnbekendeRol);
        }
        string? gemeente = null;
        if (rol == Rol.Gemeente)
        {
            var codes = vanProvider.FindAll(PibClaims.Gemeente).Select(c => c.Value)
                .Concat(vanProvider.FindAll(PibClaims.Oin).Select(c => opties.OinGemeenten.GetValueOrDefault(c.Value) ?? "?"))
                .Distinct().ToList();
            // Exactly one municipality, and one the portal knows: a caseworker never sees two.
            if (codes.Count != 1 || !gemeenteBestaat(codes[0]))
            {
                return (null, OidcWeigering.GeenGemeente);
            }
            gemeente = codes[0];
        }
        var naam = vanProvider.FindFirstValue(PibClaims.Naam) ?? id;
        return (PibPrincipal.Maak(id, naam, rol, gemeente, n, AuthenticatieType), null);
    }

    public static string Pagina(OidcWeigering weigering) => weigering switch
    {
        OidcWeigering.NiveauTeLaag => "/inloggen/niveau-te-laag",
        OidcWeigering.OnbekendeRol => "/inloggen/geweigerd?reden=rol",
        _ => "/inloggen/geweigerd?reden=gemeente",
    };
}
