using System.Globalization;
using DuoInburgering.Domain.Identiteit;

namespace DuoInburgering.Domain.Koppeling;

/// <summary>Why the responsible municipality was wrong, when it was (<see cref="Gemeentecorrectie"/>).</summary>
public enum MisplaatsingOorzaak
{
    /// <summary>COA corrected its link: another municipality, the same date linked.</summary>
    CoaCorrectie,

    /// <summary>The BRP corrected the registration: another municipality, the same date of settlement.</summary>
    BrpCorrectie,

    /// <summary>DUO corrected the person's facts by hand, approved by a second DUO user.</summary>
    DuoCorrectie,
}

/// <summary>
/// A change of the municipality a person belongs to, classified. <see cref="Oorzaak"/> is set for a
/// correction (the old municipality should never have had the person) and null for a move.
/// </summary>
public sealed record Gemeentewissel(GemeenteCode? Oud, GemeenteCode? Nieuw, MisplaatsingOorzaak? Oorzaak, string Uitleg)
{
    public bool IsCorrectie => Oorzaak is not null;
}

/// <summary>
/// When is a new municipality a <b>correction</b> rather than a <b>move</b>? (Issue 5 part 3; docs/domain.md
/// "Which municipality sees a person" and the January 2022 incident 2: status holders shown to the
/// municipality of their AZC address instead of the one COA linked them to.)
/// </summary>
/// <remarks>
/// <para>The rule, in order (the first that holds decides):</para>
/// <list type="number">
/// <item>Same municipality, or none before: no change to classify (null).</item>
/// <item>DUO corrected the person's facts by hand (four eyes): always a correction.</item>
/// <item>The old municipality came from COA's link with date linked D, and the new one from COA's link
/// with the same D: COA corrected its link, a correction.</item>
/// <item>The old municipality came from the BRP with date of settlement D, and the new one from the BRP
/// with the same D: the BRP corrected the registration, a correction.</item>
/// <item>Anything else (another date, another source, a new municipality after leaving COA, a departure)
/// is a move. A missing date never makes a correction: without it the two facts cannot be shown to be
/// the same fact.</item>
/// </list>
/// <para><b>Policy for the old municipality after a correction</b> (docs/domain.md: "When a person moves, the
/// old municipality keeps what it already received but sees nothing new"). That sentence is about a move:
/// the person really belonged there, so what it received was a proper disclosure. After a correction the
/// person never belonged there, and what it received was a disclosure it should not have had, as in 2022,
/// which SZW reported to the Autoriteit Persoonsgegevens as a data breach. Therefore the old municipality
/// keeps <b>nothing</b> in view:</para>
/// <list type="bullet">
/// <item>no SS122 or SS123 (that would disclose the person once more, and it would say the person moved,
/// which is not true);</item>
/// <item>every signal it holds about the person is withdrawn from every view (list, counts, downloads,
/// person page; row-level security hides withdrawn signals too);</item>
/// <item>a PIP it registered for the person lapses, since the access rule would otherwise keep showing
/// the person to it ("its own PIP is the current one");</item>
/// <item>the episode is recorded (table misplaatsing) for the breach report; the disclosures already made
/// stay in the audit log, because they are the evidence.</item>
/// </list>
/// <para>The new municipality is told as if it had been the right one from the start: the first
/// announcement (SS101, SS128 or SS139), not SS120, since the person did not come to live there.</para>
/// </remarks>
public static class Gemeentecorrectie
{
    /// <param name="oud">The municipality in the published state.</param>
    /// <param name="oudeGrond">The fact behind <paramref name="oud"/>, as published.</param>
    /// <param name="nieuw">The linking rule's answer on the current facts.</param>
    /// <param name="duoCorrectie">The facts were corrected by DUO by hand (approved single-person correction).</param>
    public static Gemeentewissel? Beoordeel(GemeenteCode? oud, KoppelingGrond? oudeGrond, GemeenteKoppeling nieuw, bool duoCorrectie)
    {
        ArgumentNullException.ThrowIfNull(nieuw);
        if (oud is not GemeenteCode vorige || vorige == nieuw.Gemeente)
        {
            return null;
        }

        string naar = nieuw.Gemeente is GemeenteCode n ? n.Waarde : "geen gemeente";
        if (duoCorrectie)
        {
            return new(vorige, nieuw.Gemeente, MisplaatsingOorzaak.DuoCorrectie,
                $"Correctie door DUO (vier ogen), geen verhuizing: {vorige} had de persoon nooit mogen zien; nu {naar}.");
        }

        if (nieuw.Gemeente is GemeenteCode nieuwe && oudeGrond is { Datum: DateOnly datum } && nieuw.Grond is { Datum: DateOnly nieuweDatum }
            && oudeGrond.Bron == nieuw.Grond.Bron && datum == nieuweDatum)
        {
            var dag = datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return oudeGrond.Bron == KoppelingBron.Coa
                ? new(vorige, nieuwe, MisplaatsingOorzaak.CoaCorrectie,
                    $"Correctie, geen verhuizing: het COA corrigeert de koppeling van {dag} van {vorige} naar {nieuwe}; {vorige} had de persoon nooit mogen zien.")
                : new(vorige, nieuwe, MisplaatsingOorzaak.BrpCorrectie,
                    $"Correctie, geen verhuizing: de BRP corrigeert de inschrijving met vestigingsdatum {dag} van {vorige} naar {nieuwe}; {vorige} had de persoon nooit mogen zien.");
        }

        return new(vorige, nieuw.Gemeente, null, nieuw.Gemeente is null
            ? $"Verhuizing: {vorige} is niet langer de gemeente van de persoon; nog geen nieuwe gemeente."
            : $"Verhuizing van {vorige} naar {naar}.");
    }
}
