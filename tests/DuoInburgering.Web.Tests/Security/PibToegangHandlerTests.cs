using DuoInburgering.Web.Features.Demo;
using System.Security.Claims;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Start;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RouteData = Microsoft.AspNetCore.Components.RouteData;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The policies as the router uses them inside a circuit, where no HTTP request passes: the resource is the
/// page's RouteData. Same answers as over HTTP.
/// </summary>
public sealed class PibToegangHandlerTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IAuthorizationService _autorisatie;

    public PibToegangHandlerTests()
    {
        var services = new ServiceCollection().AddLogging().AddAuthorizationCore(PibBeleid.Registreer);
        services.AddScoped<IAuthorizationHandler, PibToegangHandler>();
        _services = services.BuildServiceProvider();
        _autorisatie = _services.GetRequiredService<IAuthorizationService>();
    }

    public void Dispose() => _services.Dispose();

    /// <summary>A page on a DUO and an audit route: without the matched template no single role may open it.</summary>
    [Route("/duo")]
    [Route("/audit")]
    private sealed class TweeRoutes : ComponentBase;

    private static ClaimsPrincipal Anoniem => new(new ClaimsIdentity());

    private static ClaimsPrincipal Als(string gebruikersnaam) =>
        PibPrincipal.VoorDemo(DemoGebruikers.Alle.Single(g => g.Gebruikersnaam == gebruikersnaam));

    private async Task<bool> StandaardAsync(ClaimsPrincipal user, object? resource) =>
        (await _autorisatie.AuthorizeAsync(user, resource, new PibToegangVereiste())).Succeeded;

    [Theory]
    [InlineData("km.amsterdam", "/gemeente", true)]
    [InlineData("km.amsterdam", "/duo", false)]
    [InlineData("duo.beheer", "/duo", true)]
    [InlineData("duo.beheer", "/audit", false)]
    [InlineData("fg.auditor", "/audit", true)]
    [InlineData(null, "/gemeente", false)]
    [InlineData(null, "/", true)]
    public async Task The_route_template_decides_inside_the_circuit(string? gebruiker, string template, bool toegang)
    {
        var route = new RouteData(typeof(DuoStart), new Dictionary<string, object?>()) { Template = template };
        Assert.Equal(toegang, await StandaardAsync(gebruiker is null ? Anoniem : Als(gebruiker), route));
    }

    [Fact]
    public async Task A_page_without_template_must_be_open_on_each_of_its_routes()
    {
        var zonderTemplate = new RouteData(typeof(TweeRoutes), new Dictionary<string, object?>());
        Assert.False(await StandaardAsync(Als("duo.beheer"), zonderTemplate));
        var nietGevonden = new RouteData(typeof(DuoInburgering.Web.Components.Pages.NietGevonden), new Dictionary<string, object?>());
        Assert.True(await StandaardAsync(Anoniem, nietGevonden));
    }

    [Theory]
    [InlineData("http://localhost/duo", "duo.beheer", true)]
    [InlineData("http://localhost/duo", "km.amsterdam", false)]
    [InlineData("http://localhost/gemeente?pagina=2", "km.amsterdam", true)]
    [InlineData("http://localhost/audit", "fg.auditor", true)]
    public async Task Without_a_template_the_circuits_address_decides_for_a_page_serving_several_areas(string adres, string gebruiker, bool toegang)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorizationCore(PibBeleid.Registreer);
        services.AddScoped<IAuthorizationHandler, PibToegangHandler>();
        services.AddScoped<NavigationManager>(_ => new VasteNavigatie(adres));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var route = new RouteData(typeof(DuoStart), new Dictionary<string, object?>());
        var uitkomst = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(Als(gebruiker), route, new PibToegangVereiste());
        Assert.Equal(toegang, uitkomst.Succeeded);
    }

    private sealed class VasteNavigatie : NavigationManager
    {
        public VasteNavigatie(string adres) => Initialize("http://localhost/", adres);
    }

    [Fact]
    public async Task Without_a_place_only_a_valid_portal_user_passes()
    {
        Assert.True(await StandaardAsync(Als("fg.auditor"), null));
        Assert.False(await StandaardAsync(Anoniem, null));
        var laag = PibPrincipal.Maak("x", "X", Rol.Duo, null, Betrouwbaarheidsniveau.Laag, "test");
        Assert.False(await StandaardAsync(laag, null));
    }

    [Fact]
    public async Task Over_HTTP_the_request_path_decides_and_an_unrouted_request_is_left_to_the_404()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/audit";
        Assert.True(await StandaardAsync(Anoniem, http), "no endpoint: nothing to protect");
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, null, "test"));
        Assert.False(await StandaardAsync(Anoniem, http));
        Assert.False(await StandaardAsync(Als("km.amsterdam"), http));
        Assert.True(await StandaardAsync(Als("fg.auditor"), http));
    }

    [Theory]
    [InlineData(PibBeleid.Gemeente, "km.ede", true)]
    [InlineData(PibBeleid.Gemeente, "duo.beheer", false)]
    [InlineData(PibBeleid.Duo, "duo.uitvoering", true)]
    [InlineData(PibBeleid.Duo, "fg.auditor", false)]
    [InlineData(PibBeleid.Auditor, "fg.auditor", true)]
    [InlineData(PibBeleid.Auditor, "km.ede", false)]
    [InlineData(PibBeleid.Aangemeld, "km.ede", true)]
    public async Task Named_policies_need_their_role(string beleid, string gebruiker, bool toegang) =>
        Assert.Equal(toegang, (await _autorisatie.AuthorizeAsync(Als(gebruiker), null, beleid)).Succeeded);

    [Fact]
    public async Task Named_policies_refuse_anonymous_users_and_invalid_claims()
    {
        Assert.False((await _autorisatie.AuthorizeAsync(Anoniem, null, PibBeleid.Aangemeld)).Succeeded);
        var zonderGemeente = PibPrincipal.Maak("x", "X", Rol.Gemeente, null, Betrouwbaarheidsniveau.Hoog, "test");
        Assert.False((await _autorisatie.AuthorizeAsync(zonderGemeente, null, PibBeleid.Gemeente)).Succeeded);
    }
}
