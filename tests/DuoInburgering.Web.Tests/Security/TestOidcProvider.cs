using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on 127.0.0.1 with a Kestrel port of its own. It knows one
/// client, the portal, and signs in whoever <see cref="Gebruiker"/> says without asking: the test chooses
/// the claims (role, municipality or OIN, assurance level). Degraded mode: no database, the client is
/// checked by the handlers below.
/// </summary>
public sealed class TestOidcProvider : IAsyncLifetime
{
    public const string ClientId = "pib-portaal";
    public const string ClientSecret = "test-geheim-van-het-portaal";

    /// <summary>The portal's callback; the portal runs in-process at https://localhost.</summary>
    public static readonly string RedirectUri = "https://localhost/signin-oidc";

    /// <summary>Where the provider sends the browser back after signing out.</summary>
    public static readonly string PostLogoutRedirectUri = "https://localhost/signout-callback-oidc";

    private WebApplication? _app;

    public Uri Authority { get; private set; } = null!;

    /// <summary>The claims of the next login (besides sub): name → value, e.g. pib_rol → Gemeente, loa → EH3.</summary>
    public IReadOnlyDictionary<string, string> Gebruiker { get; set; } = new Dictionary<string, string>();

    /// <summary>How many codes the token endpoint redeemed: proof the portal really called it.</summary>
    public int Ingewisseld { get; private set; }

    /// <summary>How many sessions the end-session endpoint ended.</summary>
    public int Uitgelogd { get; private set; }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.EnableDegradedMode();
            o.UseAspNetCore().DisableTransportSecurityRequirement();
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId || c.RedirectUri != RedirectUri)
                {
                    c.Reject(Errors.InvalidClient, "Onbekende client of redirect_uri.");
                }
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId || c.Request.ClientSecret != ClientSecret)
                {
                    c.Reject(Errors.InvalidClient, "Onbekende client of fout geheim.");
                }
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.HandleAuthorizationRequestContext>(b => b.UseInlineHandler(c =>
            {
                c.Principal = Principal();
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(b => b.UseInlineHandler(c =>
            {
                Ingewisseld++;
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.PostLogoutRedirectUri is { } terug && terug != PostLogoutRedirectUri)
                {
                    c.Reject(Errors.InvalidRequest, "Onbekende post_logout_redirect_uri.");
                }
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.HandleEndSessionRequestContext>(b => b.UseInlineHandler(c =>
            {
                Uitgelogd++;
                c.SignOut();
                return default;
            }));
        });
        _app = builder.Build();
        await _app.StartAsync();
        var adres = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Authority = new Uri(adres.TrimEnd('/') + "/");
    }

    private ClaimsPrincipal Principal()
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, Gebruiker.GetValueOrDefault(Claims.Subject, "test-gebruiker")));
        foreach (var (type, waarde) in Gebruiker.Where(c => c.Key != Claims.Subject))
        {
            identity.AddClaim(new Claim(type, waarde));
        }
        foreach (var claim in identity.Claims)
        {
            claim.SetDestinations(Destinations.IdentityToken);
        }
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(Scopes.OpenId, Scopes.Profile);
        return principal;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
