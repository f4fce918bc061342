namespace DuoInburgering.Web.Data.Entities;

/// <summary>Why a session ended.</summary>
public enum SessieEinde
{
    /// <summary>The user signed out (in any tab).</summary>
    Uitgelogd,

    /// <summary>15 minutes without activity.</summary>
    Inactief,

    /// <summary>The absolute lifetime (Sessie:AbsoluteLevensduur) passed, however active the user was.</summary>
    Levensduur,
}

/// <summary>
/// One sign-in, server side: the cookie carries only its id (claim pib_sessie), so ending this row ends the
/// session in every tab, every open circuit and every download at once. Holds the user's id, never a name.
/// </summary>
public sealed class Sessie
{
    public Guid Id { get; init; }

    /// <summary>The stable user id (claim sub), as the audit log names the actor.</summary>
    public required string Gebruiker { get; init; }

    public DateTimeOffset Begonnen { get; init; }

    /// <summary>The last request that counted as activity (<see cref="Security.PibSessie.TeltAlsActiviteit"/>).</summary>
    public DateTimeOffset LaatstGezien { get; set; }

    public DateTimeOffset? Beeindigd { get; set; }

    public SessieEinde? Einde { get; set; }
}
