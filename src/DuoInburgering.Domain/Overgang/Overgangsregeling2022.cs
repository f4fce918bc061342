using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;

namespace DuoInburgering.Domain.Overgang;

/// <summary>
/// The outcome of 2022 as data (docs/domain.md "Corrections, pauses and parked people"): the wrongly placed
/// asylum status holders stayed under the Wi2021 with a choice to opt out to the Wi2013; the family and
/// other migrants went to the Wi2013 with a choice to opt in to the Wi2021 within 8 weeks. Both apply
/// only to persons whom the rules place under the Wi2013: that is who was wrongly placed under the
/// Wi2021 in January 2022. Pure: facts, published state and a date in, a decision and its reason out.
/// </summary>
public static class Overgangsregeling2022
{
    public const string Naam = "overgangsregeling 2022";

    /// <summary>docs/domain.md: family and other migrants may opt in to the Wi2021 "within 8 weeks".</summary>
    public const int KeuzetermijnWeken = 8;

    /// <summary>
    /// The term counts from the day after the release (as Dutch terms do), so 8 weeks end on day 56
    /// after the release date: a choice on day 56 is in time, on day 57 it is late.
    /// </summary>
    public const int KeuzetermijnDagen = KeuzetermijnWeken * 7;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The last day an opt-in to the Wi2021 may be registered.</summary>
    public static DateOnly LaatsteKeuzedag(DateOnly vrijgegevenOp) => vrijgegevenOp.AddDays(KeuzetermijnDagen);

    /// <summary>
    /// The rules' decision with the registered choice or decision honoured. It applies only while the
    /// rules say Wi2013: if corrected facts later make the person not obligated, undecided or Wi2021 by
    /// the rules themselves, the rules decide and the reason says the choice was not applied.
    /// </summary>
    public static RegimeBesluit PasToe(RegimeBesluit volgensRegels, RegimeKeuze? keuze)
    {
        ArgumentNullException.ThrowIfNull(volgensRegels);
        if (keuze is null)
        {
            return volgensRegels;
        }

        if (volgensRegels.Uitkomst != RegimeUitkomst.Wi2013)
        {
            return volgensRegels with
            {
                Reden = string.Concat(volgensRegels.Reden, "; ", Uitleg(keuze), " niet toegepast: die geldt alleen bij Wi2013 volgens de regels"),
            };
        }

        return volgensRegels with
        {
            Uitkomst = keuze.Regime.AlsUitkomst(),
            Reden = string.Concat(Uitleg(keuze), "; volgens de regels: ", volgensRegels.Reden),
        };
    }

    /// <summary>One Dutch line: "Keuze voor de Wi2013 geregistreerd op 2022-04-02 (overgangsregeling 2022)".</summary>
    public static string Uitleg(RegimeKeuze keuze)
    {
        ArgumentNullException.ThrowIfNull(keuze);
        return keuze.Soort == KeuzeSoort.Keuze
            ? string.Create(Inv, $"Keuze voor de {keuze.Regime} geregistreerd op {keuze.Datum:yyyy-MM-dd} ({Naam})")
            : string.Create(Inv, $"Blijft onder de {keuze.Regime}: groep vrijgegeven op {keuze.Datum:yyyy-MM-dd} met behoud van de {keuze.Regime} ({Naam})");
    }

    /// <summary>
    /// May the group of this regime and doelgroep be released "blijft Wi2021"? Only the asylum status
    /// holders whom the rules place under the Wi2013: the decision of 2022 was about them alone.
    /// Null when allowed, else the Dutch reason.
    /// </summary>
    public static string? WeigeringBlijftWi2021(RegimeUitkomst uitkomst, Doelgroep? doelgroep) =>
        uitkomst == RegimeUitkomst.Wi2013 && doelgroep == Doelgroep.Asielstatushouder
            ? null
            : "Alleen de groep Wi2013 / Asielstatushouder kan worden vrijgegeven met behoud van de Wi2021 ("
              + Naam + "); deze groep gaat naar het regime dat de regels bepalen.";

    /// <summary>
    /// May this person choose <paramref name="gekozen"/> now? Every refusal says why in Dutch; nothing
    /// is checked twice elsewhere.
    /// </summary>
    /// <param name="volgensRegels">The rules' own decision on the stored facts, without any choice applied.</param>
    /// <param name="gepubliceerd">What the municipalities were last shown (its regime is the current one).</param>
    /// <param name="huidige">The choice or decision already registered, if any.</param>
    /// <param name="vandaag">The day the choice is registered.</param>
    public static KeuzeBeoordeling BeoordeelKeuze(
        Regime gekozen, RegimeBesluit volgensRegels, PersoonToestand? gepubliceerd, RegimeKeuze? huidige, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(volgensRegels);
        if (gekozen == Regime.Wi2007)
        {
            return KeuzeBeoordeling.Nee("Kiezen kan alleen tussen de Wi2013 en de Wi2021 (" + Naam + ").");
        }

        if (huidige is { Soort: KeuzeSoort.Keuze })
        {
            return KeuzeBeoordeling.Nee($"Er is al een keuze geregistreerd: {Uitleg(huidige)}. Per persoon kan één keuze worden geregistreerd.");
        }

        if (gepubliceerd is null)
        {
            return KeuzeBeoordeling.Nee("Voor deze persoon is nog geen regime bepaald en gepubliceerd; er valt niets te kiezen.");
        }

        if (gepubliceerd.Geparkeerd)
        {
            return KeuzeBeoordeling.Nee("De persoon is geparkeerd; een keuze kan pas worden geregistreerd nadat DUO de groep heeft vrijgegeven.");
        }

        if (volgensRegels.Uitkomst != RegimeUitkomst.Wi2013)
        {
            return KeuzeBeoordeling.Nee(
                $"Volgens de regels valt de persoon niet onder de Wi2013 ({volgensRegels.Reden}); de keuze van de {Naam} "
                + "geldt alleen voor wie volgens de regels onder de Wi2013 valt.");
        }

        Regime? nu = gepubliceerd.ActiefRegime;
        return gekozen == Regime.Wi2021
            ? BeoordeelWi2021(volgensRegels.Doelgroep, nu, gepubliceerd.VrijgegevenOp, vandaag)
            : BeoordeelWi2013(volgensRegels.Doelgroep, nu);
    }

