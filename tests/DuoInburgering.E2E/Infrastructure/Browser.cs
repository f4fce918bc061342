using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>Starting Chromium, and the few page steps every browser test needs.</summary>
public static class Browser
{
    /// <summary>Debian's build: Playwright's own browser download cannot reach its server from this network.</summary>
    public const string StandaardChromium = "/usr/bin/chromium";

    /// <summary>
    /// Headless Chromium at PIB_CHROMIUM or /usr/bin/chromium. A missing browser is a failure with the fix
    /// in the message, never a skipped test: ./test.sh installs it (scripts/ensure-tools.sh).
    /// </summary>
    public static async Task<IBrowser> StartChromiumAsync(IPlaywright playwright)
    {
        var pad = Environment.GetEnvironmentVariable("PIB_CHROMIUM") is { Length: > 0 } gekozen ? gekozen : StandaardChromium;
        if (!File.Exists(pad))
        {
            throw new InvalidOperationException(
                $"Chromium niet gevonden op {pad}. Installeer het met 'apt-get install chromium' (./test.sh doet dat zelf) " +
                "of wijs met PIB_CHROMIUM een ander Chromium aan.");
        }
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // The executable path bypasses Playwright's check for its own browser revision.
            ExecutablePath = pad,
            Headless = true,
            Timeout = 120_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>Opens a portal path (relative to the base URL, e.g. "duo/gemeenten") and waits for the circuit.</summary>
    public static async Task<IResponse?> GaNaarAsync(this IPage page, string pad)
    {
        var antwoord = await page.GotoAsync(pad.TrimStart('/'));
        await page.WachtOpBlazorAsync();
        return antwoord;
    }

    /// <summary>
    /// Waits until the Blazor Server circuit has rendered the page interactively. Before that the page is
    /// the prerendered HTML: it looks right, but clicks and key presses do nothing. MainLayout marks its
    /// &lt;main&gt; with data-pib-interactief="ja" once it renders in the circuit.
    /// </summary>
    public static async Task WachtOpBlazorAsync(this IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => window.Blazor !== undefined && document.querySelector('main[data-pib-interactief=\"ja\"]') !== null",
                null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{page.Url} werd niet binnen 60 s interactief (Blazor-circuit). Zie artifacts/failures/ voor de console.", e);
        }
    }

    /// <summary>
    /// Signs in through the Development demo login: opens /inloggen and chooses the demo user (a button or
    /// link whose accessible name contains the user name as a word, e.g. "Inloggen als … (km.amsterdam)"),
    /// then waits until the portal has left the login page and is interactive.
    /// </summary>
    public static async Task InloggenAlsAsync(this IPage page, string gebruikersnaam)
    {
        await page.GotoAsync("inloggen");
        var naam = new Regex($@"(^|[\s(]){Regex.Escape(gebruikersnaam)}($|[\s)])");
        var keuze = page.GetByRole(AriaRole.Button, new() { NameRegex = naam })
            .Or(page.GetByRole(AriaRole.Link, new() { NameRegex = naam }));
        // Under load a click can land while the page is being taken over by its circuit and be lost; the login is
        // idempotent, so a click that led nowhere is repeated (three tries of 20 s, as long as the one wait it replaced).
        for (var poging = 1; ; poging++)
        {
            await keuze.First.ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/inloggen", StringComparison.OrdinalIgnoreCase),
                    new PageWaitForURLOptions { Timeout = 20_000 });
                break;
            }
            catch (TimeoutException) when (poging < 3)
            {
                // still on the login page: choose again
            }
        }
        await page.WachtOpBlazorAsync();
    }
}
