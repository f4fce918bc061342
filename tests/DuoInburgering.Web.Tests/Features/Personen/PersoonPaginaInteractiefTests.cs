using System.Security.Claims;
using Bunit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Web.Features.Personen;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>
/// The person page as the interactive circuit runs it (bUnit, real database): a caseworker registers a
/// PIP and the page shows it with the term that SS102 started; another municipality's caseworker gets
/// nothing rendered and nothing recorded.
/// </summary>
public sealed class PersoonPaginaInteractiefTests : PersonenTestdata
{
    private readonly BunitContext _ctx = new();

    private void Start(string gemeente)
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddSingleton<TimeProvider>(Klok);
        _ctx.Services.AddSingleton(Sessies());
        _ctx.Services.AddSingleton<PersoonOpvraging>();
        _ctx.Services.AddSingleton<PipRegistratie>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("km.test");
        auth.SetClaims(new Claim(PibClaims.Gebruiker, "km.test"), new Claim(PibClaims.Rol, "Gemeente"), new Claim(PibClaims.Gemeente, gemeente),
            new Claim(PibClaims.Betrouwbaarheidsniveau, "substantieel"));
        _ctx.Render<MudPopoverProvider>();
    }

    public override async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Registering_a_PIP_on_the_page_shows_it_with_the_started_term()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2026, 3, 1), naam: "Amina Bakkali"), Amsterdam, new DateOnly(2026, 4, 1));
        ZetKlok(new DateOnly(2026, 5, 1));
        Start(Amsterdam);

        var cut = _ctx.Render<PersoonPagina>(p => p.Add(x => x.Bsn, bsn));
        cut.WaitForAssertion(() => Assert.Contains("Geen PIP geregistreerd", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        var formulier = cut.FindComponent<PipFormulier>().Instance;
        formulier.Model.Dagtekening = new DateTime(2026, 4, 20);
        formulier.Model.Leerroute = Leerroute.B1Route;
        cut.FindAll("button").Single(b => b.TextContent.Contains("PIP registreren", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("(uw gemeente)", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("21 april 2026 tot en met 20 april 2029", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("SS102", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(["SS139 GM0363 Wi2021", "SS102 GM0363 Wi2021"], await SignalenAsync(bsn));
        // Shown twice (before and after registering): recorded twice.
        Assert.Equal(2, (await VerstrekkingenAsync()).Count);
    }

    [Fact]
    public async Task Another_municipalitys_caseworker_gets_nothing_rendered_and_nothing_recorded()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2026, 3, 1), naam: "Amina Bakkali"), Amsterdam, new DateOnly(2026, 4, 1));
        Start(Rotterdam);
        var nietGevonden = new TaskCompletionSource();
        _ctx.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => nietGevonden.TrySetResult();

        var cut = _ctx.Render<PersoonPagina>(p => p.Add(x => x.Bsn, bsn));

        // The page asks the router for its not-found page, the same call as for a BSN that does not exist.
        await nietGevonden.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain("Amina", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(bsn, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(await VerstrekkingenAsync());
    }
}
