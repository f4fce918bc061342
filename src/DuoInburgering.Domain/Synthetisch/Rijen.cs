using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Synthetisch;

/// <summary>One IND message (verblijfsrecht). The BSN is kept as a number: all synthetic BSNs have 9 digits.</summary>
internal readonly record struct IndRij(
    int Bsn,
    long VNummer,
    string Voornaam,
    string Achternaam,
    DateOnly Geboortedatum,
    string Nationaliteit,
    Verblijfsdoel Verblijfsdoel,
    DateOnly? DatumIngangVerblijfsrecht,
    DateOnly? DatumBeschikking,
    DateOnly? DatumBekendmakingBeschikking,
    DateOnly? DatumUitreikingDocument,
    DateOnly? DatumKennisgeving,
    DateOnly? DatumIntrekking);

/// <summary>One COA message: location, linked municipality (null = not linked yet), dates.</summary>
internal readonly record struct CoaRij(
    string Locatie,
    string? GekoppeldeGemeente,
    DateOnly? DatumGekoppeld,
    DateOnly? DatumUitstroom);

/// <summary>One BRP message: municipality of registration and life events.</summary>
internal readonly record struct BrpRij(
    string Gemeente,
    bool AdresIsCoaLocatie,
    DateOnly? DatumVestiging,
    DateOnly? DatumVertrekBuitenland,
    DateOnly? DatumOverlijden);
