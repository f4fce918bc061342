using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;

namespace DuoInburgering.Web.Features.Personen;

/// <summary>The <see cref="PipContext"/> of a stored person, for the page's validator and the handler alike.</summary>
internal static class PipContexten
{
    /// <param name="vestiging">
    /// Date the person settled in the submitting municipality (BRP); null when unknown. The page, reading
    /// under row-level security, cannot read BRP facts and passes null: the handler checks it.
    /// </param>
    public static PipContext Van(Persoon p, DateOnly? vestiging) => new(
        p.PubUitkomst ?? RegimeUitkomst.Onbepaald,
        p.PubDoelgroep,
        p.PubStartdatum,
        vestiging,
        // Only the current and the previous PIP are kept; the previous one is the earliest known, and a
        // PIP is never dated before its predecessor, so "not before the initial PIP" holds with it.
        p.VorigePipDagtekening ?? p.PipDagtekening,
        p.PipDagtekening);

    /// <summary>The vestiging date counts only when the BRP registers the person in the submitting municipality.</summary>
    public static DateOnly? Vestiging(BrpFeit? brp, string gemeente) =>
        brp is not null && brp.Gemeente == gemeente ? brp.DatumVestiging : null;
}
