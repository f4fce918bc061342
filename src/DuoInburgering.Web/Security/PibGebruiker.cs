using System.Security.Claims;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The signed-in user as the portal's handlers see them. A Gemeente user is bound to exactly one
/// municipality; Duo and Auditor users to none.
/// </summary>
public sealed record PibGebruiker(string Id, string Naam, Rol Rol, GemeenteCode? GemeenteCode)
{
    /// <summary>Null when the principal is anonymous or its claims do not make a valid portal user.</summary>
    public static PibGebruiker? Van(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(PibClaims.Gebruiker) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(id)
            || !Enum.TryParse<Rol>(principal.FindFirstValue(PibClaims.Rol), ignoreCase: false, out var rol)
            || !Enum.IsDefined(rol))
        {
            return null;
        }

        var gemeente = principal.FindAll(PibClaims.Gemeente).Select(c => c.Value).Distinct().ToList();
        if (rol == Rol.Gemeente ? gemeente.Count != 1 : gemeente.Count != 0)
        {
            return null;
        }
        // The municipality travels typed from here to the session's SQL: a claim that is no CBS code makes no user.
        GemeenteCode? code = null;
        if (rol == Rol.Gemeente)
        {
            if (!Domain.Identiteit.GemeenteCode.TryParse(gemeente[0], out var geldig))
            {
                return null;
            }
            code = geldig;
        }

        var naam = principal.FindFirstValue(PibClaims.Naam) ?? id;
        return new PibGebruiker(id, naam, rol, code);
    }
}
