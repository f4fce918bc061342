using System.Linq.Expressions;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The one access rule every municipal query goes through (docs/domain.md "Which municipality sees a
/// person"; DUO M2M README "Scope"). It states <see cref="Domain.Koppeling.Zichtbaarheid.MagZien"/> as
/// a query, and row-level security policy <c>persoon_gemeente</c> (migration GemeenteAfscherming)
/// states it again in SQL underneath, so a forgotten filter still returns nothing.
/// </summary>
public static class GemeenteToegang
{
    private static readonly RegimeUitkomst?[] Regimes = [.. Enum.GetValues<Regime>().Select(r => (RegimeUitkomst?)r.AlsUitkomst())];

    /// <summary>
    /// The person belongs to the municipality now (published state), or its own PIP is the current
    /// one, or the current PIP is less than a month old and the previous PIP was its own. Only persons
    /// published under a regime: one published as not obligated or undecided was never announced to
    /// anybody, and a parked person is shown nowhere until DUO releases the group (docs/domain.md).
    /// </summary>
    public static Expression<Func<Persoon, bool>> MagPersoonZien(string gemeente, DateOnly vandaag) =>
        p => !p.Geparkeerd && p.PubUitkomst != null && Regimes.Contains(p.PubUitkomst)
            && (p.PubGemeenteCode == gemeente
                || p.PipGemeenteCode == gemeente
                || (p.VorigePipGemeenteCode == gemeente && p.PipDagtekening != null && vandaag < p.PipDagtekening.Value.AddMonths(1)));

    /// <summary>
    /// A municipality keeps what it already received: its own signals, unless a correction withdrew
    /// them from every view.
    /// </summary>
    public static Expression<Func<SignaalRecord, bool>> MagSignaalZien(string gemeente) =>
        s => s.GemeenteCode == gemeente && s.IngetrokkenOp == null;
}
