using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Security;

/// <summary>
/// Authorization as data: which paths anyone may open and which role each area of the portal needs.
/// Read by the default and fallback policy (<see cref="PibToegangVereiste"/>), so a new page or download
/// under /gemeente is closed to other roles even when its author forgets an attribute.
/// </summary>
public static class PibGebieden
{
    /// <summary>
    /// Open without sign-in ("/" exactly; the others with everything below them). The fact endpoints
    /// check their own key (X-Pib-Sleutel); Blazor's circuit and script carry no data of their own,
    /// every page is authorised again when it renders in the circuit.
    /// </summary>
    private static readonly string[] Openbaar =
    [
        "/health", "/api/feiten", "/inloggen", "/uitloggen", "/uitgelogd", "/sessie-verlopen",
        "/geen-toegang", "/niet-gevonden", "/fout", "/_blazor", "/_framework",
    ];

    private static readonly (string Pad, Rol Rol)[] Gebieden =
    [
        ("/gemeente", Rol.Gemeente),
        ("/duo", Rol.Duo),
        ("/audit", Rol.Auditor),
    ];

    public static bool IsOpenbaar(string pad)
    {
        pad = Normaliseer(pad);
        return pad == "/" || Openbaar.Any(o => Onder(pad, o));
    }

    /// <summary>The role an area needs; null outside the areas (any signed-in user).</summary>
    public static Rol? RolVoor(string pad)
    {
        pad = Normaliseer(pad);
        foreach (var (gebied, rol) in Gebieden)
        {
            if (Onder(pad, gebied))
            {
                return rol;
            }
        }
        return null;
    }

    /// <summary>May this user (null: anonymous or not a valid portal user) open this path?</summary>
    public static bool MagOpenen(string pad, PibGebruiker? gebruiker) =>
        IsOpenbaar(pad) || (gebruiker is not null && (RolVoor(pad) is not { } rol || rol == gebruiker.Rol));

    /// <summary>Route templates ("gemeente/{id}") and request paths ("/Gemeente/") compare alike.</summary>
    private static string Normaliseer(string pad)
    {
        pad = pad.Split('?', '#')[0].TrimEnd('/');
        return pad.StartsWith('/') ? pad : "/" + pad;
    }

    private static bool Onder(string pad, string prefix) =>
        pad.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (pad.Length == prefix.Length || pad[prefix.Length] == '/');
}
