using DuoInburgering.Domain.Koppeling;

namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// Rule set 2021-12: the WRONG rule that caused the January 2022 incident (docs/domain.md "The job", failure 1).
/// It took the date of DUO's own notice (datum_kennisgeving) as peildatum when present. The law ties
/// the regime to the day the residence right was made known to the person, not to the day DUO wrote
/// to them; so people with a permit made known in late 2021 and a kennisgeving in January 2022 were
/// placed under Wi2021 instead of Wi2013. It also carries the wrong linking of that month (failure 2):
/// asylum status holders at a COA location were shown to the municipality of their BRP (AZC) address.
/// </summary>
/// <remarks>
/// Kept only so a correction can reproduce the wrong placements and compute who must move
/// (preview, SS190). Never use it to decide a new obligation; <see cref="RegimeRegelsets.Huidig"/> is 2022-03.
/// </remarks>
public sealed class Regelset2021_12 : RegimeRegelset
{
    public const string VersieCode = "2021-12";

    public static readonly Regelset2021_12 Instance = new();

    public override string Versie => VersieCode;

    protected override Peildatum KiesPeildatum(IndFeiten feiten, Doelgroep doelgroep)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        return feiten.DatumKennisgeving is DateOnly kennisgeving
            ? new(kennisgeving, "kennisgeving verzonden (foutieve regel 2021-12)", "datum kennisgeving")
            : Peildatum.VolgensWet(feiten, doelgroep);
    }

    public override GemeenteKoppeling BepaalGemeente(CoaFeiten? coa, BrpFeiten? brp) =>
        Koppelingsregel.BepaalGemeenteVolgensAzcAdres(coa, brp);
}
