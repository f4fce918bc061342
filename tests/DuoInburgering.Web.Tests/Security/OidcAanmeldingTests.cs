using System.Net;
using System.Text.RegularExpressions;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The production way in, end to end: the portal's OpenID Connect handler against a real provider
/// (<see cref="TestOidcProvider"/>) on its own port, authorization code flow with PKCE. The test plays the
/// browser: it follows every redirect by hand and posts the provider's form_post page back to the portal.
/// </summary>
public sealed partial class OidcAanmeldingTests(OidcOmgeving omgeving) : IClassFixture<OidcOmgeving>
{
    private const string AmsterdamOin = OidcOmgeving.AmsterdamOin;
    private static readonly Uri Portaal = new("https://localhost");
    private readonly TestOidcProvider _provider = omgeving.Provider;
    private readonly HttpClient _browserBijProvider = omgeving.BrowserBijProvider;
    private readonly WebApplicationFactory<Program> _factory = omgeving.Portaal;

    private static Dictionary<string, string> Klantmanager(string loa) => new()
    {
        ["sub"] = "km-test-1",
        ["name"] = "Klantmanager Test",
        ["pib_rol"] = "Gemeente",
        ["pib_gemeente"] = "GM0363",
        ["loa"] = loa,
    };

    [Fact]
    public async Task A_caseworker_at_EH3_signs_in_at_the_provider_and_sees_the_page_asked_for()
    {
        var ingewisseld = _provider.Ingewisseld;
        var (callback, portaal, cookies) = await InloggenAsync("/gemeente", Klantmanager("EH3"));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/gemeente", callback.Headers.Location?.OriginalString);
        Assert.Equal(ingewisseld + 1, _provider.Ingewisseld);
        var sessie = Assert.Single(cookies.GetCookies(Portaal), c => c.Name == "Pib.Sessie");
        Assert.True(sessie.HttpOnly);
        var pagina = await portaal.GetAsync(new Uri("/gemeente", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var html = await pagina.Content.ReadAsStringAsync();
        Assert.Contains("Klantmanager Test", html, StringComparison.Ordinal);
        Assert.Contains("Gemeente GM0363", html, StringComparison.Ordinal);
        Assert.Contains("Uitloggen", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("substantieel")]
    [InlineData("hoog")]
    [InlineData("urn:etoegang:core:assurance-class:loa3")]
    [InlineData("http://eidas.europa.eu/LoA/high")]
    public async Task Substantieel_and_higher_in_any_accepted_spelling_get_in(string loa)
    {
        var (callback, portaal, _) = await InloggenAsync("/gemeente", Klantmanager(loa));
        Assert.Equal("/gemeente", callback.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await portaal.GetAsync(new Uri("/gemeente", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("laag")]
    [InlineData("EH2")]
    [InlineData("EH2+")]
    [InlineData("urn:etoegang:core:assurance-class:loa2plus")]
    [InlineData("onbekend")]
    public async Task A_login_below_substantieel_is_refused_with_a_Dutch_page_and_no_session(string loa)
    {
        var (callback, portaal, cookies) = await InloggenAsync("/gemeente", Klantmanager(loa));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/inloggen/niveau-te-laag", callback.Headers.Location?.OriginalString);
        Assert.DoesNotContain(cookies.GetCookies(Portaal), c => c.Name == "Pib.Sessie");
        var uitleg = await portaal.GetAsync(new Uri("/inloggen/niveau-te-laag", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, uitleg.StatusCode);
        var html = await uitleg.Content.ReadAsStringAsync();
        Assert.Contains("Uw inlogmiddel is niet sterk genoeg", html, StringComparison.Ordinal);
        Assert.Contains("EH3", html, StringComparison.Ordinal);
        // Still not signed in: the page sends the browser to the provider again.
        var opnieuw = await portaal.GetAsync(new Uri("/gemeente", UriKind.Relative));
        Assert.StartsWith(_provider.Authority.ToString(), opnieuw.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_sending_only_the_OIN_and_acr_is_mapped_to_the_municipality()
    {
        var (_, portaal, _) = await InloggenAsync("/gemeente", new()
        {
            ["sub"] = "km-oin",
            ["name"] = "Klantmanager via OIN",
            ["pib_rol"] = "Gemeente",
            ["pib_oin"] = AmsterdamOin,
            ["acr"] = "urn:etoegang:core:assurance-class:loa3",
        });
        var html = await portaal.GetStringAsync(new Uri("/gemeente", UriKind.Relative));
        Assert.Contains("Klantmanager via OIN", html, StringComparison.Ordinal);
        Assert.Contains("Gemeente GM0363", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Beheerder", "GM0363", "rol")]
    [InlineData("gemeente", "GM0363", "rol")]
    [InlineData("Gemeente", "GM9999", "gemeente")]
    [InlineData("Gemeente", null, "gemeente")]
    public async Task An_unknown_role_or_municipality_is_refused_with_its_reason(string rol, string? gemeente, string reden)
    {
        var claims = new Dictionary<string, string> { ["sub"] = "x", ["pib_rol"] = rol, ["loa"] = "EH3" };
        if (gemeente is not null)
        {
            claims["pib_gemeente"] = gemeente;
        }
        var (callback, portaal, cookies) = await InloggenAsync("/gemeente", claims);

        Assert.Equal($"/inloggen/geweigerd?reden={reden}", callback.Headers.Location?.OriginalString);
        Assert.DoesNotContain(cookies.GetCookies(Portaal), c => c.Name == "Pib.Sessie");
        var pagina = await portaal.GetAsync(callback.Headers.Location!);
        Assert.Equal(HttpStatusCode.Forbidden, pagina.StatusCode);
        Assert.Contains("Inloggen niet gelukt", await pagina.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_opening_a_DUO_page_gets_Geen_toegang_403()
    {
        var (_, portaal, _) = await InloggenAsync("/gemeente", Klantmanager("EH3"));

        var duo = await portaal.GetAsync(new Uri("/duo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, duo.StatusCode);
        Assert.Equal("/geen-toegang", duo.Headers.Location?.AbsolutePath);
        var weigering = await portaal.GetAsync(duo.Headers.Location!);
        Assert.Equal(HttpStatusCode.Forbidden, weigering.StatusCode);
        Assert.Contains("Geen toegang", await weigering.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DUO_user_signs_in_for_the_DUO_pages()
    {
        var (callback, portaal, _) = await InloggenAsync("/duo/gemeenten", new()
        {
            ["sub"] = "duo-1", ["name"] = "Medewerker DUO", ["pib_rol"] = "Duo", ["loa"] = "EH4",
            // DUO's own OIN is no municipality: ignored for this role.
            ["pib_oin"] = "00000001234567890000",
        });
        Assert.Equal("/duo/gemeenten", callback.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await portaal.GetAsync(new Uri("/duo/gemeenten", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_scripts_get_401_instead_of_a_trip_to_the_provider()
    {
        using var portaal = _factory.CreateDefaultClient(Portaal);
        var verlengen = await portaal.GetAsync(new Uri("/sessie/verlengen", UriKind.Relative));
        Assert.StartsWith(_provider.Authority.ToString(), verlengen.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var fetch = new HttpRequestMessage(HttpMethod.Get, new Uri("/gemeente", UriKind.Relative));
        fetch.Headers.Add("Sec-Fetch-Mode", "cors");
        var antwoord = await portaal.SendAsync(fetch);
        Assert.Equal(HttpStatusCode.Unauthorized, antwoord.StatusCode);
        Assert.Null(antwoord.Headers.Location);
        Assert.Equal("", await antwoord.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_Production_the_demo_login_does_not_exist_and_sign_in_goes_to_the_provider()
    {
        await using var productie = omgeving.Basis.WithWebHostBuilder(b => omgeving.Oidc(b, "Production"));
        using var portaal = productie.CreateDefaultClient(Portaal);

        var demo = await portaal.GetAsync(new Uri("/inloggen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, demo.StatusCode);
        Assert.Contains("Pagina niet gevonden", await demo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // No endpoint takes the demo form: whatever answers, it is a client error and no session.
        using var formulier = new FormUrlEncodedContent(new Dictionary<string, string> { ["gebruikersnaam"] = "km.amsterdam" });
        var post = await portaal.PostAsync(new Uri("/inloggen/demo", UriKind.Relative), formulier);
        Assert.InRange((int)post.StatusCode, 400, 499);
        Assert.False(post.Headers.TryGetValues("Set-Cookie", out var gezet) && gezet.Any(c => c.StartsWith("Pib.Sessie=", StringComparison.Ordinal)));

        var start = await portaal.GetAsync(new Uri("/inloggen/start?returnUrl=%2Fduo", UriKind.Relative));
        Assert.StartsWith(_provider.Authority + "connect/authorize", start.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The browser's part of the code flow; returns the portal's answer to the provider's form post.</summary>
    [Fact]
    public async Task Signing_out_ends_the_session_at_the_provider_too_and_comes_back_to_the_signed_out_page()
    {
        var (_, portaal, cookies) = await InloggenAsync("/gemeente", Klantmanager("EH3"));
        var uitgelogd = _provider.Uitgelogd;
        var token = await Aanmelding.AntiforgeryTokenAsync(portaal, "/gemeente");
        using var formulier = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var uit = await portaal.PostAsync(new Uri("/uitloggen", UriKind.Relative), formulier);

        Assert.Equal(HttpStatusCode.Redirect, uit.StatusCode);
        var naarProvider = uit.Headers.Location!;
        Assert.StartsWith(_provider.Authority + "connect/logout?", naarProvider.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetCookies(Portaal), c => c.Name == "Pib.Sessie");
        var bijProvider = await _browserBijProvider.GetAsync(naarProvider);
        Assert.Equal(HttpStatusCode.Redirect, bijProvider.StatusCode);
        Assert.Equal(uitgelogd + 1, _provider.Uitgelogd);
        var terug = bijProvider.Headers.Location!;
        Assert.StartsWith(TestOidcProvider.PostLogoutRedirectUri, terug.ToString(), StringComparison.Ordinal);
        var callback = await portaal.GetAsync(terug);
        Assert.Equal("/uitgelogd", callback.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await portaal.GetAsync(new Uri("/gemeente", UriKind.Relative))).StatusCode);
    }

    private async Task<(HttpResponseMessage Callback, HttpClient Portaal, CookieContainer Cookies)> InloggenAsync(
        string pad, Dictionary<string, string> gebruiker)
    {
        _provider.Gebruiker = gebruiker;
        var cookies = new CookieContainer();
        var portaal = _factory.CreateDefaultClient(Portaal, new CookieContainerHandler(cookies));

        var start = await portaal.GetAsync(new Uri(pad, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var naarProvider = start.Headers.Location!;
        Assert.StartsWith(_provider.Authority + "connect/authorize?", naarProvider.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", naarProvider.Query, StringComparison.Ordinal);

        var bijProvider = await _browserBijProvider.GetAsync(naarProvider);
        var html = await bijProvider.Content.ReadAsStringAsync();
        Assert.True(bijProvider.IsSuccessStatusCode, html);
        var actie = WebUtility.HtmlDecode(Actie().Match(html).Groups[1].Value);
        Assert.Equal(TestOidcProvider.RedirectUri, actie);
        var velden = Veld().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Contains("code", velden.Keys);

        using var formulier = new FormUrlEncodedContent(velden);
        var callback = await portaal.PostAsync(new Uri(actie), formulier);
        return (callback, portaal, cookies);
    }

    [GeneratedRegex("""<form[^>]*action="([^"]+)""")]
    private static partial Regex Actie();

    [GeneratedRegex("""<input[^>]*name="([^"]+)"[^>]*value="([^"]*)""")]
    private static partial Regex Veld();
}
