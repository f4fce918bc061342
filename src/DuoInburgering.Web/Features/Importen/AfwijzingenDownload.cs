using System.Globalization;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Security;

namespace DuoInburgering.Web.Features.Importen;

/// <summary>
/// GET /duo/importen/{id}/afwijzingen.csv and /duo/importen/berichten/{bron}/{dag}/afwijzingen.csv: the
/// rejects as a Dutch-Excel CSV (the signal downloads' writer), streamed from one reader. DUO only: the
/// content is what the source sent, personal data included.
/// </summary>
public static class AfwijzingenDownload
{
    private static readonly string[] Koppen = ["regel", "bericht_id", "reden", "inhoud", "ontvangen_op"];

    public static void MapPibImporten(this WebApplication app)
    {
        var groep = app.MapGroup("/duo/importen").RequireAuthorization(PibBeleid.Duo);
        groep.MapGet("/{id:long}/afwijzingen.csv", (long id, HttpContext http, ImportenOverzicht overzicht) =>
            DownloadRunAsync(id, http, overzicht));
        groep.MapGet("/berichten/{bron}/{dag}/afwijzingen.csv", (string bron, string dag, HttpContext http, ImportenOverzicht overzicht) =>
            ImportSleutel.Berichten.Lees(bron, dag) is { } sleutel
                ? DownloadAsync(sleutel, $"afwijzingen-{sleutel.Bron.Naam()}-{sleutel.Dag:yyyyMMdd}.csv", http, overzicht)
                : Task.FromResult(NietGevonden()));
    }

    private static async Task<IResult> DownloadRunAsync(long id, HttpContext http, ImportenOverzicht overzicht) =>
        await overzicht.RunAsync(id, http.RequestAborted) is { Sleutel: var sleutel }
            ? await DownloadAsync(sleutel, $"afwijzingen-import-{id.ToString(CultureInfo.InvariantCulture)}.csv", http, overzicht)
            : NietGevonden();

    private static async Task<IResult> DownloadAsync(ImportSleutel sleutel, string naam, HttpContext http, ImportenOverzicht overzicht)
    {
        if (PibPrincipal.Geldig(http.User) is not { } gebruiker)
        {
            return Results.Forbid();
        }
        var ct = http.RequestAborted;
        Bijlage.Zet(http.Response, naam);
        var csv = new CsvUitvoer<AfwijzingRegel>(http.Response.Body, Koppen, Velden);
        await csv.KopAsync(ct);
        await foreach (var a in overzicht.AlleAfwijzingenAsync(sleutel, gebruiker, ct))
        {
            await csv.RijAsync(a, ct);
        }
        await csv.AfsluitenAsync(ct);
        return Results.Empty;
    }

    private static readonly Func<AfwijzingRegel, string?>[] Velden =
    [
        a => a.Regel?.ToString(CultureInfo.InvariantCulture),
        a => a.BerichtId,
        a => a.Reden,
        a => a.Inhoud,
        a => TimeZoneInfo.ConvertTime(a.OntvangenOp, PibVandaag.Amsterdam).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
    ];

    private static readonly Func<Afgewezen, string?>[] RapportVelden =
    [
        a => a.Regel?.ToString(CultureInfo.InvariantCulture),
        a => a.BerichtId,
        a => a.Reden,
        a => a.Inhoud,
    ];

    /// <summary>
    /// The rejected lines of an import just run (the CLI's <c>--rapport</c>): the download's CSV without the receipt
    /// time, so the same Excel settings and the same protection against formulas.
    /// </summary>
    public static async Task SchrijfRapportAsync(Stream uit, IEnumerable<Afgewezen> afgewezen, CancellationToken ct)
    {
        var csv = new CsvUitvoer<Afgewezen>(uit, Koppen[..^1], RapportVelden);
        await csv.KopAsync(ct);
        foreach (var a in afgewezen)
        {
            await csv.RijAsync(a, ct);
        }
        await csv.AfsluitenAsync(ct);
    }

    private static IResult NietGevonden() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende import",
            detail: "Deze import of deze dag met berichten bestaat niet.");
}
