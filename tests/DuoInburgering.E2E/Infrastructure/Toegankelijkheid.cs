using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>axe-core (bundled in Deque.AxeCore.Playwright, no network needed) against WCAG 2.0 and 2.1, levels A and AA.</summary>
public static class Toegankelijkheid
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe on the page as it is now and fails with every violation, its rule, help and elements.</summary>
    public static async Task ControleerToegankelijkheidAsync(this IPage page)
    {
        var resultaat = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
        if (resultaat.Violations is { Length: > 0 } overtredingen)
        {
            Assert.Fail(Beschrijf(page.Url, overtredingen));
        }
    }

    public static string Beschrijf(string url, IEnumerable<AxeResultItem> overtredingen)
    {
        var tekst = new StringBuilder();
        var lijst = overtredingen.ToList();
        tekst.Append("axe vond ").Append(lijst.Count).Append(" WCAG-overtreding(en) op ").AppendLine(url);
        foreach (var o in lijst)
        {
            tekst.Append("- ").Append(o.Id).Append(" (").Append(o.Impact).Append("): ").Append(o.Help)
                .Append(" — ").AppendLine(o.HelpUrl);
            foreach (var node in o.Nodes ?? [])
            {
                tekst.Append("    ").Append(node.Target).Append("  ").AppendLine(Kort(node.Html, 200));
                // axe's failure summary: every check of All and None failed, and none of Any passed.
                foreach (var check in (node.All ?? []).Concat(node.None ?? []).Concat(node.Any ?? []))
                {
                    tekst.Append("      ").AppendLine(check.Message);
                }
            }
        }
        return tekst.ToString();
    }

    private static string Kort(string? tekst, int lengte) =>
        tekst is null ? "" : tekst.Length <= lengte ? tekst : tekst[..lengte] + "…";
}
