using System.Net;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>The Development login: demo users per role and municipality, signing in through a real form post.</summary>
public sealed class DemoInloggenTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PibWebFactory _basis = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _basis = new PibWebFactory(database);
        _factory = _basis.WithWebHostBuilder(b => b.UseEnvironment("Development").UseSetting("Database:DemoPersonen", "0"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _basis.DisposeAsync();

    [Fact]
    public async Task In_Development_the_login_page_lists_the_demo_users_per_role_and_municipality()
    {
        using var client = Aanmelding.Anoniem(_factory);
        var antwoord = await client.GetAsync(new Uri("/inloggen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("Inloggen als demogebruiker", html, StringComparison.Ordinal);
        foreach (var gebruiker in new[] { "km.amsterdam", "km.ede", "duo.beheer", "duo.uitvoering", "duo.controle", "fg.auditor" })
        {
            Assert.Contains($"value=\"{gebruiker}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("Amsterdam (GM0363)", html, StringComparison.Ordinal);
        // Grouped: Gemeente first, then DUO, then Audit; each municipality under its own heading.
        var (gemeente, duo, audit) = (html.IndexOf(">Gemeente</h2>", StringComparison.Ordinal),
            html.IndexOf(">DUO</h2>", StringComparison.Ordinal), html.IndexOf(">Audit</h2>", StringComparison.Ordinal));
        Assert.True(gemeente > 0 && gemeente < duo && duo < audit, html);
    }

    [Fact]
    public async Task Choosing_a_demo_user_signs_in_and_returns_to_the_page_asked_for()
    {
        var cookies = new CookieContainer();
        using var client = Aanmelding.Anoniem(_factory, cookies);
        var naarInloggen = await client.GetAsync(new Uri("/gemeente", UriKind.Relative));
        Assert.Equal("/inloggen?returnUrl=%2Fgemeente", naarInloggen.Headers.Location?.PathAndQuery);

        var token = await Aanmelding.AntiforgeryTokenAsync(client, naarInloggen.Headers.Location!.PathAndQuery);
        using var formulier = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["gebruikersnaam"] = "km.utrecht", ["returnUrl"] = "/gemeente",
        });
        var ingelogd = await client.PostAsync(new Uri("/inloggen/demo", UriKind.Relative), formulier);
        Assert.Equal(HttpStatusCode.Redirect, ingelogd.StatusCode);
        Assert.Equal("/gemeente", ingelogd.Headers.Location?.OriginalString);
        Assert.Contains(cookies.GetCookies(Aanmelding.Basis), c => c.Name == PibSessie.CookieNaam);

        var html = await client.GetStringAsync(new Uri("/gemeente", UriKind.Relative));
        Assert.Contains("Klantmanager Utrecht", html, StringComparison.Ordinal);
        Assert.Contains("Gemeente GM0344", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://elders.example/", "/duo")]
    [InlineData("//elders.example/", "/duo")]
    [InlineData("/duo/gemeenten", "/duo/gemeenten")]
    public async Task The_way_back_stays_on_the_portal(string returnUrl, string verwacht)
    {
        using var client = Aanmelding.Anoniem(_factory);
        var token = await Aanmelding.AntiforgeryTokenAsync(client, "/inloggen");
        using var formulier = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["gebruikersnaam"] = "duo.beheer", ["returnUrl"] = returnUrl,
        });
        var ingelogd = await client.PostAsync(new Uri("/inloggen/demo", UriKind.Relative), formulier);
        Assert.Equal(verwacht, ingelogd.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_demo_login_needs_the_forms_antiforgery_token()
    {
        var cookies = new CookieContainer();
        using var client = Aanmelding.Anoniem(_factory, cookies);
        using var formulier = new FormUrlEncodedContent(new Dictionary<string, string> { ["gebruikersnaam"] = "km.amsterdam" });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/inloggen/demo", UriKind.Relative), formulier)).StatusCode);
        Assert.DoesNotContain(cookies.GetCookies(Aanmelding.Basis), c => c.Name == PibSessie.CookieNaam);
    }

    [Fact]
    public async Task Outside_Development_the_login_page_answers_404()
    {
        using var client = Aanmelding.Anoniem(_basis);
        var antwoord = await client.GetAsync(new Uri("/inloggen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("km.amsterdam", html, StringComparison.Ordinal);
    }
}
