using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Pip;

namespace DuoInburgering.Domain.Koppeling;

/// <summary>
/// May a municipality see a person now? (docs/domain.md "Which municipality sees a person"; DUO M2M README
/// "Scope"): the person belongs to it now, or its own PIP is the current one, or the current PIP is
/// less than a month old and the previous PIP was its own.
/// </summary>
/// <remarks>
/// This covers new data. What a municipality already received stays visible to it after a move
/// ("the old municipality keeps what it already received but sees nothing new"); that is the
/// caller's signal store, not this rule.
/// </remarks>
public static class Zichtbaarheid
{
    public static bool MagZien(
        GemeenteCode kijker,
        GemeenteCode? huidigeGemeente,
        PipInfo? huidigePip,
        PipInfo? vorigePip,
        DateOnly vandaag)
    {
        if (huidigeGemeente == kijker)
        {
            return true;
        }

        if (huidigePip is null)
        {
            return false;
        }

        if (huidigePip.Gemeente == kijker)
        {
            return true;
        }

        // "Less than a month old": on the same day-of-month one month later it is a month old.
        bool pipJongerDanMaand = vandaag < huidigePip.Dagtekening.AddMonths(1);
        return pipJongerDanMaand && vorigePip is not null && vorigePip.Gemeente == kijker;
    }
}
