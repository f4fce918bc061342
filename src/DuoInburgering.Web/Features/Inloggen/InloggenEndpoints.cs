using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Inloggen;

/// <summary>
/// Signing in and out. GET /inloggen/start sends the browser to the sign-in (the provider, or the demo
/// login in Development); POST /uitloggen ends the session; GET /sessie/verlengen is the idle warning's
/// "Sessie verlengen" (any request renews the cookie, this one does nothing else). POST /inloggen/demo
/// exists in Development only.
/// </summary>
public static class InloggenEndpoints
{
    public static void MapPibInloggen(this WebApplication app)
    {
        app.MapGet("/inloggen/start", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LokaalOf(returnUrl, "/") }));

        app.MapPost("/uitloggen", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            // Minimal APIs check the token only while binding a form parameter; this endpoint has none.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (await PibAuthenticatie.UitloggenBijProviderAsync(http))
            {
                // The provider ends its own session too and sends the browser back to /uitgelogd.
                return Results.Empty;
            }
            return Results.Redirect("/uitgelogd");
        });

        app.MapGet("/sessie/verlengen", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.NoContent();
        }).RequireAuthorization(PibBeleid.Aangemeld);

        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/inloggen/demo", DemoAsync);
        }
    }

    /// <summary>Development only: sign in as a demo user from table gebruiker, at level substantieel.</summary>
    private static async Task<IResult> DemoAsync([FromForm] string gebruikersnaam, [FromForm] string? returnUrl,
        HttpContext http, IDbContextFactory<AppDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var gebruiker = await db.Gebruikers.AsNoTracking().SingleOrDefaultAsync(g => g.Gebruikersnaam == gebruikersnaam, http.RequestAborted);
        if (gebruiker is null)
        {
            return Results.Redirect("/inloggen");
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PibPrincipal.VoorDemo(gebruiker));
        return Results.Redirect(LokaalOf(returnUrl, "/" + Gebruikersgroep.Van(gebruiker.Rol).Href));
    }

    /// <summary>
    /// Only a path on this portal: a return address elsewhere would make the login an open redirect. The rule of
    /// ASP.NET's <c>Url.IsLocalUrl</c>: one leading '/', not followed by '/' or '\' (a protocol-relative address),
    /// and no control character anywhere, since browsers drop tabs and newlines from a URL (<c>/\t/evil.example</c>
    /// would become <c>//evil.example</c>).
    /// </summary>
    public static string LokaalOf(string? returnUrl, string standaard) =>
        returnUrl is { Length: > 0 } url && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !url.AsSpan(1).ContainsAny(Stuurtekens)))
            ? url
            : standaard;

    /// <summary>Every control character (as <see cref="char.IsControl(char)"/>): C0, DEL and C1.</summary>
    private static readonly System.Buffers.SearchValues<char> Stuurtekens = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(char.IsControl).ToArray());
}
