using DuoInburgering.Domain.Identiteit;

namespace DuoInburgering.Domain.Pip;

/// <summary>
/// A registered PIP as far as visibility and signals need it (docs/domain.md glossary "PIP").
/// </summary>
/// <param name="Gemeente">Municipality that set the PIP.</param>
/// <param name="Dagtekening">Date the PIP was signed; the inburgeringstermijn starts the day after.</param>
public sealed record PipInfo(GemeenteCode Gemeente, DateOnly Dagtekening, Leerroute Leerroute, PipNiveau? Niveau = null)
{
    /// <summary>Wi2021: 3 years from the day after the dagtekening (docs/domain.md glossary "inburgeringstermijn").</summary>
    public DateOnly StartInburgeringstermijn => Dagtekening.AddDays(1);

    /// <summary>Last day of the 3-year term.</summary>
    public DateOnly EindeInburgeringstermijn => StartInburgeringstermijn.AddYears(3).AddDays(-1);
}
