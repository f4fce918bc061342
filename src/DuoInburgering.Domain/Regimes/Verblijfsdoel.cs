using System.Diagnostics.CodeAnalysis;

namespace DuoInburgering.Domain.Regimes;

/// <summary>Purpose of residence as delivered by the IND (docs/domain.md "The facts that come in").</summary>
public enum Verblijfsdoel
{
    Asiel,
    Gezinshereniging,
    Gezinsvorming,
    GeestelijkBedienaar,
    OverigNietTijdelijk,
    Tijdelijk,
}

public static class VerblijfsdoelTekst
{
    /// <summary>Reads the IND's snake_case text (asiel, gezinshereniging, …, tijdelijk); case-insensitive.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Verblijfsdoel doel)
    {
        switch (s?.Trim().ToLowerInvariant())
        {
            case "asiel": doel = Verblijfsdoel.Asiel; return true;
            case "gezinshereniging": doel = Verblijfsdoel.Gezinshereniging; return true;
            case "gezinsvorming": doel = Verblijfsdoel.Gezinsvorming; return true;
            case "geestelijk_bedienaar": doel = Verblijfsdoel.GeestelijkBedienaar; return true;
            case "overig_niet_tijdelijk": doel = Verblijfsdoel.OverigNietTijdelijk; return true;
            case "tijdelijk": doel = Verblijfsdoel.Tijdelijk; return true;
            default: doel = default; return false;
        }
    }

    /// <exception cref="FormatException">Dutch message for an unknown verblijfsdoel.</exception>
    public static Verblijfsdoel Parse(string s) =>
        TryParse(s, out Verblijfsdoel d)
            ? d
            : throw new FormatException(
                "Onbekend verblijfsdoel; toegestaan: asiel, gezinshereniging, gezinsvorming, "
                + "geestelijk_bedienaar, overig_niet_tijdelijk, tijdelijk.");

    public static string AlsTekst(this Verblijfsdoel doel) => doel switch
    {
        Verblijfsdoel.Asiel => "asiel",
        Verblijfsdoel.Gezinshereniging => "gezinshereniging",
        Verblijfsdoel.Gezinsvorming => "gezinsvorming",
        Verblijfsdoel.GeestelijkBedienaar => "geestelijk_bedienaar",
        Verblijfsdoel.OverigNietTijdelijk => "overig_niet_tijdelijk",
        _ => "tijdelijk",
    };

    /// <summary>
    /// docs/domain.md rule set 2022-03: asiel → Asielstatushouder; gezinshereniging|gezinsvorming →
    /// Gezinsmigrant; geestelijk_bedienaar|overig_niet_tijdelijk → Overige migrant; tijdelijk → none.
    /// </summary>
    public static Doelgroep? Doelgroep(this Verblijfsdoel doel) => doel switch
    {
        Verblijfsdoel.Asiel => Regimes.Doelgroep.Asielstatushouder,
        Verblijfsdoel.Gezinshereniging or Verblijfsdoel.Gezinsvorming => Regimes.Doelgroep.Gezinsmigrant,
        Verblijfsdoel.GeestelijkBedienaar or Verblijfsdoel.OverigNietTijdelijk => Regimes.Doelgroep.OverigeMigrant,
        _ => null,
    };
}
