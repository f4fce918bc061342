using DuoInburgering.Web.Verwerking;
using Microsoft.AspNetCore.Diagnostics;

namespace DuoInburgering.Web.Features.Correcties;

/// <summary>
/// An endpoint that writes persons (a fact message from IND, COA or BRP) while a correction is left half done
/// answers 503 with a Dutch problem and Retry-After, not a bare 500: nothing was stored, and the source sends
/// the message again later. Screens catch <see cref="CorrectieOnderbrokenException"/> themselves.
/// </summary>
public sealed class OnderbrokenCorrectieAfhandeling(ILogger<OnderbrokenCorrectieAfhandeling> log) : IExceptionHandler
{
    /// <summary>Seconds a source is asked to wait; DUO applies the correction again within minutes.</summary>
    public const int WachtSeconden = 300;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now Request.Path is the error page's (/fout); the feature keeps the path that failed.
        var pad = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (exception is not CorrectieOnderbrokenException onderbroken || !new PathString(pad).StartsWithSegments("/api"))
        {
            return false;
        }
        log.LogWarning("Verzoek {Pad} niet verwerkt: correctie {Run} is onderbroken", pad, onderbroken.Run);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = WachtSeconden.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(detail: CorrectieOnderbrokenException.Tijdelijk, statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Verwerking tijdelijk gestopt").ExecuteAsync(httpContext);
        return true;
    }
}
