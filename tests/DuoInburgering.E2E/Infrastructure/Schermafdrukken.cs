using Microsoft.Playwright;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>
/// Test artifacts under artifacts/ at the root of the checkout (git-ignored; PIB_E2E_ARTEFACTEN elsewhere):
/// screenshots/ holds the main pages of every run, failures/ the screenshot, trace and console of a failed test.
/// </summary>
public static class Schermafdrukken
{
    public static readonly string Map = Environment.GetEnvironmentVariable("PIB_E2E_ARTEFACTEN") is { Length: > 0 } gekozen
        ? Path.GetFullPath(gekozen)
        : Path.Combine(CheckoutRoot(), "artifacts");

    public static string SchermafdrukMap => Path.Combine(Map, "screenshots");

    public static string MisluktMap => Path.Combine(Map, "failures");

    /// <summary>A full-page screenshot of the page as it is, kept as artifacts/screenshots/{naam}.png.</summary>
    public static async Task<string> BewaarSchermafdrukAsync(this IPage page, string naam)
    {
        Directory.CreateDirectory(SchermafdrukMap);
        var pad = Path.Combine(SchermafdrukMap, Bestandsnaam(naam) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = pad, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return pad;
    }

    /// <summary>Old failures would mislead: each run starts with an empty failures/.</summary>
    public static void BeginRun()
    {
        if (Directory.Exists(MisluktMap))
        {
            Directory.Delete(MisluktMap, recursive: true);
        }
    }

    /// <summary>What a failed test leaves behind; best effort, so the test's own failure is what gets reported.</summary>
    internal static async Task BewaarMisluktAsync(IPage page, IBrowserContext context, string naam, IReadOnlyCollection<string> console)
    {
        Directory.CreateDirectory(MisluktMap);
        var basis = Path.Combine(MisluktMap, Bestandsnaam(naam));
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = basis + ".png", FullPage = true, Timeout = 15_000 });
        }
        catch (PlaywrightException)
        {
        }
        catch (TimeoutException)
        {
        }
        try
        {
            await context.Tracing.StopAsync(new TracingStopOptions { Path = basis + ".trace.zip" });
        }
        catch (PlaywrightException)
        {
        }
        string[] regels;
        lock (console)
        {
            regels = [$"url: {page.Url}", .. console];
        }
        await File.WriteAllLinesAsync(basis + ".console.txt", regels);
    }

    private static string Bestandsnaam(string naam)
    {
        var ongeldig = Path.GetInvalidFileNameChars();
        return new string([.. naam.Select(c => ongeldig.Contains(c) || char.IsWhiteSpace(c) ? '_' : c)]);
    }

    private static string CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DuoInburgering.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
