namespace DuoInburgering.Web.Security;

/// <summary>
/// The claims the portal reads from a sign-in, whatever the scheme (OpenID Connect in production,
/// the demo login in Development). The identity provider maps eHerkenning attributes onto these.
/// </summary>
public static class PibClaims
{
    /// <summary>Stable user identifier ("sub" of the identity provider).</summary>
    public const string Gebruiker = "sub";

    public const string Naam = "name";

    /// <summary>One of <see cref="Data.Rol"/>: Gemeente, Duo or Auditor.</summary>
    public const string Rol = "pib_rol";

    /// <summary>CBS municipality code (GM0363) of a Gemeente user.</summary>
    public const string Gemeente = "pib_gemeente";

    /// <summary>OIN of the municipality, accepted instead of the code when the provider sends only that.</summary>
    public const string Oin = "pib_oin";

    /// <summary>Assurance level of the login (eIDAS/eHerkenning): laag, substantieel or hoog.</summary>
    public const string Betrouwbaarheidsniveau = "loa";
}
