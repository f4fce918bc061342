using DuoInburgering.Domain.Identiteit;

namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// The IND facts the regime rule reads (docs/domain.md "The facts that come in").
/// <see cref="DatumIngangVerblijfsrecht"/> and <see cref="DatumKennisgeving"/> are carried for
/// completeness and for reproducing the January 2022 incident; rule set 2022-03 never reads them.
/// </summary>
public sealed record IndFeiten(
    Bsn Bsn,
    DateOnly Geboortedatum,
    string Nationaliteit,
    Verblijfsdoel Verblijfsdoel,
    DateOnly? DatumIngangVerblijfsrecht,
    DateOnly? DatumBeschikking,
    DateOnly? DatumBekendmakingBeschikking,
    DateOnly? DatumUitreikingDocument,
    DateOnly? DatumKennisgeving);
