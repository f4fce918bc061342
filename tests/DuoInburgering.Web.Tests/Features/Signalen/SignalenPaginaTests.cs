using System.Security.Claims;
using Bunit;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>The page on the real handlers and a real database, signed in as a caseworker of GM0363.</summary>
public sealed class SignalenPaginaTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await using (var db = database.CreateContext())
        {
            if (!await db.Signalen.AnyAsync())
            {
                await VulAsync(database);
            }
        }
        var klok = Klok();
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(Zoeken(database, klok));
        _ctx.Services.AddSingleton(Afhandelen(database, klok));
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var aanmelding = _ctx.AddAuthorization();
        aanmelding.SetAuthorized("km.amsterdam");
        aanmelding.SetClaims(new Claim(PibClaims.Gebruiker, "km.amsterdam"), new Claim(PibClaims.Rol, "Gemeente"), new Claim(PibClaims.Gemeente, Eigen),
            new Claim(PibClaims.Betrouwbaarheidsniveau, "substantieel"));
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    /// <summary>With the snackbar provider beside it, as the layout has it, so the undo button is rendered.</summary>
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> Toon(string regime) => _ctx.Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<MudSnackbarProvider>(1);
        b.CloseComponent();
        b.OpenComponent<SignalenPagina>(2);
        b.AddAttribute(3, nameof(SignalenPagina.RegimePad), regime);
        b.CloseComponent();
    });

    [Fact]
    public async Task The_Wi2021_page_shows_the_first_page_with_labelled_checkboxes_person_links_and_downloads()
    {
        var verwacht = await OrakelAsync(database, Eigen, new SignaalFilter(Domain.Regimes.Regime.Wi2021));
        var cut = Toon("wi2021");
        cut.WaitForAssertion(() => Assert.Equal(Math.Min(25, verwacht.Count), cut.FindAll("tbody tr.mud-table-row").Count), TimeSpan.FromSeconds(10));

        Assert.Contains($"{verwacht.Count} signalen", cut.Markup, StringComparison.Ordinal);
        var links = cut.FindAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(verwacht.Take(25).Select(r => $"/gemeente/personen/{r.Bsn}"), links);
        var vakjes = cut.FindAll("tbody input[type=checkbox]");
        Assert.Equal(links.Count, vakjes.Count);
        Assert.All(vakjes, v => Assert.StartsWith("Selecteer SS", v.GetAttribute("aria-label"), StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("a[download]"), a => a.GetAttribute("href") == "/gemeente/signalen/wi2021/download.csv?sorteer=datum&richting=aflopend");
        Assert.Contains(cut.FindAll("a[download]"), a => a.GetAttribute("href") == SignalenDownloads.Ss190Url);
    }

    [Fact]
    public void Wi2007_is_shown_read_only_without_selection_or_handling()
    {
        var cut = Toon("wi2007");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        Assert.Contains("De Wi2007-omgeving is alleen-lezen", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("table input[type=checkbox]"));
        Assert.DoesNotContain("Markeer als afgehandeld", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("SS190-lijst", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_selected_signal_handles_it_and_the_snackbar_undoes_it()
    {
        var cut = Toon("wi2021");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        // The first open signal on the page.
        var rij = cut.FindAll("tbody tr.mud-table-row").First(r => r.QuerySelectorAll("td").Last().TextContent.Trim() == "nee");
        var label = rij.QuerySelector("input[type=checkbox]")!.GetAttribute("aria-label")!;
        rij.QuerySelector("input[type=checkbox]")!.Change(true);
        Klik(cut, "Markeer als afgehandeld (1)");

        cut.WaitForAssertion(() => Assert.Contains("1 signaal afgehandeld.", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(1, await AantalAfgehandeldDoorAsync());

        Klik(cut, "Ongedaan maken");
        cut.WaitForAssertion(() => Assert.Contains("Ongedaan gemaakt: 1 signaal weer open.", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(0, await AantalAfgehandeldDoorAsync());
        Assert.NotNull(label);
    }

    [Fact]
    public void A_bad_search_shows_the_Dutch_reason_instead_of_results()
    {
        var cut = Toon("wi2021");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        cut.Find("input[aria-label='Zoek op BSN of naam'], [aria-label='Zoek op BSN of naam'] input").Input("12345");
        cut.WaitForAssertion(() => Assert.Contains("Een BSN bestaat uit 9 cijfers", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    /// <summary>The grid and the count re-render asynchronously: find the button afresh until its click lands.</summary>
    private static void Klik(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut, string tekst) =>
        cut.WaitForAssertion(() =>
        {
            var knop = cut.FindAll("button").FirstOrDefault(b => Tekst(b).Contains(tekst, StringComparison.Ordinal));
            Assert.NotNull(knop);
            knop.Click();
        }, TimeSpan.FromSeconds(10));

    private static string Tekst(AngleSharp.Dom.IElement e) => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<int> AantalAfgehandeldDoorAsync()
    {
        await using var db = database.CreateContext();
        return await db.Signalen.CountAsync(s => s.AfgehandeldDoor == "km.amsterdam");
    }
}
