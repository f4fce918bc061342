using DuoInburgering.Web.Features.Demo;
using System.Net;
using System.Security.Claims;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>
/// Clients of the test host that are signed in, without a provider or the Development login: the session
/// cookie is made with the host's own cookie protection, holding the claims the real sign-in gives.
/// <code>using var client = Aanmelding.Als(factory, "km.amsterdam");</code>
/// </summary>
public static class Aanmelding
{
    public static readonly Uri Basis = new("http://localhost");

    /// <summary>Signed in as a demo user of <see cref="DemoGebruikers.Alle"/> (km.amsterdam, duo.beheer, fg.auditor, …).</summary>
    public static HttpClient Als(WebApplicationFactory<Program> factory, string gebruikersnaam, bool volgRedirects = false) =>
        Als(factory, PibPrincipal.VoorDemo(DemoGebruiker(gebruikersnaam)), volgRedirects);

    /// <summary>Signed in with any principal, e.g. <see cref="PibPrincipal.Maak"/> for a user of another municipality.</summary>
    public static HttpClient Als(WebApplicationFactory<Program> factory, ClaimsPrincipal principal, bool volgRedirects = false)
    {
        var cookies = new CookieContainer();
        cookies.Add(Basis, new Cookie(PibSessie.CookieNaam, CookieWaarde(factory.Services, principal)));
        return Anoniem(factory, cookies, volgRedirects);
    }

    /// <summary>Not signed in, but keeping the cookies it is given (to sign in or out through the real endpoints).</summary>
    public static HttpClient Anoniem(WebApplicationFactory<Program> factory, CookieContainer? cookies = null, bool volgRedirects = false)
    {
        DelegatingHandler koekjes = new CookieContainerHandler(cookies ?? new CookieContainer());
        return volgRedirects
            ? factory.CreateDefaultClient(Basis, new RedirectHandler(), koekjes)
            : factory.CreateDefaultClient(Basis, koekjes);
    }

    /// <summary>The antiforgery token of the first form on a page (the client must keep the page's cookies).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pad)
    {
        var html = await client.GetStringAsync(new Uri(pad, UriKind.Relative));
        var naam = html.IndexOf("name=\"__RequestVerificationToken\"", StringComparison.Ordinal);
        if (naam < 0)
        {
            throw new InvalidOperationException($"Geen antiforgery-token op {pad}.");
        }
        var begin = html.IndexOf("value=\"", naam, StringComparison.Ordinal) + 7;
        return WebUtility.HtmlDecode(html[begin..html.IndexOf('"', begin)]);
    }

    /// <summary>A caseworker of any municipality, signed in through the real session cookie.</summary>
    public static HttpClient GemeenteClient(this WebApplicationFactory<Program> factory, string gemeente, string id = "km.test") =>
        Als(factory, PibPrincipal.Maak(id, "Klantmanager", Rol.Gemeente, gemeente, Betrouwbaarheidsniveau.Substantieel, "Test"));

    /// <summary>The web host on this clock, for pages that use "today"; sessions are issued on it too.</summary>
    public static WebApplicationFactory<Program> MetKlok(this WebApplicationFactory<Program> factory, TimeProvider klok) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton(klok)));

    public static Gebruiker DemoGebruiker(string gebruikersnaam) =>
        DemoGebruikers.Alle.SingleOrDefault(g => g.Gebruikersnaam == gebruikersnaam)
        ?? throw new ArgumentException($"Geen demogebruiker '{gebruikersnaam}'.", nameof(gebruikersnaam));

    /// <summary>The value of the session cookie for this principal, as the host's cookie handler would write it.</summary>
    /// <param name="uitgegeven">When the session was last renewed; default now. Older than 15 minutes: expired.</param>
    public static string CookieWaarde(IServiceProvider services, ClaimsPrincipal principal, DateTimeOffset? uitgegeven = null)
    {
        var opties = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var nu = uitgegeven ?? (opties.TimeProvider ?? services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        // As the real sign-in does (PibSessie, OnSigningIn): a server-side session record, named in the cookie.
        principal = MetSessie(principal, services.GetRequiredService<SessieRegister>()
            .BeginAsync(principal.FindFirstValue(PibClaims.Gebruiker) ?? "onbekend").GetAwaiter().GetResult());
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = nu, ExpiresUtc = nu + opties.ExpireTimeSpan },
            CookieAuthenticationDefaults.AuthenticationScheme);
        return opties.TicketDataFormat.Protect(ticket);
    }

    /// <summary>The session id of a cookie made by <see cref="CookieWaarde"/> (to end it, or look it up).</summary>
    public static Guid SessieVan(IServiceProvider services, string cookieWaarde)
    {
        var opties = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        return SessieRegister.IdVan(opties.TicketDataFormat.Unprotect(cookieWaarde)?.Principal)
            ?? throw new InvalidOperationException("Deze cookie noemt geen sessie.");
    }

    private static ClaimsPrincipal MetSessie(ClaimsPrincipal principal, Guid sessie)
    {
        var identity = new ClaimsIdentity(principal.Identity as ClaimsIdentity
            ?? throw new ArgumentException("Geen ClaimsIdentity.", nameof(principal)));
        foreach (var oud in identity.FindAll(SessieRegister.Claim).ToList())
        {
            identity.RemoveClaim(oud);
        }
        identity.AddClaim(new Claim(SessieRegister.Claim, sessie.ToString()));
        return new ClaimsPrincipal(identity);
    }
}
