using DuoInburgering.Domain.Signalen;

namespace DuoInburgering.Domain.Pip;

/// <summary>What registering a PIP or an inburgeringsaanbod did to the published state.</summary>
/// <param name="VorigePip">The previous PIP after the registration (see <see cref="PipVastlegging.LegPipVast"/>).</param>
public sealed record Vastlegging(PersoonToestand Toestand, PipInfo? VorigePip, IReadOnlyList<Signaal> Signalen);

/// <summary>
/// A municipality's PIP or inburgeringsaanbod applied to a person's published state. The signals come
/// from <see cref="SignaalRegels.EmitSignals"/> like every other change, so SS102 is emitted where the
/// signal rules say, and the stop of SS126 (and of SS127) follows from <see cref="DeadlineRegels"/>
/// seeing the PIP (the aanbod): no signal is decided here. Validate first with <see cref="PipRegels"/>
/// or <see cref="InburgeringsaanbodRegels"/>.
/// </summary>
public static class PipVastlegging
{
    public static Vastlegging LegPipVast(PersoonToestand gepubliceerd, PipInfo? vorigePip, PipInfo nieuw, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(gepubliceerd);
        ArgumentNullException.ThrowIfNull(nieuw);

        // A PIP of another municipality becomes the previous one, so that municipality may still see the
        // person for a month (docs/domain.md "Which municipality sees a person"); a municipality changing its
        // own PIP keeps the previous one as it was.
        var vorige = gepubliceerd.HuidigePip is { } huidig && huidig.Gemeente != nieuw.Gemeente ? huidig : vorigePip;
        return Leg(gepubliceerd, gepubliceerd with { HuidigePip = nieuw }, vorige, vandaag);
    }

    public static Vastlegging LegAanbodVast(PersoonToestand gepubliceerd, PipInfo? vorigePip, DateOnly datum, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(gepubliceerd);
        return Leg(gepubliceerd, gepubliceerd with { DatumInburgeringsaanbod = datum }, vorigePip, vandaag);
    }

    private static Vastlegging Leg(PersoonToestand vorige, PersoonToestand nieuw, PipInfo? vorigePip, DateOnly vandaag)
    {
        var signalen = SignaalRegels.EmitSignals(vorige, nieuw, vandaag);
        return new(SignaalRegels.Verwerk(nieuw, signalen), vorigePip, signalen);
    }
}
