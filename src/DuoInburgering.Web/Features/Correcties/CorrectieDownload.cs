using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Security;

namespace DuoInburgering.Web.Features.Correcties;

/// <summary>
/// GET /duo/correcties/voorbeeld.csv?versie=…&amp;regime=…&amp;doelgroep=…&amp;van=…&amp;tot=…&amp;gemeente=…: the preview as a
/// CSV file for DUO staff (semicolons, BOM, formulas neutralised), computed afresh, nothing written. The
/// header <c>X-Pib-Lijst-Hash</c> carries the hash that apply checks, so a file can be matched to a run.
/// </summary>
public static class CorrectieDownload
{
    public const string Pad = "/duo/correcties/voorbeeld.csv";

    public static string Url(string versie, CorrectieScope scope) => Pad + CorrectieUrl.AlsQuerystring(versie, scope);

    private static readonly string[] Koppen =
    [
        "bsn", "actie", "doelgroep", "oud_regime", "nieuw_regime", "oude_gemeente", "nieuwe_gemeente",
        "oude_peildatum", "nieuwe_peildatum", "oude_reden", "nieuwe_reden", "oude_koppeling", "nieuwe_koppeling", "oude_regelset",
    ];

    private static readonly Func<Wijziging, string?>[] Velden =
    [
        w => w.Bsn, w => Correctieregels.Uitleg(w.Actie), w => w.Doelgroep, w => w.OudeUitkomst, w => w.NieuweUitkomst,
        w => w.OudeGemeente, w => w.NieuweGemeente, w => Iso(w.OudePeildatum), w => Iso(w.NieuwePeildatum), w => w.OudeReden, w => w.NieuweReden, w => w.OudeKoppelingReden,
        w => w.NieuweKoppelingReden, w => w.OudeRegelset,
    ];

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static void MapPibCorrecties(this WebApplication app) =>
        app.MapGet(Pad, DownloadAsync).RequireAuthorization(PibBeleid.Duo);

    private static async Task<IResult> DownloadAsync(HttpContext http, Correctiedienst correcties, TimeProvider klok)
    {
        var (versie, scope, fouten) = CorrectieUrl.Lees(http.Request.Query);
        if (versie is null || scope is null)
        {
            return Results.ValidationProblem(fouten, title: "Ongeldige correctie",
                detail: string.Join(" ", fouten.Values.SelectMany(f => f).Distinct()));
        }
        if (PibPrincipal.Geldig(http.User) is not { } gebruiker)
        {
            return Results.Forbid();
        }
        var ct = http.RequestAborted;
        var voorbeeld = await correcties.VoorbeeldAsync(versie, scope, gebruiker, Data.Entities.VerstrekkingKanaal.Download, ct);
        var naam = $"correctie-voorbeeld-{versie}-{PibVandaag.Van(klok):yyyyMMdd}.csv";
        Bijlage.Zet(http.Response, naam);
        http.Response.Headers["X-Pib-Lijst-Hash"] = voorbeeld.Hash;
        await SchrijfAsync(http.Response.Body, voorbeeld, ct);
        return Results.Empty;
    }

    /// <summary>The preview's list as CSV (also for the CLI's --csv).</summary>
    public static async Task SchrijfAsync(Stream uit, Voorbeeld voorbeeld, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voorbeeld);
        var csv = new CsvUitvoer<Wijziging>(uit, Koppen, Velden);
        await csv.KopAsync(ct);
        foreach (var w in voorbeeld.Wijzigingen)
        {
            await csv.RijAsync(w, ct);
        }
        await csv.AfsluitenAsync(ct);
    }
}
