using System.Diagnostics.CodeAnalysis;

namespace DuoInburgering.Domain.Pip;

/// <summary>Wi2021 learning route in the PIP (DUO M2M PIP API: enum B, O, Z).</summary>
public enum Leerroute
{
    B1Route,
    Onderwijsroute,
    ZRoute,
}

/// <summary>Minimum level in the PIP. DUO's M2M PIP API (NiveauPip) accepts A2 and B1; A1 and B2 are checked per route in <see cref="PipRegels"/>.</summary>
public enum PipNiveau
{
    A1,
    A2,
    B1,
    B2,
}

public static class PipCodes
{
    /// <summary>The M2M code letter: B, O or Z.</summary>
    public static string Code(this Leerroute route) => route switch
    {
        Leerroute.B1Route => "B",
        Leerroute.Onderwijsroute => "O",
        _ => "Z",
    };

    public static string Naam(this Leerroute route) => route switch
    {
        Leerroute.B1Route => "B1-route",
        Leerroute.Onderwijsroute => "onderwijsroute",
        _ => "Z-route",
    };

    /// <summary>Accepts the M2M letter (B/O/Z) or the Dutch name (b1-route, onderwijsroute, z-route).</summary>
    public static bool TryParseLeerroute([NotNullWhen(true)] string? s, out Leerroute route)
    {
        switch (s?.Trim().ToUpperInvariant())
        {
            case "B" or "B1-ROUTE" or "B1ROUTE": route = Leerroute.B1Route; return true;
            case "O" or "ONDERWIJSROUTE": route = Leerroute.Onderwijsroute; return true;
            case "Z" or "Z-ROUTE" or "ZROUTE": route = Leerroute.ZRoute; return true;
            default: route = default; return false;
        }
    }

    public static bool TryParseNiveau([NotNullWhen(true)] string? s, out PipNiveau niveau) =>
        Enum.TryParse(s?.Trim(), ignoreCase: true, out niveau) && Enum.IsDefined(niveau);
}
