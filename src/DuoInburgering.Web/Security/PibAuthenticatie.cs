using DuoInburgering.Web.Data;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Components.Sessie;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DuoInburgering.Web.Security;

/// <summary>
/// Sign-in and roles: the session cookie (<see cref="PibSessie"/>), OpenID Connect as the way in when
/// configured (<see cref="OidcOpties"/>), the Development login otherwise, and the policies of <see cref="PibBeleid"/>.
/// </summary>
public static class PibAuthenticatie
{
    public const string OidcSchema = OpenIdConnectDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddPibAuthenticatie(this WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection(OidcOpties.Sectie).Get<OidcOpties>() ?? new OidcOpties();
        if (!oidc.IsIngesteld && !PibOmgeving.ZwakkeStandaardenToegestaan(builder.Environment))
        {
            throw new PibConfigurationException(
                $"geen inlogvoorziening geconfigureerd: zet {OidcOpties.Sectie.Replace(":", "__", StringComparison.Ordinal)}__Authority, __ClientId en __ClientSecret.");
        }
        builder.Services.AddSingleton(oidc);

        var authenticatie = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            // Without a provider (Development, tests) a challenge goes to the cookie's LoginPath: the demo login.
            o.DefaultChallengeScheme = oidc.IsIngesteld ? OidcSchema : CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        }).AddCookie(o => PibSessie.Configureer(o, altijdSecure: !PibOmgeving.ZwakkeStandaardenToegestaan(builder.Environment)));
        if (oidc.IsIngesteld)
        {
            authenticatie.AddOpenIdConnect(OidcSchema, o => ConfigureerOidc(o, oidc));
        }

        builder.Services.AddAuthorization(PibBeleid.Registreer);
        builder.Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PibToegangHandler>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton(SessieOpties.Lees(builder.Configuration));
        builder.Services.AddSingleton<SessieRegister>();
        // Before AddRazorComponents, whose default provider is only a fallback (TryAdd): circuits revalidate.
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, PibAuthenticatieStatus>();
        builder.Services.AddSingleton<GemeenteSessies>();
        return builder;
    }

    /// <summary>Authentication and authorization. Call before UseAntiforgery.</summary>
    public static WebApplication UsePibAuthenticatie(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Signing out also ends the session at the provider when it offers an end_session_endpoint: otherwise
    /// the next "Inloggen" on a shared workstation would silently sign the previous user in again.
    /// </summary>
    /// <returns>True when the response now redirects to the provider.</returns>
    public static async Task<bool> UitloggenBijProviderAsync(HttpContext http)
    {
        if (!http.RequestServices.GetRequiredService<OidcOpties>().IsIngesteld)
        {
            return false;
        }
        var opties = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcSchema);
        var configuratie = await opties.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        if (string.IsNullOrEmpty(configuratie.EndSessionEndpoint))
        {
            return false;
        }
        await http.SignOutAsync(OidcSchema, new AuthenticationProperties { RedirectUri = "/uitgelogd" });
        return true;
    }

    private static void ConfigureerOidc(OpenIdConnectOptions o, OidcOpties oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        // Claim names stay as the provider sends them (sub, pib_rol, loa), not WS-Federation URIs.
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = c =>
            {
                if (!PibSessie.IsPaginaNavigatie(c.Request))
                {
                    PibSessie.Kaal(c.HttpContext, StatusCodes.Status401Unauthorized);
                    c.HandleResponse();
                }
                return Task.CompletedTask;
            },
            OnTokenValidated = TokenGevalideerdAsync,
            OnRemoteFailure = c =>
            {
                c.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PibAuthenticatie))
                    .LogWarning("Inloggen via OpenID Connect mislukt: {Fout}", c.Failure?.GetType().Name);
                c.Response.Redirect("/inloggen/geweigerd?reden=mislukt");
                c.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }

    private static async Task TokenGevalideerdAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var opties = services.GetRequiredService<OidcOpties>();
        var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var gemeenten = new HashSet<string>(StringComparer.Ordinal);
        await using (var ctx = await db.CreateDbContextAsync(context.HttpContext.RequestAborted))
        {
            gemeenten.UnionWith(await ctx.Gemeenten.Select(g => g.Code).ToListAsync(context.HttpContext.RequestAborted));
        }
        var (principal, weigering) = OidcVertaling.Vertaal(context.Principal!, opties, gemeenten.Contains);
        if (weigering is { } reden)
        {
            // No cookie: the refused login leaves no session behind. The log says why, not who.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PibAuthenticatie))
                .LogWarning("Inloggen geweigerd: {Reden}", reden);
            context.Response.Redirect(OidcVertaling.Pagina(reden));
            context.HandleResponse();
            return;
        }
        context.Principal = principal;
    }
}
