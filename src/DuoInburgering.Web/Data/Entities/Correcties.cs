using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;

namespace DuoInburgering.Web.Data.Entities;

/// <summary>
/// The rule-set version processing decides with (one row, id 1). 2022-03 unless DUO chose otherwise, e.g.
/// 2021-12 to replay January 2022; a correction sets it to its own version when it completes.
/// </summary>
public sealed class RegelsetActief
{
    public const int EnigeId = 1;

    public int Id { get; init; } = EnigeId;
    public required string Versie { get; set; }
    public DateTimeOffset? GewijzigdOp { get; set; }
    public string? GewijzigdDoor { get; set; }
    public string? Reden { get; set; }
}

/// <summary>Every change of the active rule set: who, when, why, and the correction that made it, if any.</summary>
public sealed class RegelsetHistorie
{
    public long Id { get; init; }
    public required string Versie { get; init; }
    public required string VorigeVersie { get; init; }
    public DateTimeOffset Op { get; init; }
    public required string Door { get; init; }
    public required string Reden { get; init; }
    public long? CorrectieId { get; init; }
}

/// <summary>
/// One applied correction (docs/domain.md "Corrections"): the confirmed preview's version, scope and list hash,
/// who and when, and its progress. <see cref="LijstHash"/> is unique: the same preview is applied once.
/// </summary>
public sealed class CorrectieRun
{
    public const string StatusBezig = "Bezig";
    public const string StatusVoltooid = "Voltooid";

    public long Id { get; init; }
    public required string Versie { get; init; }
    public required string VorigeVersie { get; init; }
    public Regime? Regime { get; init; }
    public Doelgroep? Doelgroep { get; init; }
    public DateOnly? PeildatumVan { get; init; }
    public DateOnly? PeildatumTot { get; init; }
    public string? GemeenteCode { get; init; }
    public required string Door { get; init; }
    public DateTimeOffset AangemaaktOp { get; init; }
    public required string LijstHash { get; init; }
    public required string Status { get; set; }
    public int Personen { get; init; }
    public int VerlatenWi2021 { get; init; }
    public int Herbepaald { get; init; }
    public int Verwerkt { get; set; }
    public int Ss190 { get; set; }
    public int Signalen { get; set; }
    public DateTimeOffset? VoltooidOp { get; set; }
}

/// <summary>
/// One person of a correction's list: the preview's row (old → new, with both explanations) and when it was
/// carried out. The breach report reads the old and new municipality from here.
/// </summary>
public sealed class CorrectiePersoon
{
    public long CorrectieId { get; init; }
    public required string Bsn { get; init; }
    public required CorrectieActie Actie { get; init; }
    public required RegimeUitkomst OudeUitkomst { get; init; }
    public required RegimeUitkomst NieuweUitkomst { get; init; }
    public string? OudeGemeente { get; init; }
    public string? NieuweGemeente { get; init; }
    public required string OudeReden { get; init; }
    public required string NieuweReden { get; init; }
    public required string OudeKoppelingReden { get; init; }
    public required string NieuweKoppelingReden { get; init; }
    public DateTimeOffset? VerwerktOp { get; set; }
}
