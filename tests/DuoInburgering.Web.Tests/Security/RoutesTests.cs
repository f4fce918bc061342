using Bunit;
using Bunit.TestDoubles;
using DuoInburgering.Web.Components;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// Navigating inside a circuit sends no HTTP request, so the router itself must refuse: the real Routes
/// component with the real policies, as a caseworker or an anonymous visitor clicks through.
/// </summary>
public sealed class RoutesTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly Npgsql.NpgsqlDataSource _dataSource = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);

    public Task InitializeAsync()
    {
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddDbContextFactory<AppDbContext>(o => o.UseNpgsql(database.ConnectionString));
        // The auditor's start page reads the last chain check and holds the timeline search.
        _ctx.Services.AddSingleton(_dataSource).AddPibAudit(AuditOpties.Demo).AddPibAuditSchermen();
        _ctx.Services.AddLogging().AddAuthorizationCore(PibBeleid.Registreer);
        // bUnit puts placeholders in first; these are the real ones, so the real policies decide.
        _ctx.Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        _ctx.Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        _ctx.Services.AddScoped<IAuthorizationHandler, PibToegangHandler>();
        _ctx.Services.AddCascadingAuthenticationState();
        _ctx.Services.AddSingleton<AntiforgeryStateProvider, GeenAntiforgery>();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private IRenderedComponent<Routes> Render(VasteAuthenticatie wie)
    {
        _ctx.Services.AddSingleton<AuthenticationStateProvider>(wie);
        // The layout marks its interactive render for the browser tests (data-pib-interactief).
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return _ctx.Render<Routes>();
    }

    private BunitNavigationManager Navigatie => (BunitNavigationManager)_ctx.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void A_caseworker_navigating_to_a_DUO_page_sees_Geen_toegang_instead()
    {
        var cut = Render(VasteAuthenticatie.Als("km.amsterdam"));
        Navigatie.NavigateTo("/duo");
        cut.WaitForAssertion(() => Assert.Equal("Geen toegang", cut.Find("h1").TextContent));
        Assert.Contains("Klantmanager Amsterdam", cut.Markup, StringComparison.Ordinal);

        Navigatie.NavigateTo("/audit");
        cut.WaitForAssertion(() => Assert.Equal("Geen toegang", cut.Find("h1").TextContent));

        // The DUO task pages are not built at all (their services are not even registered here).
        Navigatie.NavigateTo("/duo/pauzes");
        cut.WaitForAssertion(() => Assert.Equal("Geen toegang", cut.Find("h1").TextContent));
        Assert.DoesNotContain("Wachtend (uitgesteld)", cut.Markup, StringComparison.Ordinal);
        Navigatie.NavigateTo("/duo/importen");
        cut.WaitForAssertion(() => Assert.Equal("Geen toegang", cut.Find("h1").TextContent));
        Assert.DoesNotContain("Importen en berichten", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duo.beheer", "/duo", "DUO")]
    [InlineData("duo.beheer", "/duo/gemeenten", "Gemeenten")]
    [InlineData("fg.auditor", "/audit", "Audit")]
    // The municipal start page reads the database through a GemeenteSessie: GemeenteStartTests cover it on the real host.
    public void Each_role_navigates_to_its_own_pages(string gebruiker, string pad, string kop)
    {
        var cut = Render(VasteAuthenticatie.Als(gebruiker));
        Navigatie.NavigateTo(pad);
        cut.WaitForAssertion(() => Assert.Equal(kop, cut.Find("h1").TextContent.Trim()));
    }

    [Fact]
    public void An_anonymous_visitor_sees_the_start_page_and_is_sent_to_sign_in_for_a_protected_one()
    {
        var cut = Render(new VasteAuthenticatie(null));
        Navigatie.NavigateTo("/");
        cut.WaitForAssertion(() => Assert.Equal("Portaal Inburgering", cut.Find("h1").TextContent));
        Assert.Contains("Inloggen", cut.Markup, StringComparison.Ordinal);

        Navigatie.NavigateTo("/duo/gemeenten");
        cut.WaitForAssertion(() => Assert.Contains(Navigatie.History, h => h.Uri.EndsWith("/duo/gemeenten", StringComparison.Ordinal) && h.Options.ForceLoad));
        Assert.DoesNotContain("Zoek op naam of CBS-code", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_open_pages_render_for_everyone_inside_the_circuit()
    {
        var cut = Render(new VasteAuthenticatie(null));
        Navigatie.NavigateTo("/inloggen/niveau-te-laag");
        cut.WaitForAssertion(() => Assert.Equal("Uw inlogmiddel is niet sterk genoeg", cut.Find("h1").TextContent));
        Navigatie.NavigateTo("/bestaat-niet");
        cut.WaitForAssertion(() => Assert.Equal("Pagina niet gevonden", cut.Find("h1").TextContent));
    }
}
