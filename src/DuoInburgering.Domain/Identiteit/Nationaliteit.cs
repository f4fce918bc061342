using System.Collections.Frozen;

namespace DuoInburgering.Domain.Identiteit;

/// <summary>
/// Nationality codes (ISO 3166-1 alpha-3, as the IND delivers them; docs/domain.md "The facts that come in").
/// </summary>
public static class Nationaliteit
{
    public const string Nederland = "NLD";

    /// <summary>Turkey: special rule under Wi2007/Wi2013 (docs/domain.md rule set 2022-03).</summary>
    public const string Turkije = "TUR";

    /// <summary>
    /// EU member states (27, including NLD), the other EEA states (ISL, LIE, NOR) and Switzerland.
    /// People with these nationalities are never obligated (docs/domain.md rule set 2022-03).
    /// </summary>
    public static readonly FrozenSet<string> EuEerZwitserlandNederland = FrozenSet.ToFrozenSet(
        [
            "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
            "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
            "ISL", "LIE", "NOR",
            "CHE",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True for three ASCII letters (case-insensitive); says nothing about whether the country exists.</summary>
    public static bool IsGeldigeCode(string? code)
    {
        if (code is null || code.Length != 3)
        {
            return false;
        }

        foreach (char c in code)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsEuEerZwitserlandOfNederland(string? code) =>
        code is not null && EuEerZwitserlandNederland.Contains(code);

    public static bool IsTurks(string? code) => string.Equals(code, Turkije, StringComparison.OrdinalIgnoreCase);
}
