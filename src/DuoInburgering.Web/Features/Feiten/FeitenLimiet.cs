using System.Globalization;
using System.Threading.RateLimiting;
using DuoInburgering.Web.Verwerking.Feiten;
using Microsoft.AspNetCore.RateLimiting;

namespace DuoInburgering.Web.Features.Feiten;

/// <summary>
/// A rate limit per source on POST /api/feiten/{bron}: at most <c>Feiten:Limiet:PerMinuut</c> messages a minute
/// (fixed window, default <see cref="StandaardPerMinuut"/>) per authenticated source, so one source that floods
/// cannot hold up the others or the processing lock. Beyond it: 429 with Retry-After and a Dutch problem.
/// A request without the right key is not counted against any source (it gets its 401 without touching the
/// database), so nobody without a key can use up a source's budget.
/// </summary>
public static class FeitenLimiet
{
    public const string Beleid = "feiten-per-bron";

    /// <summary>Single messages are a trickle (bulk comes as an import file): ten a second per source is ample.</summary>
    public const int StandaardPerMinuut = 600;

    public static IServiceCollection AddPibFeiten(this IServiceCollection services) =>
        services.AddRateLimiter(opties =>
        {
            opties.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            opties.AddPolicy(Beleid, Partitie);
            opties.OnRejected = WeigerAsync;
        });

    private static RateLimitPartition<string> Partitie(HttpContext http)
    {
        var (bron, toegang) = FeitenToegang.Bepaal(http);
        if (toegang != Toegang.Toegestaan)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }
        var perMinuut = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Feiten:Limiet:PerMinuut", StandaardPerMinuut);
        return RateLimitPartition.GetFixedWindowLimiter(bron.Code(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinuut),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask WeigerAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconden = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wacht)
            ? Math.Max(1, (int)Math.Ceiling(wacht.TotalSeconds))
            : 60;
        var bron = FeitenToegang.Bepaal(http).Bron.Code();
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FeitenEndpoints).FullName!)
            .LogWarning("Feitbericht {Bron} geweigerd: meer dan de limiet per minuut, opnieuw over {Seconden} s", bron, seconden);
        http.Response.Headers.RetryAfter = seconden.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Te veel berichten",
            detail: $"{bron} heeft de limiet van berichten per minuut bereikt. Stuur dit bericht over {seconden} seconden opnieuw; " +
                "er is niets vastgelegd.").ExecuteAsync(http);
    }
}
