using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Signalen;

/// <summary>
/// Everything the signal rules need to know about one person at one moment. Signals are a pure
/// function of (previous snapshot, new snapshot, date); the web layer builds a snapshot after each
/// fact and stores it. The bookkeeping flags are set with <see cref="SignaalRegels.Verwerk"/>.
/// </summary>
/// <param name="Uitkomst">Regime outcome of the current decision.</param>
/// <param name="Startdatum">Start of the obligation (decision's startdatum).</param>
/// <param name="Gemeente">Municipality the person belongs to now (Koppelingsregel); null = nobody may be told.</param>
public sealed record PersoonToestand(
    RegimeUitkomst Uitkomst,
    Doelgroep? Doelgroep,
    DateOnly? Startdatum,
    DateOnly Geboortedatum,
    GemeenteCode? Gemeente)
{
    /// <summary>
    /// The fact behind <see cref="Gemeente"/> (COA link or BRP registration, with its date): tells a later
    /// correction of that fact apart from a move (<see cref="Gemeentecorrectie"/>).
    /// </summary>
    public KoppelingGrond? GemeenteGrond { get; init; }

    /// <summary>Lives at a COA location (COA or BRP says so). Leaving COA may start the 10-week term (SS139).</summary>
    public bool VerblijftInCoa { get; init; }

    /// <summary>BRP: departed abroad (decides SS123 instead of SS122 for the old municipality).</summary>
    public bool VertrokkenUitNederland { get; init; }

    /// <summary>The current PIP, of whichever municipality.</summary>
    public PipInfo? HuidigePip { get; init; }

    /// <summary>Date of the inburgeringsaanbod registered by the municipality; null = none yet.</summary>
    public DateOnly? DatumInburgeringsaanbod { get; init; }

    public bool HeeftInburgeringsaanbod => DatumInburgeringsaanbod is not null;

    /// <summary>SS101, SS128 or SS139 was emitted under the current regime.</summary>
    public bool AanvangGemeld { get; init; }

    /// <summary>Date SS139 was emitted: start of the 10-week term to set the leerroute (SS126 clock).</summary>
    public DateOnly? TermijnLeerrouteStart { get; init; }

    public bool Ss126Verzonden { get; init; }

    public bool Ss127Verzonden { get; init; }

    public bool Ss128Verzonden { get; init; }

    /// <summary>Why the obligation ended; null while it runs.</summary>
    public EindReden? EindReden { get; init; }

    /// <summary>Parked after a correction: nothing is shown until DUO releases the group.</summary>
    public bool Geparkeerd { get; init; }

    /// <summary>
    /// The day the person left parking, i.e. was published again after DUO released the group (the day
    /// of the release, or of the resume when the group was paused): the start of the choice term of the
    /// overgangsregeling 2022.
    /// </summary>
    public DateOnly? VrijgegevenOp { get; init; }

    /// <summary>The regime of a running obligation; null when not obligated, undecided or ended.</summary>
    public Regime? ActiefRegime => EindReden is null ? Uitkomst.AlsRegime() : null;
}
