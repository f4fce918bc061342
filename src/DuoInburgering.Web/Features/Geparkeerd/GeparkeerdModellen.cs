using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Web.Features.Geparkeerd;

/// <summary>
/// Parked persons of one derived regime outcome and doelgroep. <paramref name="Wachtend"/> counts those
/// already released whose group is paused: they wait as uitgesteld and leave parking on resume.
/// </summary>
public sealed record GeparkeerdeGroep(RegimeUitkomst Uitkomst, Doelgroep? Doelgroep, int Geparkeerd, int Wachtend)
{
    /// <summary>Only this group may be released under the 2022 decision "blijft Wi2021".</summary>
    public bool KanBlijvenWi2021 => Overgangsregeling2022.WeigeringBlijftWi2021(Uitkomst, Doelgroep) is null;

    public string Naam => $"{Uitkomst} / {(Doelgroep is { } d ? d.Naam() : "geen doelgroep")}";
}

/// <summary>The parked groups and which regime/doelgroep pairs are paused now.</summary>
public sealed record GeparkeerdOverzicht(IReadOnlyList<GeparkeerdeGroep> Groepen, IReadOnlySet<(Regime, Doelgroep)> Pauzes)
{
    public bool IsGepauzeerd(Regime regime, Doelgroep? doelgroep) => doelgroep is { } d && Pauzes.Contains((regime, d));
}

/// <summary>One release as recorded in table vrijgave.</summary>
public sealed record VrijgaveRegel(
    RegimeUitkomst Uitkomst, Doelgroep? Doelgroep, bool BlijftWi2021, DateTimeOffset Op, string Door, string Reden,
    int Aantal, int Uitgesteld, int Signalen);

/// <summary>What a release did: persons released, of whom waiting in a paused group, and signals sent.</summary>
public readonly record struct VrijgaveResultaat(int Aantal, int Uitgesteld, int Signalen);
