using System.Net;
using System.Runtime.CompilerServices;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>
/// One per test run (collection fixture <see cref="PortaalCollection"/>): the portal on Kestrel at
/// 127.0.0.1 on a free port, on a fresh database, and one headless Chromium. Every test gets its own
/// browser context through <see cref="MetPaginaAsync"/>, so cookies and storage never leak between tests.
/// </summary>
public sealed class PortaalHost : IAsyncLifetime
{
    /// <summary>Synthetic persons besides the incident cohort: enough for lists and filters, quick to import.</summary>
    public const int DemoPersonen = 300;

    private PostgresServer? _server;
    private string? _connectionString;
    private PortaalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _chromium;

    /// <summary>Where the portal listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The portal's services, for tests that prepare or check data directly.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Het portaal is niet gestart.");

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Geen database.");

    public async Task InitializeAsync()
    {
        Schermafdrukken.BeginRun();
        // Expect(...) waits 5 s by default: too tight when two cores serve the portal, PostgreSQL and Chromium.
        Assertions.SetDefaultExpectTimeout(30_000);
        // The browser first: a machine without Chromium fails within seconds, before a database is seeded.
        _playwright = await Playwright.CreateAsync();
        _chromium = await Browser.StartChromiumAsync(_playwright);

        _server = await PostgresServer.GetAsync();
        _connectionString = await _server.CreateDatabaseAsync();
        _factory = new PortaalFactory(_connectionString, DemoPersonen);
        // A real socket: TestServer is not reachable by a browser.
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var adressen = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseUrl = new Uri(adressen.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
    }

    /// <summary>
    /// Runs one test in a fresh browser context and page. A test also fails when the portal showed its
    /// "unexpected error" bar (an unhandled exception in the circuit), or when the browser refused anything under the
    /// portal's Content-Security-Policy on any page of the context (<see cref="CspSchendingen"/>). When a test fails, a screenshot, a
    /// Playwright trace (README: how to open it offline) and the browser console are kept under
    /// artifacts/failures/, named after the test.
    /// </summary>
    public async Task MetPaginaAsync(Func<IPage, Task> test, [CallerMemberName] string naam = "", string? variant = null)
    {
        if (_chromium is null)
        {
            throw new InvalidOperationException("Chromium is niet gestart.");
        }
        var volledigeNaam = variant is null ? naam : $"{naam}-{variant}";
        await using var context = await _chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous, not tight: two cores are shared with the portal, PostgreSQL and other builds.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        // DOM snapshots only: the screencast of Screenshots = true costs a core on a small machine.
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = false, Snapshots = true, Sources = false });
        var csp = await CspSchendingen.VolgAsync(context);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add($"{m.Type}: {m.Text}");
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (console)
            {
                console.Add($"pageerror: {e}");
            }
        };

        try
        {
            await test(page);
            if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
            {
                Assert.Fail($"Het portaal toonde zijn foutmelding (#blazor-error-ui) op {page.Url}.");
            }
            csp.ControleerGeen();
        }
        catch
        {
            await Schermafdrukken.BewaarMisluktAsync(page, context, volledigeNaam, console);
            throw;
        }
        await context.Tracing.StopAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_server is not null && _connectionString is not null)
        {
            await _server.DropDatabaseAsync(_connectionString);
        }
    }
}

/// <summary>All browser tests share one portal and one Chromium, and therefore run one after another.</summary>
[CollectionDefinition(Naam)]
public sealed class PortaalCollection : ICollectionFixture<PortaalHost>
{
    public const string Naam = "Portaal in Chromium";
}
