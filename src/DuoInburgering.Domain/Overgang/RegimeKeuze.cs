using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Overgang;

/// <summary>How a regime outside the rules came to be fixed for one person (<see cref="Overgangsregeling2022"/>).</summary>
public enum KeuzeSoort
{
    /// <summary>
    /// DUO released the asylum group under the 2022 decision that the wrongly placed asylum status
    /// holders stay under the Wi2021 (docs/domain.md "the outcome of 2022"). Not the person's own choice:
    /// they may still opt out to the Wi2013 once.
    /// </summary>
    Overgangsbesluit,

    /// <summary>The person's own choice, registered by DUO. Final: one per person.</summary>
    Keuze,
}

/// <summary>
/// A regime fixed for one person by the overgangsregeling 2022, which the derivation honours over the
/// rules (<see cref="Overgangsregeling2022.PasToe"/>). Who registered it and why is DUO's audit data and
/// lives beside it (table regime_keuze); the rules need only what and since when.
/// </summary>
/// <param name="Regime">Wi2013 or Wi2021.</param>
/// <param name="Datum">The day it was registered (a choice) or the group was released (a decision).</param>
public sealed record RegimeKeuze(Regime Regime, KeuzeSoort Soort, DateOnly Datum);

/// <summary>Whether a choice may be registered, with the Dutch reason either way.</summary>
public sealed record KeuzeBeoordeling(bool Toegestaan, string Reden)
{
    internal static KeuzeBeoordeling Ja(string reden) => new(true, reden);

    internal static KeuzeBeoordeling Nee(string reden) => new(false, reden);
}
