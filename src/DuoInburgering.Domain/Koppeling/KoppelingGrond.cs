namespace DuoInburgering.Domain.Koppeling;

/// <summary>Which source decided the municipality a person belongs to.</summary>
public enum KoppelingBron
{
    /// <summary>COA's link, while the person lives at a COA location.</summary>
    Coa,

    /// <summary>The BRP municipality of registration.</summary>
    Brp,
}

/// <summary>
/// The fact behind a municipality (<see cref="Koppelingsregel"/>): COA's link with its date linked, or the
/// BRP registration with its date of settlement. Stored with the published state, so a later fact can be
/// told apart as a correction of that same fact or a new one (<see cref="Gemeentecorrectie"/>).
/// </summary>
public sealed record KoppelingGrond(KoppelingBron Bron, DateOnly? Datum);
