using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Web.Data.Entities;

/// <summary>One release of a parked group by DUO: who, when, why, which group and how many persons.</summary>
public sealed class Vrijgave
{
    public long Id { get; init; }

    /// <summary>The group: the derived regime outcome (uitkomst) and doelgroep of the parked persons.</summary>
    public required RegimeUitkomst Uitkomst { get; init; }
    public Doelgroep? Doelgroep { get; init; }

    /// <summary>Released under the 2022 decision that the group stays under the Wi2021 (asylum status holders).</summary>
    public bool BlijftWi2021 { get; init; }

    public DateTimeOffset Op { get; init; }
    public required string Door { get; init; }
    public required string Reden { get; init; }

    /// <summary>Persons released; of whom still waiting because their group is paused; signals sent.</summary>
    public int Aantal { get; init; }
    public int Uitgesteld { get; init; }
    public int Signalen { get; init; }
}

/// <summary>
/// A person's registered choice of regime (overgangsregeling 2022). The key is the BSN: one choice per
/// person, held by the database too. DUO-internal: municipalities have no grant on this table.
/// </summary>
public sealed class RegimeKeuzeRegistratie
{
    public required string Bsn { get; init; }
    public required Regime Regime { get; init; }
    public required Regime VorigRegime { get; init; }
    public DateOnly Datum { get; init; }
    public required string Door { get; init; }
    public required string Reden { get; init; }
    public DateTimeOffset GeregistreerdOp { get; init; }

    /// <summary>SS190s written in the Wi2021 environment (leaving Wi2021) and other signals of the move.</summary>
    public int Ss190 { get; init; }
    public int Signalen { get; init; }
}
