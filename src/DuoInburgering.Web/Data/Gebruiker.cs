namespace DuoInburgering.Web.Data;

public enum Rol
{
    Gemeente,
    Duo,
    Auditor,
}

/// <summary>
/// A portal user as known to the portal. In production the identity comes from the OpenID Connect
/// provider; this table holds the demo users of Development and the binding of a user to a municipality.
/// </summary>
public sealed class Gebruiker
{
    public int Id { get; init; }
    public required string Gebruikersnaam { get; init; }
    public required string Naam { get; set; }
    public Rol Rol { get; set; }

    /// <summary>Set for role Gemeente only: the one municipality this user works for.</summary>
    public string? GemeenteCode { get; set; }
}
