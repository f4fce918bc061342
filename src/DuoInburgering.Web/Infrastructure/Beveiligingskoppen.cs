using System.Net;
using System.Security.Cryptography;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace DuoInburgering.Web.Infrastructure;

/// <summary>
/// The HTTP headers every answer carries, and which proxies may say where a request came from.
/// <list type="bullet">
/// <item>Content-Security-Policy: scripts only from the portal itself plus the one inline import map, which carries this
/// request's nonce (<see cref="Nonce"/>; App.razor); no eval. Styles may be inline: MudBlazor writes its theme as a
/// <c>&lt;style&gt;</c> element and Blazor sets <c>style</c> attributes, neither of which can carry a nonce. connect-src
/// 'self' covers Blazor's WebSocket to the same host (CSP 3). Forms post to the portal, and sign-out may redirect to
/// the sign-in provider. Nobody may frame the portal (frame-ancestors 'none', clickjacking).</item>
/// <item>X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (a URL with a BSN filter never leaves).</item>
/// <item>Cache-Control: no-store on every answer that does not set its own: pages and downloads hold personal data;
/// static assets (MapStaticAssets) and downloads (Downloads/Bijlage) set theirs.</item>
/// <item>HSTS outside Development (one year; ASP.NET leaves it off plain HTTP and localhost).</item>
/// <item>X-Forwarded-For, -Proto and -Host only from the proxies in <c>Proxy:Vertrouwd</c> (addresses or CIDR
/// networks, e.g. <c>Proxy__Vertrouwd__0=10.0.0.5</c>, <c>Proxy__Vertrouwd__1=10.1.0.0/16</c>); none trusted by default,
/// not even loopback (without any, the headers are ignored). Behind TLS at a proxy this keeps the OpenID Connect callback https.</item>
/// <item><c>AllowedHosts</c> must name the portal's host names outside Development (not <c>*</c>).</item>
/// </list>
/// </summary>
public static class Beveiligingskoppen
{
    public const string ProxySectie = "Proxy:Vertrouwd";

    private const string NonceSleutel = "Pib.CspNonce";

    public static WebApplicationBuilder AddPibBeveiligingskoppen(this WebApplicationBuilder builder)
    {
        var hosts = builder.Configuration["AllowedHosts"];
        if (!PibOmgeving.ZwakkeStandaardenToegestaan(builder.Environment)
            && (string.IsNullOrWhiteSpace(hosts) || hosts.Split(';', StringSplitOptions.TrimEntries).Contains("*")))
        {
            throw new PibConfigurationException(
                "AllowedHosts staat elke hostnaam toe: zet AllowedHosts op de hostnamen van het portaal, gescheiden door ';' (bijv. pib.duo.nl).");
        }
        var (proxies, netwerken) = Vertrouwd(builder.Configuration.GetSection(ProxySectie).Get<string[]>() ?? []);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            netwerken.ForEach(o.KnownIPNetworks.Add);
            if (hosts is { Length: > 0 } && hosts.Trim() != "*")
            {
                // A proxy's X-Forwarded-Host is taken only when it names one of the portal's own hosts.
                o.AllowedHosts = hosts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return builder;
    }

    /// <summary>First in the pipeline: forwarded headers from trusted proxies, then the headers on every answer.</summary>
    public static WebApplication UsePibBeveiligingskoppen(this WebApplication app)
    {
        // With no proxy configured the middleware would believe anyone (empty lists mean "trust all"): then it stays out.
        var doorgestuurd = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (doorgestuurd.KnownProxies.Count > 0 || doorgestuurd.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        var formulierDoelen = FormulierDoelen(app.Services.GetRequiredService<OidcOpties>());
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var koppen = http.Response.Headers;
                koppen.ContentSecurityPolicy = Beleid(Nonce(http), formulierDoelen);
                koppen.XContentTypeOptions = "nosniff";
                koppen["Referrer-Policy"] = "no-referrer";
                koppen.XFrameOptions = "DENY";
                if (!koppen.ContainsKey(HeaderNames.CacheControl))
                {
                    koppen.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }

    /// <summary>This request's script nonce (128 random bits), the same for the page and its CSP header.</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceSleutel] is not string nonce)
        {
            // base64url: nothing that HTML would encode in the attribute.
            nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceSleutel] = nonce;
        }
        return nonce;
    }

    internal static string Beleid(string nonce, string formulierDoelen) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        $"form-action {formulierDoelen}; " +
        "frame-ancestors 'none'";

    /// <summary>'self', and the sign-in provider's origin: signing out posts to the portal, which redirects there.</summary>
    private static string FormulierDoelen(OidcOpties oidc) =>
        oidc.IsIngesteld && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";

    /// <summary>The trusted proxies read at start-up, so a wrong entry stops the portal with one Dutch line.</summary>
    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Netwerken) Vertrouwd(string[] regels)
    {
        var proxies = new List<IPAddress>();
        var netwerken = new List<System.Net.IPNetwork>();
        foreach (var regel in regels.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()))
        {
            if (regel.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(regel, out var netwerk))
            {
                netwerken.Add(netwerk);
            }
            else if (!regel.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(regel, out var adres))
            {
                proxies.Add(adres);
            }
            else
            {
                throw new PibConfigurationException(
                    $"{ProxySectie.Replace(":", "__", StringComparison.Ordinal)} bevat '{regel}': geen IP-adres of netwerk (bijv. 10.0.0.5 of 10.1.0.0/16).");
            }
        }
        return (proxies, netwerken);
    }
}
