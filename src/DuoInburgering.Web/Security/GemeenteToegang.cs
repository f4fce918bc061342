using System.Linq.Expressions;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The one access rule every municipal query goes through (docs/domain.md "Which municipality sees a
/// person"; DUO M2M README "Scope"). It states <see cref="Domain.Koppeling.Zichtbaarheid.MagZien"/> as
/// a query, and row-level security policy <c>persoon_gemeente</c> (migration ToegangAlleenGepubliceerdRegime)
/// states it in SQL underneath, so a forgotten filter still returns nothing. GemeenteAfschermingTests
/// holds the three to the same answer, case by case.
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
    public static Expression<Func<Persoon, bool>> MagPersoonZien(string gemeente, DateOnly vandaag)
    {
        var (ingeschreven, eigenPip, vorigePip) = Wegen(gemeente);
        return En(Aangekondigd, Of(Of(ingeschreven, eigenPip), En(vorigePip, PipJongerDanMaand(vandaag))));
    }

    /// <summary>Published under a regime and not parked: the condition every way to be visible shares.</summary>
    private static readonly Expression<Func<Persoon, bool>> Aangekondigd =
        p => !p.Geparkeerd && p.PubUitkomst != null && Regimes.Contains(p.PubUitkomst);

    /// <summary>"Less than a month old": on the same day-of-month one month later it is a month old.</summary>
    private static Expression<Func<Persoon, bool>> PipJongerDanMaand(DateOnly vandaag) =>
        p => p.PipDagtekening != null && vandaag < p.PipDagtekening.Value.AddMonths(1);

    /// <summary>
    /// The three ways a person becomes visible to a municipality, each the column of its own index: registered
    /// there, its PIP there, its previous PIP there.
    /// </summary>
    private static (Expression<Func<Persoon, bool>> Ingeschreven, Expression<Func<Persoon, bool>> EigenPip, Expression<Func<Persoon, bool>> VorigePip)
        Wegen(string gemeente) =>
        (p => p.PubGemeenteCode == gemeente, p => p.PipGemeenteCode == gemeente, p => p.VorigePipGemeenteCode == gemeente);

    /// <summary>
    /// <see cref="MagPersoonZien"/> cut into its three ways, for queries that read each way on its own index
    /// (Features/Signalen) and run under the session's row-level security: the policy is this same rule, so it adds
    /// what the ways leave out (published under a regime, not parked, the previous PIP's month) without a second
    /// statement of it here. Outside such a session they are candidates, never the answer. With
    /// <paramref name="disjunct"/> each way excludes the ways before it, so every person comes once (UNION ALL).
    /// </summary>
    internal static IReadOnlyList<Expression<Func<Persoon, bool>>> WegenOnderRls(string gemeente, bool disjunct)
    {
        var (ingeschreven, eigenPip, vorigePip) = Wegen(gemeente);
        return disjunct
            ? [ingeschreven, En(eigenPip, Niet(ingeschreven)), En(En(vorigePip, Niet(ingeschreven)), Niet(eigenPip))]
            : [ingeschreven, eigenPip, vorigePip];
    }

    /// <summary>The three ways of <see cref="WegenOnderRls"/> as one condition, for a look-up of one person by key.</summary>
    internal static Expression<Func<Persoon, bool>> EenWegOnderRls(string gemeente)
    {
        var (ingeschreven, eigenPip, vorigePip) = Wegen(gemeente);
        return Of(Of(ingeschreven, eigenPip), vorigePip);
    }

    /// <summary>
    /// A municipality keeps what it already received: its own signals, unless a correction withdrew
    /// them from every view.
    /// </summary>
    public static Expression<Func<SignaalRecord, bool>> MagSignaalZien(string gemeente) =>
        s => s.GemeenteCode == gemeente && s.IngetrokkenOp == null;

    private static Expression<Func<Persoon, bool>> En(Expression<Func<Persoon, bool>> a, Expression<Func<Persoon, bool>> b) =>
        Samen(a, b, Expression.AndAlso);

    private static Expression<Func<Persoon, bool>> Of(Expression<Func<Persoon, bool>> a, Expression<Func<Persoon, bool>> b) =>
        Samen(a, b, Expression.OrElse);

    private static Expression<Func<Persoon, bool>> Niet(Expression<Func<Persoon, bool>> a) =>
        Expression.Lambda<Func<Persoon, bool>>(Expression.Not(a.Body), a.Parameters);

    /// <summary>Both bodies on the first one's parameter: EF Core translates that, not an invocation of the second lambda.</summary>
    private static Expression<Func<Persoon, bool>> Samen(Expression<Func<Persoon, bool>> a, Expression<Func<Persoon, bool>> b,
        Func<Expression, Expression, BinaryExpression> samen) =>
        Expression.Lambda<Func<Persoon, bool>>(samen(a.Body, new Vervang(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    private sealed class Vervang(ParameterExpression oud, ParameterExpression nieuw) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == oud ? nieuw : node;
    }
}
