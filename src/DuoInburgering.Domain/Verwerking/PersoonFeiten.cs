using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Verwerking;

/// <summary>Everything known about one person from IND, COA and BRP, as stored.</summary>
/// <param name="DatumIntrekking">IND withdrew the right of residence (ends the obligation: SS110).</param>
public sealed record PersoonFeiten(IndFeiten Ind, DateOnly? DatumIntrekking, CoaFeiten? Coa, BrpFeiten? Brp)
{
    /// <summary>A regime fixed by the overgangsregeling 2022 (DUO's decision or the person's choice); null: the rules decide.</summary>
    public RegimeKeuze? Keuze { get; init; }

    /// <summary>
    /// DUO released the person's parked group: the next derivation that may publish (not paused) ends
    /// the parking and announces the person anew. A DUO fact, consumed by that publication.
    /// </summary>
    public bool Vrijgave { get; init; }
}

/// <summary>Determination is paused per regime and doelgroep (docs/domain.md "Corrections, pauses and parked people").</summary>
public readonly record struct PauzeSleutel(Regime Regime, Doelgroep Doelgroep);

public enum Verwerkingsstatus
{
    /// <summary>Derived and published: the municipality's view reflects it.</summary>
    Bepaald,

    /// <summary>Its regime and doelgroep are paused: facts stored, nothing published until resume.</summary>
    Uitgesteld,
}
