using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Signalen;

/// <summary>
/// One signal for one municipality in one PIB environment (<see cref="Regime"/>). The person it is
/// about is the caller's key; <see cref="Toelichting"/> never contains a BSN or a name, so it is safe
/// to show and to store next to audit data (docs/domain.md "Privacy").
/// </summary>
public sealed record Signaal(SignaalCode Code, GemeenteCode Gemeente, Regime Regime, DateOnly Datum, string Toelichting)
{
    public string Naam => SignaalCatalogus.Naam(Code);
}
