namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// The date a rule set picked as peildatum, with the Dutch words that explain where it came from.
/// </summary>
/// <param name="Datum">Null when the deciding fact is missing (→ onbepaald).</param>
/// <param name="Gebeurtenis">Used as "{Gebeurtenis} op 2021-12-28", e.g. "beschikking bekendgemaakt".</param>
/// <param name="Feit">Used as "{Feit} ontbreekt", e.g. "datum bekendmaking beschikking".</param>
public readonly record struct Peildatum(DateOnly? Datum, string Gebeurtenis, string Feit)
{
    /// <summary>
    /// docs/domain.md rule set 2022-03: asylum status holders → datum_bekendmaking_beschikking;
    /// everyone else → datum_uitreiking_document. No fallback to any other date: never guess.
    /// </summary>
    public static Peildatum VolgensWet(IndFeiten feiten, Doelgroep doelgroep)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        return doelgroep == Doelgroep.Asielstatushouder
            ? new(feiten.DatumBekendmakingBeschikking, "beschikking bekendgemaakt", "datum bekendmaking beschikking")
            : new(feiten.DatumUitreikingDocument, "verblijfsdocument uitgereikt", "datum uitreiking verblijfsdocument");
    }
}
