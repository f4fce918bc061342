using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The portal session: a cookie that ends after 15 minutes without activity (WCAG 2.2.1 warns before;
/// see Features/Inloggen/SessieBewaking). Every request a user makes renews it, so the server's end
/// and the warning's clock agree.
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
        };
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
