namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// Registry of rule-set versions. Every stored decision names its version, so a correction can
/// re-run "old" against "new" (docs/domain.md "Corrections, pauses and parked people").
/// </summary>
public static class RegimeRuleSets
{
    /// <summary>The rule set for new decisions: 2022-03.</summary>
    public static RegimeRuleSet Huidig => RuleSet2022_03.Instance;

    /// <summary>All known versions, oldest first.</summary>
    public static IReadOnlyList<RegimeRuleSet> Alle { get; } = [RuleSet2021_12.Instance, RuleSet2022_03.Instance];

    /// <exception cref="KeyNotFoundException">Dutch message for an unknown version.</exception>
    public static RegimeRuleSet Get(string versie) =>
        TryGet(versie, out RegimeRuleSet? rules)
            ? rules
            : throw new KeyNotFoundException($"Onbekende rule-set-versie '{versie}'; bekend: 2021-12, 2022-03.");

    public static bool TryGet(string? versie, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RegimeRuleSet? rules)
    {
        foreach (RegimeRuleSet r in Alle)
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
