using System.Security.Claims;
using System.Text.Encodings.Web;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>
/// Test-only sign-in until the portal's own sign-in is merged: header <see cref="Kop"/> carries
/// "id;rol;gemeente" and becomes the portal's claims (<see cref="PibClaims"/>); no header is anonymous.
/// The policies of <see cref="PibBeleid"/> are registered here as the real ones will be: a valid
/// <see cref="PibGebruiker"/> of that role. Swap this one file when the real sign-in lands.
/// </summary>
public static class TestAanmeldingPersoon
{
    public const string Schema = "Test";
    public const string Kop = "X-Test-Gebruiker";

    /// <summary>The web host with test sign-in; the clock too when given, for pages that use "today".</summary>
    public static WebApplicationFactory<Program> MetAanmelding(this WebApplicationFactory<Program> factory, TimeProvider? klok = null) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddAuthentication(Schema).AddScheme<AuthenticationSchemeOptions, Handler>(Schema, _ => { });
            services.AddAuthorization(o =>
            {
                o.AddPolicy(PibBeleid.Gemeente, p => p.RequireAssertion(c => PibGebruiker.Van(c.User) is { Rol: Rol.Gemeente }));
                o.AddPolicy(PibBeleid.Duo, p => p.RequireAssertion(c => PibGebruiker.Van(c.User) is { Rol: Rol.Duo }));
                o.AddPolicy(PibBeleid.Auditor, p => p.RequireAssertion(c => PibGebruiker.Van(c.User) is { Rol: Rol.Auditor }));
            });
            services.AddCascadingAuthenticationState();
            if (klok is not null)
            {
                services.AddSingleton(klok);
            }
        }));

    /// <summary>A client signed in as a caseworker of <paramref name="gemeente"/>.</summary>
    public static HttpClient GemeenteClient(this WebApplicationFactory<Program> factory, string gemeente, string id = "km.test")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(Kop, $"{id};{Rol.Gemeente};{gemeente}");
        return client;
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Kop, out var waarde))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var delen = waarde.ToString().Split(';');
            var claims = new List<Claim> { new(PibClaims.Gebruiker, delen[0]), new(PibClaims.Naam, delen[0]), new(PibClaims.Rol, delen[1]) };
            if (delen.Length > 2 && delen[2].Length > 0)
            {
                claims.Add(new Claim(PibClaims.Gemeente, delen[2]));
            }
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Schema, PibClaims.Naam, PibClaims.Rol));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Schema)));
        }
    }
}
