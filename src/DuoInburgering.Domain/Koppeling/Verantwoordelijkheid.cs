using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Pip;

namespace DuoInburgering.Domain.Koppeling;

/// <summary>What a municipality may do with a person now.</summary>
public enum Bevoegdheid
{
    /// <summary>Neither see nor act: the person is not visible to this municipality.</summary>
    Geen,

    /// <summary>May still see the person (its own current PIP after a move, the previous PIP within a month), not act.</summary>
    AlleenInzien,

    /// <summary>The person belongs to this municipality now: it sees and acts.</summary>
    Handelen,
}

/// <summary>One answer of <see cref="Verantwoordelijkheid"/>, with its rule version and one Dutch line of explanation.</summary>
public sealed record Handelingsbesluit(Bevoegdheid Bevoegdheid, string Versie, string Uitleg)
{
    public bool MagZien => Bevoegdheid != Bevoegdheid.Geen;

    public bool MagHandelen => Bevoegdheid == Bevoegdheid.Handelen;
}

/// <summary>
/// May a municipality ACT on a person: register or change a PIP or an inburgeringsaanbod, ask to end asylum rights?
/// (docs/domain.md "Which municipality sees a person", "Seeing is not acting"): only the municipality the person
/// belongs to now (the published gemeente). A municipality that may only still see the person reads, and can do
/// nothing that would extend its own sight.
/// </summary>
/// <remarks>
/// Issue 17: registration used to check <see cref="Zichtbaarheid.MagZien"/> only, so the old municipality could
/// register a new PIP after a move, overwrite the responsible municipality's PIP and keep seeing the person for ever.
/// </remarks>
public static class Verantwoordelijkheid
{
    /// <summary>The version of this rule, kept with every answer.</summary>
    public const string Versie = "2026-12";

    /// <param name="kijker">The municipality asking.</param>
    /// <param name="huidigeGemeente">The published gemeente: the municipality the person belongs to now, or none.</param>
    /// <param name="naamHuidigeGemeente">Its name for the explanation; the code is used when unknown.</param>
    public static Handelingsbesluit Bepaal(
        GemeenteCode kijker,
        GemeenteCode? huidigeGemeente,
        PipInfo? huidigePip,
        PipInfo? vorigePip,
        DateOnly vandaag,
        string? naamHuidigeGemeente = null)
    {
        if (huidigeGemeente == kijker)
        {
            return new(Bevoegdheid.Handelen, Versie,
                "De persoon hoort nu bij uw gemeente; uw gemeente legt een PIP of inburgeringsaanbod vast.");
        }

        if (!Zichtbaarheid.MagZien(kijker, huidigeGemeente, huidigePip, vorigePip, vandaag))
        {
            return new(Bevoegdheid.Geen, Versie,
                "De persoon hoort niet bij uw gemeente; uw gemeente mag deze persoon niet inzien en legt niets vast.");
        }

        return new(Bevoegdheid.AlleenInzien, Versie, huidigeGemeente is { } nu
            ? $"Alleen de gemeente waar de persoon nu woont of aan wie het COA de persoon heeft gekoppeld ({naamHuidigeGemeente ?? nu.Waarde}) legt een PIP of inburgeringsaanbod vast; uw gemeente mag deze persoon nog inzien."
            : "De persoon hoort nu bij geen gemeente, dus legt geen gemeente een PIP of inburgeringsaanbod vast; uw gemeente mag deze persoon nog inzien.");
    }
}
