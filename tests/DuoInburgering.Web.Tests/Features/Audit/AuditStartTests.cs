using Bunit;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using DuoInburgering.Web.Tests.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Features.Audit;

/// <summary>The auditor's start page: the state of the chain on the real host, and the timeline search in the circuit (bUnit).</summary>
public sealed class AuditStartTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private NpgsqlDataSource _db = null!;

    public Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }

    private PooledDbContextFactory<AppDbContext> Factory() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(database.ConnectionString).Options);

    [Fact]
    public async Task The_start_page_shows_the_last_check_with_its_count_and_time_or_the_first_broken_row()
    {
        await using var factory = new PibWebFactory(database);
        using var client = Aanmelding.Als(factory, "fg.auditor");
        var html = await PaginaAsync(client);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Controle van de auditketen", html, StringComparison.Ordinal);
        Assert.Contains(await ScalarAsync<long>(_db, "select count(*) from audit.controle") == 0
            ? "De keten is nog niet gecontroleerd." : "Keten intact", html, StringComparison.Ordinal);
        Assert.Contains("Tijdlijn van een persoon", html, StringComparison.Ordinal);
        Assert.Contains("href=\"audit#tijdlijn\"", html, StringComparison.Ordinal);

        await SchrijfAsync(_db, TestAudit.Log(), Verstrekking().VoorBetrokkenen([Bsn(1), Bsn(2), Bsn(3)]));
        var keten = new AuditKeten(_db, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 14, 5, 9, TimeSpan.Zero)));
        await keten.ControleerAsync("fg.auditor");
        html = await PaginaAsync(client);
        // The class's other test may have written to this database first.
        var aantal = await ScalarAsync<long>(_db, "select count(*) from audit.regel");
        Assert.Contains($"Keten intact: {aantal} regels gecontroleerd op 23-11-2026 15:05 (fg.auditor).", html, StringComparison.Ordinal);

        await AlsEigenaarAsync(_db, "update audit.regel set actor = 'iemand anders' where id = 2");
        await keten.ControleerAsync("fg.auditor");
        html = await PaginaAsync(client);
        Assert.Contains("Keten verbroken bij regel 2: regel 2 is gewijzigd", html, StringComparison.Ordinal);
    }

    /// <summary>The prerendered page without Blazor's text-boundary markers, whitespace as one space.</summary>
    private static async Task<string> PaginaAsync(HttpClient client)
    {
        var html = (await client.GetStringAsync(new Uri("/audit", UriKind.Relative))).Replace("<!--!-->", "", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(html, @"\s+", " ");
    }

    private IRenderedComponent<AuditTijdlijnZoeken> RenderZoeken()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddSingleton(new AuditTijdlijn(Factory(), TestAudit.Log(), TimeProvider.System));
        _ctx.Services.AddSingleton<AuthenticationStateProvider>(VasteAuthenticatie.Als("fg.auditor"));
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<AuditTijdlijnZoeken>();
    }

    private Task<long> AuditorZoekopdrachtenAsync() =>
        ScalarAsync<long>(_db, "select count(*) from audit.regel where actor = 'fg.auditor' and verwerkingsactiviteit = 'inzage-audit'");

    [Theory]
    [InlineData("123456789", "BSN voldoet niet aan de elfproef.")]
    [InlineData("12345", "BSN moet uit precies 9 cijfers bestaan.")]
    [InlineData("12345678a", "BSN mag alleen cijfers bevatten.")]
    [InlineData("", "BSN ontbreekt.")]
    public async Task A_wrong_bsn_gets_a_Dutch_message_and_nothing_is_searched_or_recorded(string invoer, string melding)
    {
        var voor = await AuditorZoekopdrachtenAsync();
        var cut = RenderZoeken();
        cut.Find("input").Input(invoer);
        cut.Find("input").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.Contains(melding, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("table"));
        Assert.Equal("search", cut.Find("[role=search]").GetAttribute("role"));
        Assert.Equal(voor, await AuditorZoekopdrachtenAsync());
    }

    [Fact]
    public async Task A_valid_bsn_shows_that_persons_timeline_paged_on_the_server_and_the_search_is_recorded_once()
    {
        var bsn = Bsn(40);
        for (var i = 0; i < 30; i++)
        {
            await SchrijfAsync(_db, TestAudit.Log(), Verstrekking(i % 2 == 0 ? "GM0363" : "GM0599").VoorBetrokkenen([bsn, Bsn(41)]));
        }
        var voor = await AuditorZoekopdrachtenAsync();

        var cut = RenderZoeken();
        cut.Find("input").Input(bsn);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Zoeken").Click();

        cut.WaitForAssertion(() => Assert.Contains("30 regels in de auditlog voor deze persoon.", cut.Markup, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("Verstrekking", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("km.test", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Amsterdam (GM0363)", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Rotterdam (GM0599)", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("kanaal: Scherm · omschrijving: signalenlijst Wi2021", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(bsn, cut.Find("table").OuterHtml, StringComparison.Ordinal);
        Assert.Equal(voor + 1, await AuditorZoekopdrachtenAsync());

        // The second page comes from the server: the five oldest entries, and paging is not recorded again.
        var tweede = await new AuditTijdlijn(Factory(), TestAudit.Log(), TimeProvider.System)
            .ZoekAsync(new("fg.auditor", "FG", Rol.Auditor, null), bsn, 1, 25, registreer: false);
        Assert.Equal(31, tweede.Totaal);
        Assert.Equal(6, tweede.Regels.Count);
        Assert.True(tweede.Regels.Zip(tweede.Regels.Skip(1)).All(p => p.First.Id > p.Second.Id));
        Assert.Equal(voor + 1, await AuditorZoekopdrachtenAsync());
    }
}