    /// <summary>Opt-in: family and other migrants, from the Wi2013, within the term after their release.</summary>
    private static KeuzeBeoordeling BeoordeelWi2021(Doelgroep? doelgroep, Regime? nu, DateOnly? vrijgegevenOp, DateOnly vandaag)
    {
        if (doelgroep is not (Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant))
        {
            return KeuzeBeoordeling.Nee(
                "Alleen een gezinsmigrant of overige migrant kan kiezen voor de Wi2021; een asielstatushouder bleef onder de Wi2021 "
                + "en kan alleen kiezen voor de Wi2013.");
        }

        if (nu != Regime.Wi2013)
        {
            return KeuzeBeoordeling.Nee($"De persoon valt nu niet onder de Wi2013 ({Tekst(nu)}); kiezen voor de Wi2021 kan alleen vanuit de Wi2013.");
        }

        if (vrijgegevenOp is not DateOnly vrij)
        {
            return KeuzeBeoordeling.Nee(
                "De persoon is niet vrijgegeven uit een geparkeerde groep; zonder vrijgave loopt er geen keuzetermijn voor de Wi2021.");
        }

        DateOnly laatste = LaatsteKeuzedag(vrij);
        int dag = vandaag.DayNumber - vrij.DayNumber;
        return dag > KeuzetermijnDagen
            ? KeuzeBeoordeling.Nee(string.Create(Inv,
                $"De keuzetermijn van {KeuzetermijnWeken} weken is verstreken: vrijgegeven op {vrij:yyyy-MM-dd}, kiezen voor de Wi2021 kon tot en met {laatste:yyyy-MM-dd} (vandaag is dag {dag})."))
            : KeuzeBeoordeling.Ja(string.Create(Inv,
                $"Keuze voor de Wi2021 binnen de termijn van {KeuzetermijnWeken} weken: vrijgegeven op {vrij:yyyy-MM-dd}, kiezen kan tot en met {laatste:yyyy-MM-dd}."));
    }

    /// <summary>Opt-out: asylum status holders who stayed under the Wi2021 although the rules say Wi2013. No term.</summary>
    private static KeuzeBeoordeling BeoordeelWi2013(Doelgroep? doelgroep, Regime? nu)
    {
        if (doelgroep != Doelgroep.Asielstatushouder)
        {
            return KeuzeBeoordeling.Nee(
                "Alleen een asielstatushouder die onder de Wi2021 bleef kan kiezen voor de Wi2013; een gezinsmigrant of overige migrant "
                + "ging al naar de Wi2013.");
        }

        return nu != Regime.Wi2021
            ? KeuzeBeoordeling.Nee($"De persoon valt nu niet onder de Wi2021 ({Tekst(nu)}); kiezen voor de Wi2013 kan alleen vanuit de Wi2021.")
            : KeuzeBeoordeling.Ja("Keuze voor de Wi2013: de asielstatushouder bleef onder de Wi2021 terwijl de regels de Wi2013 bepalen.");
    }

    /// <summary>
    /// What the Wi2013 environment hears when a person leaves it by choosing the Wi2021: SS110
    /// "Inburgeringsplicht ingetrokken". The catalogue has no move code; SS110 is the one for an
    /// obligation that ends for a reason other than a diploma, an exemption or death (SS106/107/108/111),
    /// and the Wi2013 obligation ends here because the Wi2021 one replaces it. SS190 does not fit: it is a
    /// Wi2021 correction meaning "Wi2013 after all" and carries the BSN only. The toelichting names the
    /// choice so the municipality knows the person continues in its Wi2021 environment. It goes to the
    /// municipality the person belongs to, as an ending does (<see cref="SignaalRegels.EmitSignals"/>);
    /// none while nobody may be told.
    /// </summary>
    public static IReadOnlyList<Signaal> EindeWi2013(GemeenteCode? gemeente, RegimeKeuze keuze, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(keuze);
        return gemeente is not GemeenteCode g
            ? []
            : [new Signaal(SignaalCode.SS110, g, Regime.Wi2013, vandaag, string.Create(Inv,
                $"Inburgeringsplicht onder de Wi2013 beëindigd: keuze voor de Wi2021 geregistreerd op {keuze.Datum:yyyy-MM-dd} ({Naam}); de persoon staat voortaan in de Wi2021-omgeving."))];
    }

    private static string Tekst(Regime? regime) => regime is Regime r ? "huidig regime: " + r : "geen lopende inburgeringsplicht";
}
