using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>
/// Everything Chromium refused under the portal's Content-Security-Policy during one test, on every page of its browser
/// context: the console's "Refused to … Content Security Policy" lines, and each <c>securitypolicyviolation</c> event
/// (reported by a script Playwright adds before the portal's own, which the policy does not govern).
/// <see cref="PortaalHost.MetPaginaAsync"/> fails a test that saw any.
/// </summary>
public sealed class CspSchendingen
{
    private const string Merk = "pib-csp-schending:";

    private static readonly ConditionalWeakTable<IBrowserContext, CspSchendingen> PerContext = [];

    private readonly List<string> _gezien = [];

    /// <summary>The tracker <see cref="PortaalHost.MetPaginaAsync"/> put on this context (for the detector's own test).</summary>
    public static CspSchendingen Van(IBrowserContext context) =>
        PerContext.TryGetValue(context, out var s) ? s : throw new InvalidOperationException("Deze context volgt geen CSP-schendingen.");

    public IReadOnlyList<string> Gezien
    {
        get
        {
            lock (_gezien)
            {
                return [.. _gezien];
            }
        }
    }

    public static async Task<CspSchendingen> VolgAsync(IBrowserContext context)
    {
        var schendingen = new CspSchendingen();
        await context.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('{{Merk}} ' + e.effectiveDirective + ' weigerde ' + (e.blockedURI || 'inline') + ' op ' + e.documentURI));
            """);
        context.Console += (_, m) =>
        {
            if (m.Text.Contains(Merk, StringComparison.Ordinal) || m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (schendingen._gezien)
                {
                    schendingen._gezien.Add(m.Text);
                }
            }
        };
        PerContext.AddOrUpdate(context, schendingen);
        return schendingen;
    }

    /// <summary>Forgets what was seen: only for the test that causes a refusal on purpose.</summary>
    public void Wis()
    {
        lock (_gezien)
        {
            _gezien.Clear();
        }
    }

    /// <summary>Fails with every refusal seen, each on its own line.</summary>
    public void ControleerGeen()
    {
        var gezien = Gezien;
        if (gezien.Count > 0)
        {
            Assert.Fail($"De browser weigerde {gezien.Count} keer iets onder de Content-Security-Policy:\n{string.Join('\n', gezien)}");
        }
    }
}
