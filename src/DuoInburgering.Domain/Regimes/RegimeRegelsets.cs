namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// Registry of rule-set versions. Every stored decision names its version, so a correction can
/// re-run "old" against "new" (docs/domain.md "Corrections, pauses and parked people").
/// </summary>
public static class RegimeRegelsets
{
    /// <summary>The rule set for new decisions: 2022-03.</summary>
    public static RegimeRegelset Huidig => Regelset2022_03.Instance;

    /// <summary>All known versions, oldest first.</summary>
    public static IReadOnlyList<RegimeRegelset> Alle { get; } = [Regelset2021_12.Instance, Regelset2022_03.Instance];

    /// <exception cref="KeyNotFoundException">Dutch message for an unknown version.</exception>
    public static RegimeRegelset Get(string versie) =>
        TryGet(versie, out RegimeRegelset? rules)
            ? rules
            : throw new KeyNotFoundException($"Onbekende regelsetversie '{versie}'; bekend: 2021-12, 2022-03.");

    public static bool TryGet(string? versie, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RegimeRegelset? rules)
    {
        foreach (RegimeRegelset r in Alle)
        {
            if (string.Equals(r.Versie, versie?.Trim(), StringComparison.Ordinal))
            {
                rules = r;
                return true;
            }
        }

        rules = null;
        return false;
    }
}
