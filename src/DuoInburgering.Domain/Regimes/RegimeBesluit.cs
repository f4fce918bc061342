namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// One regime decision. Every decision carries its rule-set version and one Dutch line of
/// explanation (docs/domain.md "Every decision stores its rule-set version and a one-line Dutch explanation").
/// </summary>
/// <param name="Doelgroep">Null for verblijfsdoel tijdelijk.</param>
/// <param name="Peildatum">Date the residence right was made known; null when unknown or not needed.</param>
/// <param name="Startdatum">max(peildatum, 16th birthday); null when there is no peildatum.</param>
public sealed record RegimeBesluit(
    RegimeUitkomst Uitkomst,
    Doelgroep? Doelgroep,
    DateOnly? Peildatum,
    DateOnly? Startdatum,
    string RegelsetVersie,
    string Reden)
{
    public bool IsInburgeringsplichtig => Uitkomst.AlsRegime() is not null;
}
