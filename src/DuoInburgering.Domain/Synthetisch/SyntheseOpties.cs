namespace DuoInburgering.Domain.Synthetisch;

/// <summary>Options for <see cref="SynthetischePopulatie.Schrijf"/>.</summary>
/// <param name="Personen">
/// Number of synthetic persons written after the incident cohort (0 … <see cref="SynthetischePopulatie.MaxPersonen"/>).
/// The IND file therefore has <c>IncidentCohort.Count + Personen</c> data rows.
/// </param>
/// <param name="Seed">Same seed (and same options) → byte-identical output.</param>
/// <param name="Vandaag">The "now" of the data: no generated fact lies after it. Default 2026-11-23.</param>
public sealed record SyntheseOpties(int Personen, int Seed = 20220119, DateOnly? Vandaag = null)
{
    public static readonly DateOnly StandaardVandaag = new(2026, 11, 23);

    public DateOnly EffectiefVandaag => Vandaag ?? StandaardVandaag;
}

/// <summary>Data rows written per file (headers not counted; the incident cohort included).</summary>
public sealed record SyntheseResultaat(int IndRijen, int CoaRijen, int BrpRijen);

/// <summary>A known demo case of the January 2022 incident, always written first with fixed facts.</summary>
/// <param name="Omschrijving">Dutch one-line description of the case.</param>
/// <param name="VerwachtRegime">Outcome under rule set 2022-03 as text: Wi2007|Wi2013|Wi2021|geen|onbepaald.</param>
/// <param name="VerwachteGemeente">GM code per <see cref="Koppeling.Koppelingsregel"/>, or null (no municipality).</param>
public sealed record DemoPersoon(
    string Bsn,
    string Naam,
    string Omschrijving,
    string VerwachtRegime,
    string? VerwachteGemeente);
