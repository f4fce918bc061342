using DuoInburgering.Domain.Pip;

namespace DuoInburgering.Web.Features.Personen;

/// <summary>
/// What a municipality may see of one person (issue 4, "Person page"): the published state only, never
/// an undisclosed newer decision, and only its own signals.
/// </summary>
/// <param name="Regime">The published outcome (Wi2021, Wi2013 or Wi2007).</param>
/// <param name="Reden">The decision's one-line explanation; null while a newer decision waits behind a pause.</param>
/// <param name="PipContext">What the PIP rules check against, as far as the municipality's own view knows it.</param>
/// <param name="AlleenInzien">Null when the viewing municipality may act (the person belongs to it now); otherwise the
/// Dutch explanation of <see cref="Domain.Koppeling.Verantwoordelijkheid"/> why it may only read (issue 17).</param>
public sealed record PersoonWeergave(
    string Bsn,
    string Naam,
    DateOnly Geboortedatum,
    string? Doelgroep,
    string Regime,
    string? Reden,
    string? RegelsetVersie,
    DateOnly? Startdatum,
    string? EindReden,
    string? GemeenteNaam,
    PipWeergave? Pip,
    DateOnly? DatumInburgeringsaanbod,
    IReadOnlyList<SignaalWeergave> Signalen,
    PipContext PipContext,
    string? AlleenInzien = null)
{
    public bool MagHandelen => AlleenInzien is null;

    public bool IsWi2021 => Regime == nameof(Domain.Regimes.Regime.Wi2021);

    public bool IsAsielstatushouder => Doelgroep == nameof(Domain.Regimes.Doelgroep.Asielstatushouder);
}

/// <param name="VanDezeGemeente">The current PIP is the viewing municipality's own.</param>
public sealed record PipWeergave(string GemeenteNaam, bool VanDezeGemeente, DateOnly Dagtekening, string Leerroute, string? Niveau,
    DateOnly StartInburgeringstermijn, DateOnly EindeInburgeringstermijn);

public sealed record SignaalWeergave(string Code, string Naam, string Regime, DateOnly Datum, string Toelichting, bool Afgehandeld);
