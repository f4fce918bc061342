using DuoInburgering.Web.Audit;
using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

using DuoInburgering.Web.Downloads;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>
/// GET /gemeente/signalen/{regime}/download.csv|.xlsx and /gemeente/signalen/ss190.csv: the current
/// filter without paging, streamed row by row from one reader inside a <see cref="GemeenteSessie"/>.
/// The municipality is the signed-in user's, never a query parameter. A download is a disclosure: the
/// BSNs written are recorded in the same transaction when the stream ends, also when the client broke
/// off halfway, because what was sent has left the portal.
/// </summary>
public static class SignalenDownloads
{
    internal enum Formaat
    {
        Csv,
        Xlsx,
    }

    public static void MapPibSignalen(this WebApplication app)
    {
        var groep = app.MapGroup("/gemeente/signalen").RequireAuthorization(PibBeleid.Gemeente);
        groep.MapGet("/ss190.csv", (HttpContext http, GemeenteSessies sessies, TimeProvider klok) =>
            DownloadAsync(http, sessies, klok, Formaat.Csv, ss190: true, regimePad: "wi2021"));
        groep.MapGet("/{regime}/download.csv", (string regime, HttpContext http, GemeenteSessies sessies, TimeProvider klok) =>
            DownloadAsync(http, sessies, klok, Formaat.Csv, ss190: false, regime));
        groep.MapGet("/{regime}/download.xlsx", (string regime, HttpContext http, GemeenteSessies sessies, TimeProvider klok) =>
            DownloadAsync(http, sessies, klok, Formaat.Xlsx, ss190: false, regime));
    }

    public static string CsvUrl(SignaalFilter f) => $"/gemeente/signalen/{SignaalFilterUrl.Pad(f.Regime)}/download.csv{SignaalFilterUrl.AlsQuerystring(f)}";
    public static string XlsxUrl(SignaalFilter f) => $"/gemeente/signalen/{SignaalFilterUrl.Pad(f.Regime)}/download.xlsx{SignaalFilterUrl.AlsQuerystring(f)}";
    public const string Ss190Url = "/gemeente/signalen/ss190.csv";

    private static async Task<IResult> DownloadAsync(HttpContext http, GemeenteSessies sessies, TimeProvider klok, Formaat formaat,
        bool ss190, string regimePad)
    {
        if (SignaalFilterUrl.RegimeUitPad(regimePad) is not { } regime)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende PIB-omgeving",
                detail: "Kies wi2021, wi2013 of wi2007.");
        }
        if (PibPrincipal.Geldig(http.User) is not { Rol: Rol.Gemeente } gebruiker)
        {
            return Results.Forbid();
        }

        SignaalFilter filter;
        if (ss190)
        {
            // The correction list is the whole list of SS190s, whatever the screen's filter (docs/domain.md "Corrections").
            filter = new SignaalFilter(Regime.Wi2021) { Code = nameof(SignaalCode.SS190) };
        }
        else
        {
            var (gelezen, fouten) = SignaalFilterUrl.Lees(regime, http.Request.Query);
            if (gelezen is null)
            {
                return Results.ValidationProblem(fouten, title: "Ongeldig filter", detail: "Het filter van de download klopt niet.");
            }
            var validatie = SignaalFilterValidator.Instantie.Validate(gelezen);
            if (!validatie.IsValid)
            {
                return Results.ValidationProblem(validatie.ToDictionary(), title: "Ongeldig filter",
                    detail: string.Join(" ", validatie.Errors.Select(e => e.ErrorMessage).Distinct()));
            }
            filter = gelezen;
        }

        var ct = http.RequestAborted;
        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        var naam = ss190
            ? $"ss190-{gebruiker.GemeenteCode}-{sessie.Vandaag:yyyyMMdd}.csv"
            : $"signalen-{gebruiker.GemeenteCode}-{SignaalFilterUrl.Pad(regime)}-{sessie.Vandaag:yyyyMMdd}.{(formaat == Formaat.Csv ? "csv" : "xlsx")}";
        Bijlage.Zet(http.Response, naam, formaat == Formaat.Csv ? Bijlage.Csv : Bijlage.Xlsx);

        var kolommen = ss190 ? SignaalKolommen.Ss190 : SignaalKolommen.Lijst;
        var omschrijving = ss190 ? "download ss190-lijst" : $"download {formaat.ToString().ToLowerInvariant()} {regime}";
        await StreamAsync(sessie, filter, formaat, kolommen, http.Response.Body, omschrijving, klok, ct);
        return Results.Empty;
    }

    /// <summary>
    /// BSNs are kept as numbers while streaming (9 digits fit an int), a few MB for a large download
    /// instead of a string each.
    /// </summary>
    internal static async Task StreamAsync(GemeenteSessie sessie, SignaalFilter filter, Formaat formaat, IReadOnlyList<SignaalKolom> kolommen,
        Stream uit, string omschrijving, TimeProvider klok, CancellationToken ct)
    {
        var verstrekt = new HashSet<int>();
        var treffers = await SignalenQuery.TreffersAsync(sessie.Db, sessie.Gemeente.Waarde, filter, ct);
        var rijen = treffers is { Count: 0 }
            ? AsyncEnumerable.Empty<SignaalRij>()
            : SignalenQuery.Rijen(sessie.Db, sessie.Gemeente.Waarde, filter, treffers, alles: true).AsAsyncEnumerable();
        try
        {
            if (formaat == Formaat.Csv)
            {
                var csv = new SignaalCsv(uit, kolommen);
                await csv.KopAsync(ct);
                await foreach (var rij in rijen.WithCancellation(ct))
                {
                    verstrekt.Add(int.Parse(rij.Bsn, CultureInfo.InvariantCulture));
                    await csv.RijAsync(rij, ct);
                }
                await csv.AfsluitenAsync(ct);
            }
            else
            {
                await using var xlsx = await SignaalXlsx.StartAsync(uit, kolommen, "Signalen " + filter.Regime, ct);
                await foreach (var rij in rijen.WithCancellation(ct))
                {
                    verstrekt.Add(int.Parse(rij.Bsn, CultureInfo.InvariantCulture));
                    await xlsx.RijAsync(rij, ct);
                }
                await xlsx.AfsluitenAsync(ct);
            }
        }
        finally
        {
            // Also after a broken-off download: what was sent must be on record. The client's token may be cancelled by now.
            await Verstrekkingen.RegistreerAsync(sessie, VerstrekkingKanaal.Download, omschrijving,
                verstrekt.Select(b => b.ToString("D9", CultureInfo.InvariantCulture)), klok.GetUtcNow(), CancellationToken.None);
            await sessie.CommitAsync(CancellationToken.None);
        }
    }
}
