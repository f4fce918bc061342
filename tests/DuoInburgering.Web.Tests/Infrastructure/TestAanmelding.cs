using System.Security.Claims;
using System.Text.Encodings.Web;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>
/// Test-only sign-in until the real one (cookie + OIDC) is merged: the principal comes from header
/// <see cref="Header"/> ("id;Rol;GM0363"), with the portal's claims (PibClaims), and the three
/// policies are registered here as the portal defines them. One file, so it can be swapped for the
/// real sign-in in one place.
/// </summary>
public static class TestAanmelding
{
    public const string Schema = "TestAanmelding";
    public const string Header = "X-Test-Gebruiker";

    /// <typeparam name="TEntry">Any type of the portal's assembly (the benchmarks have a Program of their own).</typeparam>
    public static WebApplicationFactory<TEntry> MetTestAanmelding<TEntry>(this WebApplicationFactory<TEntry> factory) where TEntry : class =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddAuthentication(Schema).AddScheme<AuthenticationSchemeOptions, Handler>(Schema, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = Schema;
                o.DefaultAuthenticateScheme = Schema;
                o.DefaultChallengeScheme = Schema;
                o.DefaultForbidScheme = Schema;
            });
            services.AddAuthorization(o =>
            {
                foreach (var (beleid, rol) in new[] { (PibBeleid.Gemeente, Rol.Gemeente), (PibBeleid.Duo, Rol.Duo), (PibBeleid.Auditor, Rol.Auditor) })
                {
                    o.AddPolicy(beleid, p => p.AddAuthenticationSchemes(Schema).RequireAssertion(c => PibGebruiker.Van(c.User)?.Rol == rol));
                }
            });
        }));

    public static string Waarde(string id, Rol rol, string? gemeente) => $"{id};{rol};{gemeente}";

    public static HttpClient AlsGebruiker(this HttpClient client, string id, Rol rol, string? gemeente)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, Waarde(id, rol, gemeente));
        return client;
    }

    public static ClaimsPrincipal Principal(string id, Rol rol, string? gemeente)
    {
        var claims = new List<Claim> { new(PibClaims.Gebruiker, id), new(PibClaims.Naam, id), new(PibClaims.Rol, rol.ToString()) };
        if (!string.IsNullOrEmpty(gemeente))
        {
            claims.Add(new Claim(PibClaims.Gemeente, gemeente));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Schema, PibClaims.Naam, PibClaims.Rol));
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> opties, ILoggerFactory logs, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(opties, logs, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var waarde))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var delen = waarde.ToString().Split(';');
            if (delen.Length != 3 || !Enum.TryParse<Rol>(delen[1], out var rol))
            {
                return Task.FromResult(AuthenticateResult.Fail("Ongeldige testgebruiker."));
            }
            var principal = Principal(delen[0], rol, delen[2]);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Schema)));
        }
    }
}
