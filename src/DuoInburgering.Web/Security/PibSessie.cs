using System.Security.Claims;
using DuoInburgering.Web.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The portal session: a cookie that ends after 15 minutes without activity (WCAG 2.2.1 warns before;
/// see Features/Inloggen/SessieBewaking). Every request a user makes renews it, so the server's end
/// and the warning's clock agree. The cookie names a server-side record (<see cref="SessieRegister"/>):
/// signing in starts it, signing out ends it, and a cookie whose record has ended is refused, so a
/// sign-out in one tab also stops the other tabs' pages and downloads.
/// </summary>
public static class PibSessie
{
    public static readonly TimeSpan Duur = TimeSpan.FromMinutes(15);

    /// <summary>The warning shows this long before the end.</summary>
    public static readonly TimeSpan Waarschuwing = TimeSpan.FromMinutes(2);

    public const string CookieNaam = "Pib.Sessie";

    /// <param name="altijdSecure">Production: Secure even when TLS ends at a proxy and the request looks like plain HTTP.</param>
    internal static void Configureer(CookieAuthenticationOptions opties, bool altijdSecure)
    {
        opties.Cookie.Name = CookieNaam;
        opties.Cookie.HttpOnly = true;
        opties.Cookie.SameSite = SameSiteMode.Lax;
        opties.Cookie.SecurePolicy = altijdSecure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        opties.ExpireTimeSpan = Duur;
        opties.SlidingExpiration = true;
        opties.LoginPath = "/inloggen";
        opties.LogoutPath = "/uitloggen";
        opties.AccessDeniedPath = "/geen-toegang";
        opties.ReturnUrlParameter = "returnUrl";
        opties.Events = new CookieAuthenticationEvents
        {
            OnRedirectToLogin = c => Weiger(c, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = c => Weiger(c, StatusCodes.Status403Forbidden),
            // The default renews only after half the lifetime, which would end a session 7.5 to 15 minutes
            // after the last click; renewing on every real request makes it exactly 15.
            OnCheckSlidingExpiration = c =>
            {
                c.ShouldRenew = TeltAlsActiviteit(c.Request);
                return Task.CompletedTask;
            },
            OnSigningIn = BeginRecordAsync,
            OnValidatePrincipal = ControleerRecordAsync,
            OnSigningOut = BeeindigRecordAsync,
        };
    }

    private static async Task BeginRecordAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(PibClaims.Gebruiker) is not { } gebruiker)
        {
            return;
        }
        var register = context.HttpContext.RequestServices.GetRequiredService<SessieRegister>();
        var id = await register.BeginAsync(gebruiker.Value, context.HttpContext.RequestAborted);
        foreach (var oud in identity.FindAll(SessieRegister.Claim).ToList())
        {
            identity.RemoveClaim(oud);
        }
        identity.AddClaim(new Claim(SessieRegister.Claim, id.ToString()));
    }

    /// <summary>
    /// Every request with the cookie asks its record: a cookie without one, or whose session ended (signed out
    /// in another tab, idle, past its absolute lifetime), is refused and removed. A real request is activity.
    /// </summary>
    private static async Task ControleerRecordAsync(CookieValidatePrincipalContext context)
    {
        var register = context.HttpContext.RequestServices.GetRequiredService<SessieRegister>();
        try
        {
            if (SessieRegister.IdVan(context.Principal) is { } id
                && await register.ControleerAsync(id, TeltAlsActiviteit(context.Request), context.HttpContext.RequestAborted))
            {
                return;
            }
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The browser left (a closing tab's disconnect beacon): nobody to answer, and no error to log.
            context.RejectPrincipal();
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static async Task BeeindigRecordAsync(CookieSigningOutContext context)
    {
        if (SessieRegister.IdVan(context.HttpContext.User) is { } id)
        {
            await context.HttpContext.RequestServices.GetRequiredService<SessieRegister>()
                .BeeindigAsync(id, SessieEinde.Uitgelogd, CancellationToken.None);
        }
    }

    /// <summary>
    /// A browser navigating to a page gets a redirect (to sign-in or the Geen toegang page); a download,
    /// an API call or a script's fetch gets a bare 401 or 403 it can act on.
    /// </summary>
    public static bool IsPaginaNavigatie(HttpRequest request)
    {
        var pad = request.Path.Value ?? "/";
        if (pad.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || Path.HasExtension(pad))
        {
            return false;
        }
        // Blazor's enhanced navigation fetches pages but wants a redirect like a browser; otherwise browsers
        // mark their own navigations, and a script's fetch says cors or same-origin.
        if (request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal))
        {
            return true;
        }
        var modus = request.Headers["Sec-Fetch-Mode"].ToString();
        return modus.Length == 0 || modus == "navigate";
    }

    /// <summary>
    /// Static files and Blazor's own traffic (which with long polling would never stop) are not the
    /// user's activity; pages, downloads and the extend call are.
    /// </summary>
    public static bool TeltAlsActiviteit(HttpRequest request)
    {
        var pad = request.Path.Value ?? "/";
        return !pad.StartsWith("/_", StringComparison.Ordinal) && !Path.HasExtension(pad);
    }

    private static Task Weiger(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsPaginaNavigatie(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            Kaal(context.HttpContext, status);
        }
        return Task.CompletedTask;
    }

    /// <summary>A bare status: the status-code page would otherwise answer an API client with HTML.</summary>
    internal static void Kaal(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        if (http.Features[typeof(IStatusCodePagesFeature)] is IStatusCodePagesFeature pagina)
        {
            pagina.Enabled = false;
        }
    }
}
