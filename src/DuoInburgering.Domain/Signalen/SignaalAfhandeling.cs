using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Signalen;

/// <summary>Where a signal stands for the municipality that received it.</summary>
public enum SignaalStatus
{
    Open,
    Afgehandeld,
}

/// <summary>What a caseworker can do to a signal. There is deliberately no "verwijderen" (docs/domain.md: SS190 must not be deletable).</summary>
public enum SignaalActie
{
    Afhandelen,

    /// <summary>Undo of <see cref="Afhandelen"/>: back to open.</summary>
    Heropenen,
}

/// <summary>
/// The one table of allowed status changes of a signal (ARCHITECTURE.md: a signal's status changes in
/// one place). Every code may be handled, SS190 included; none can be removed. Wi2007 is a read-only
/// environment: its signals are shown, never changed.
/// </summary>
public static class SignaalAfhandeling
{
    private static readonly Dictionary<SignaalActie, (SignaalStatus Van, SignaalStatus Naar)> Overgangen = new()
    {
        [SignaalActie.Afhandelen] = (SignaalStatus.Open, SignaalStatus.Afgehandeld),
        [SignaalActie.Heropenen] = (SignaalStatus.Afgehandeld, SignaalStatus.Open),
    };

    public static (SignaalStatus Van, SignaalStatus Naar) Overgang(SignaalActie actie) => Overgangen[actie];

    public static bool IsAlleenLezen(Regime regime) => regime == Regime.Wi2007;

    /// <summary>Dutch reason why the action is refused in this environment, or null when it is allowed.</summary>
    public static string? Weigering(Regime regime) => IsAlleenLezen(regime)
        ? $"De {regime}-omgeving is alleen-lezen: signalen kunnen hier niet worden afgehandeld."
        : null;
}
