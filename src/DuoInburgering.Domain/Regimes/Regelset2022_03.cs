namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// Rule set 2022-03, the corrected rule (docs/domain.md "Regime rule (rule set 2022-03)"):
/// peildatum = datum bekendmaking beschikking (asylum status holders) or datum uitreiking
/// verblijfsdocument (everyone else). datum_ingang_verblijfsrecht and datum_kennisgeving are never read.
/// </summary>
public sealed class Regelset2022_03 : RegimeRegelset
{
    public const string VersieCode = "2022-03";

    public static readonly Regelset2022_03 Instance = new();

    public override string Versie => VersieCode;

    protected override Peildatum KiesPeildatum(IndFeiten feiten, Doelgroep doelgroep) =>
        Peildatum.VolgensWet(feiten, doelgroep);
}
