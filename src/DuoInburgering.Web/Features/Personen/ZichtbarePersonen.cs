using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;

namespace DuoInburgering.Web.Features.Personen;

/// <summary>
/// The persons a municipality's screens show: <see cref="GemeenteToegang.MagPersoonZien"/> (row-level
/// security states it again underneath), narrowed to persons published under a regime and not parked.
/// A parked person is shown nowhere until DUO releases the group (DOMAIN.md "Corrections"), and a
/// person published as not obligated or undecided was never announced to anybody.
/// </summary>
public static class ZichtbarePersonen
{
    private static readonly string[] Regimes = Enum.GetNames<Regime>();

    public static IQueryable<Persoon> Voor(IQueryable<Persoon> personen, string gemeente, DateOnly vandaag) =>
        personen.Where(GemeenteToegang.MagPersoonZien(gemeente, vandaag))
            .Where(p => !p.Geparkeerd && p.PubUitkomst != null && Regimes.Contains(p.PubUitkomst));
}
