using DuoInburgering.Domain.Identiteit;

namespace DuoInburgering.Domain.Koppeling;

/// <summary>COA facts about an asylum status holder (docs/domain.md "The facts that come in").</summary>
/// <param name="Locatie">COA location; null when COA knows no location.</param>
/// <param name="GekoppeldeGemeente">Municipality COA linked the person to; null = not linked yet.</param>
/// <param name="DatumUitstroom">Date the person left COA; set = no longer living at a COA location.</param>
public sealed record CoaFeiten(
    string? Locatie,
    GemeenteCode? GekoppeldeGemeente,
    DateOnly? DatumGekoppeld,
    DateOnly? DatumUitstroom)
{
    /// <summary>COA says the person lives at one of its locations now.</summary>
    public bool WoontOpCoaLocatie => !string.IsNullOrWhiteSpace(Locatie) && DatumUitstroom is null;
}

/// <summary>BRP facts (docs/domain.md "The facts that come in").</summary>
/// <param name="AdresIsCoaLocatie">The registered address is an AZC or other COA location.</param>
public sealed record BrpFeiten(
    GemeenteCode? Inschrijvingsgemeente,
    bool AdresIsCoaLocatie,
    DateOnly? DatumVestiging,
    DateOnly? DatumVertrekBuitenland,
    DateOnly? DatumOverlijden)
{
    /// <summary>Departed abroad and not settled again afterwards.</summary>
    public bool IsVertrokkenUitNederland =>
        DatumVertrekBuitenland is DateOnly vertrek && (DatumVestiging is not DateOnly vestiging || vestiging <= vertrek);
}

/// <summary>Result of the linking rule: the municipality a person belongs to (or none) and why, in Dutch.</summary>
public sealed record GemeenteKoppeling(GemeenteCode? Gemeente, string Reden)
{
    /// <summary>The fact that decided <see cref="Gemeente"/>; null when there is no municipality.</summary>
    public KoppelingGrond? Grond { get; init; }
}
