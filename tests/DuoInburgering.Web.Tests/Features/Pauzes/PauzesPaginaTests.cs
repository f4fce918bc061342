using DuoInburgering.Web.Features.Feiten;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Bunit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace DuoInburgering.Web.Tests.Features.Pauzes;

/// <summary>
/// The DUO pause page as the circuit runs it (bUnit), on the real web host's Pauzering and database: facts
/// arrive through POST /api/feiten and municipalities read their signals through their own download.
/// One database for the class; every test uses its own regime and doelgroep.
/// </summary>
public sealed class PauzesPaginaTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Begin = new(2022, 3, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Begin);
    private readonly BunitContext _ctx = new();
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> _dialogen = null!;
    private PibWebFactory _basis = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _basis = new PibWebFactory(database);
        _factory = _basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_klok));
        });
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_factory.Services.GetRequiredService<Pauzering>());
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var aanmelding = _ctx.AddAuthorization();
        aanmelding.SetAuthorized("duo.beheer");
        aanmelding.SetClaims(new Claim(PibClaims.Gebruiker, "duo.beheer"), new Claim(PibClaims.Naam, "Functioneel beheer DUO"),
            new Claim(PibClaims.Rol, "Duo"), new Claim(PibClaims.Betrouwbaarheidsniveau, "substantieel"));
        // The layout's providers, once: dialogs and popovers render here, not inside the page.
        _dialogen = _ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _factory.DisposeAsync();
        await _basis.DisposeAsync();
    }

    private Pauzering Pauzering => _factory.Services.GetRequiredService<Pauzering>();

    /// <summary>The page; its dialogs open in <see cref="_dialogen"/>, as under the layout.</summary>
    private IRenderedComponent<PauzesPagina> Toon() => _ctx.Render<PauzesPagina>();

    [Fact]
    public async Task Pausing_on_the_page_stores_who_and_why_a_newcomer_waits_and_resuming_sends_the_signals_to_the_municipality()
    {
        const string bsn = "999990068";
        var cut = Toon();
        Rij(cut, "Wi2013/Gezinsmigrant", r => Assert.Contains("Actief", r.TextContent, StringComparison.Ordinal));

        BevestigInDialoog(cut, "Pauzeren Wi2013 Gezinsmigrant", "Plaatsing gezinsmigranten onderzoeken");

        cut.WaitForAssertion(() => Assert.Contains("Wi2013 Gezinsmigrant is gepauzeerd.", cut.Markup, StringComparison.Ordinal));
        var pauze = Assert.Single(await Pauzering.OverzichtAsync(CancellationToken.None), p => p.Regime == Regime.Wi2013);
        Assert.Equal((Regime.Wi2013, Doelgroep.Gezinsmigrant, "duo.beheer", "Plaatsing gezinsmigranten onderzoeken", Begin),
            (pauze.Regime, pauze.Doelgroep, pauze.Door, pauze.Reden, pauze.Sinds));
        Rij(cut, "Wi2013/Gezinsmigrant", r =>
        {
            Assert.Contains("Gepauzeerd", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("duo.beheer", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("Plaatsing gezinsmigranten onderzoeken", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("25-03-2022 10:00", r.TextContent, StringComparison.Ordinal);
        });

        // A family migrant of Rotterdam arrives while paused: stored, waiting, not shown to Rotterdam.
        _klok.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("brp", new
        {
            bericht_id = "PP-BRP-1", bsn, gemeente = "GM0599", adres_is_coa_locatie = "false", datum_vestiging = "2021-10-04",
        }, PibWebFactory.BrpSleutel)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("ind", new Dictionary<string, string?>
        {
            ["bericht_id"] = "PP-IND-1", ["bsn"] = bsn, ["v_nummer"] = "0099990006", ["naam"] = "Fatima Benali",
            ["geboortedatum"] = "1993-09-09", ["nationaliteit"] = "MAR", ["verblijfsdoel"] = "gezinshereniging",
            ["datum_ingang_verblijfsrecht"] = "2021-09-20", ["datum_beschikking"] = "2021-12-01",
            ["datum_uitreiking_document"] = "2021-12-15", ["datum_kennisgeving"] = "2022-01-11",
        }, PibWebFactory.IndSleutel)).StatusCode);
        Assert.DoesNotContain(bsn, await SignalenRotterdamAsync(), StringComparison.Ordinal);

        var opnieuw = Toon();
        Rij(opnieuw, "Wi2013/Gezinsmigrant", r => Assert.Equal("1", r.QuerySelectorAll("td")[6].TextContent.Trim()));

        BevestigInDialoog(opnieuw, "Hervatten Wi2013 Gezinsmigrant", "Onderzoek afgerond");

        opnieuw.WaitForAssertion(() => Assert.Contains(
            "Wi2013 Gezinsmigrant is hervat: 1 persoon verwerkt,", opnieuw.Markup, StringComparison.Ordinal));
        Assert.Matches("1 persoon verwerkt, [1-9][0-9]* signa(a)?(len|l) verstuurd", opnieuw.Markup);
        Assert.DoesNotContain(await Pauzering.OverzichtAsync(CancellationToken.None), p => p.Regime == Regime.Wi2013);
        Rij(opnieuw, "Wi2013/Gezinsmigrant", r => Assert.Equal("0", r.QuerySelectorAll("td")[6].TextContent.Trim()));
        Assert.Contains(bsn, await SignalenRotterdamAsync(), StringComparison.Ordinal);

        // The history, newest first: who, when, why, and how many the resume processed.
        var historie = opnieuw.FindAll(".pauze-historie tbody tr")
            .Select(r => string.Join('|', r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
            [
                "25-03-2022 11:00|Wi2013|Gezinsmigrant|Hervat|duo.beheer|Onderzoek afgerond|1",
                "25-03-2022 10:00|Wi2013|Gezinsmigrant|Gepauzeerd|duo.beheer|Plaatsing gezinsmigranten onderzoeken|–",
            ],
            historie.Where(h => h.Contains("|Wi2013|Gezinsmigrant|", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Without_a_reason_the_dialog_shows_the_Dutch_message_beside_the_field_and_nothing_is_written(string reden)
    {
        var cut = Toon();

        BevestigInDialoog(cut, "Pauzeren Wi2021 Overige migrant", reden);

        _dialogen.WaitForAssertion(() =>
            Assert.Contains(PauzeDialoog.RedenVerplicht, _dialogen.Find("[data-veld=reden]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(_dialogen.FindAll(".mud-dialog"));
        Assert.DoesNotContain(await Pauzering.OverzichtAsync(CancellationToken.None),
            p => p.Regime == Regime.Wi2021 && p.Doelgroep == Doelgroep.OverigeMigrant);
        Assert.DoesNotContain(await Pauzering.HistorieAsync(CancellationToken.None),
            h => h.Regime == Regime.Wi2021 && h.Doelgroep == Doelgroep.OverigeMigrant);
    }

    [Fact]
    public async Task A_refusal_from_the_backend_is_shown_in_Dutch_in_the_dialog_and_the_other_users_pause_stays()
    {
        var cut = Toon();
        Rij(cut, "Wi2007/Asielstatushouder", r => Assert.Contains("Actief", r.TextContent, StringComparison.Ordinal));
        // Someone else pauses the group while this page is open.
        await Pauzering.PauzeerAsync(Regime.Wi2007, Doelgroep.Asielstatushouder, "duo.collega", "Eerder gepauzeerd", CancellationToken.None);

        BevestigInDialoog(cut, "Pauzeren Wi2007 Asielstatushouder", "Ook pauzeren");

        _dialogen.WaitForAssertion(() => Assert.Contains("Wi2007/Asielstatushouder is al gepauzeerd sinds",
            _dialogen.Find(".mud-dialog [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("duo.collega", _dialogen.Find(".mud-dialog [role=alert]").TextContent, StringComparison.Ordinal);
        var pauze = Assert.Single(await Pauzering.OverzichtAsync(CancellationToken.None),
            p => p.Regime == Regime.Wi2007 && p.Doelgroep == Doelgroep.Asielstatushouder);
        Assert.Equal(("duo.collega", "Eerder gepauzeerd"), (pauze.Door, pauze.Reden));
        // The table behind the dialog now shows the other user's pause.
        Rij(cut, "Wi2007/Asielstatushouder", r => Assert.Contains("duo.collega", r.TextContent, StringComparison.Ordinal));
        await Pauzering.HervatAsync(Regime.Wi2007, Doelgroep.Asielstatushouder, "duo.collega", "Opruimen", CancellationToken.None);
    }

    /// <summary>Clicks the row's action, types the reason into the dialog and confirms with the dialog's own button.</summary>
    private void BevestigInDialoog(IRenderedComponent<PauzesPagina> cut, string knopLabel, string reden)
    {
        cut.WaitForAssertion(() => cut.Find($"button[aria-label='{knopLabel}']").Click());
        _dialogen.WaitForAssertion(() => Assert.NotNull(_dialogen.Find(".mud-dialog textarea")));
        _dialogen.Find(".mud-dialog textarea").Input(reden);
        var actie = knopLabel.Split(' ')[0];
        _dialogen.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == actie).Click();
    }

    private static void Rij(IRenderedComponent<PauzesPagina> cut, string groep, Action<AngleSharp.Dom.IElement> controle) =>
        cut.WaitForAssertion(() => controle(cut.Find($"tr[data-groep='{groep}']")));

    private async Task<HttpResponseMessage> PostAsync(string bron, object bericht, string sleutel)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feiten/{bron}")
        {
            Content = new StringContent(JsonSerializer.Serialize(bericht), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, sleutel);
        return await client.SendAsync(request);
    }

    /// <summary>Rotterdam's Wi2013 signals through its own download, as its caseworker gets them.</summary>
    private async Task<string> SignalenRotterdamAsync()
    {
        using var rotterdam = _factory.GemeenteClient("GM0599", "km.rotterdam");
        return await rotterdam.GetStringAsync(new Uri("/gemeente/signalen/wi2013/download.csv", UriKind.Relative));
    }
}
