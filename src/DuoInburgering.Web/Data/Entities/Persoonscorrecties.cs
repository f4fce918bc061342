using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Web.Data.Entities;

/// <summary>
/// A person shown to a municipality that should never have had them, found and corrected (issue 5 part 3;
/// Domain <c>Gemeentecorrectie</c>). Written by processing only (<c>MisplaatsingRegistratie</c>); read by
/// DUO and the breach report (issue 6). Not readable by role pib_gemeente.
/// </summary>
public sealed class MisplaatsingRecord
{
    public long Id { get; init; }
    public required string Bsn { get; init; }
    public required string OudeGemeente { get; init; }
    public string? NieuweGemeente { get; init; }
    public MisplaatsingOorzaak Oorzaak { get; init; }

    /// <summary>The PIB environment in which the old municipality saw the person.</summary>
    public required Regime Regime { get; init; }

    /// <summary>Dutch explanation; never a BSN or a name.</summary>
    public required string Uitleg { get; init; }

    public DateTimeOffset VastgesteldOp { get; init; }

    /// <summary>The message whose fact corrected the municipality; its import run in <see cref="ImportId"/>.</summary>
    public string? BerichtId { get; init; }
    public long? ImportId { get; init; }

    /// <summary>The approved DUO single-person correction, when that corrected it.</summary>
    public long? PersoonscorrectieId { get; init; }

    /// <summary>The DUO correction run (table correctie), when that corrected it.</summary>
    public long? CorrectieId { get; init; }

    /// <summary>How many signals the old municipality held about the person and lost from view.</summary>
    public int IngetrokkenSignalen { get; init; }

    /// <summary>When the old municipality received its first signal about the person: the start of the exposure.</summary>
    public DateTimeOffset? EersteSignaalOp { get; init; }
}

public enum CorrectieStatus
{
    Open,
    Goedgekeurd,
    Afgewezen,
}

/// <summary>
/// A single-person correction proposed by one DUO user and decided, once, by another (issue 5 part 5).
/// The facts before and after are kept as JSON (<c>CorrectieFeitenJson</c>), the effect as computed when
/// it was proposed. Check constraints hold the four eyes (besloten_door &lt;&gt; voorgesteld_door), the
/// mandatory reasons and the status; a trigger refuses any change to a decided proposal.
/// </summary>
public sealed class CorrectieVoorstel
{
    public long Id { get; init; }
    public required string Bsn { get; init; }
    public CorrectieStatus Status { get; set; }
    public required string Reden { get; init; }
    public required string VoorgesteldDoor { get; init; }
    public DateTimeOffset VoorgesteldOp { get; init; }

    public required string FeitenVoor { get; init; }
    public required string FeitenNa { get; init; }

    public required RegimeUitkomst OudeUitkomst { get; init; }
    public required RegimeUitkomst NieuweUitkomst { get; init; }
    public required string OudeReden { get; init; }
    public required string NieuweReden { get; init; }
    public string? OudeGemeente { get; init; }
    public string? NieuweGemeente { get; init; }
    public required string OudeKoppelingReden { get; init; }
    public required string NieuweKoppelingReden { get; init; }

    /// <summary>Explanation of the change of municipality, when there is one (always a correction here).</summary>
    public string? Gemeentewissel { get; init; }
    public bool VerlaatWi2021 { get; init; }

    public string? BeslotenDoor { get; set; }
    public DateTimeOffset? BeslotenOp { get; set; }
    public string? Afwijzingsreden { get; set; }

    /// <summary>Signals written when it was applied (SS190s included).</summary>
    public int? AantalSignalen { get; set; }
}
