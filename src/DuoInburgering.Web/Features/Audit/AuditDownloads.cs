using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using DuoInburgering.Web.Downloads;

using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>
/// The auditor's CSV downloads (role Auditor):
/// <c>GET /audit/verstrekkingen.csv?gemeente=GM0363&amp;van=2022-01-01&amp;tot=2022-01-31[&amp;soort=verstrekkingen&amp;soort=signalen][&amp;kanaal=][&amp;gebruiker=][&amp;omschrijving=]</c>
/// and <c>POST /audit/lekrapport.csv</c> (form fields of <see cref="LekrapportFormulier"/>, with the antiforgery token): a
/// post, so a list of BSNs never travels in an address that proxies and logs keep. A bad filter or scope gets a Dutch 400.
/// </summary>
public static class AuditDownloads
{
    public const string VerstrekkingenPad = "/audit/verstrekkingen.csv";
    public const string LekrapportPad = "/audit/lekrapport.csv";

    public static void MapPibAudit(this WebApplication app)
    {
        app.MapGet(VerstrekkingenPad, VerstrekkingenAsync).RequireAuthorization(PibBeleid.Auditor);
        app.MapPost(LekrapportPad, LekrapportAsync).RequireAuthorization(PibBeleid.Auditor);
    }

    private static async Task<IResult> VerstrekkingenAsync(HttpContext http, GemeenteVerstrekkingen verstrekkingen,
        IDbContextFactory<AppDbContext> factory)
    {
        var ct = http.RequestAborted;
        var (filter, fouten) = VerstrekkingenFormulier.UitQuery(http.Request.Query).Lees(await GemeentecodesAsync(factory, ct));
        if (filter is null)
        {
            return Fout("Ongeldige selectie", fouten);
        }
        Bijlage.Zet(http.Response, GemeenteVerstrekkingen.Bestandsnaam(filter));
        await GemeenteVerstrekkingen.SchrijfCsvAsync(http.Response.Body, filter, verstrekkingen.AllesAsync(filter, ct), ct);
        return Results.Empty;
    }

    private static async Task<IResult> LekrapportAsync(HttpContext http, IAntiforgery antiforgery, Lekrapportage lekrapportage)
    {
        var auditor = PibPrincipal.Geldig(http.User);
        if (auditor is null)
        {
            return Results.Unauthorized();
        }
        // Checked here, as /uitloggen does: with a bound form parameter a missing token would surface as an exception.
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var formulier = new LekrapportFormulier
        {
            Soort = form["Soort"],
            Correctie = form["Correctie"],
            Bsns = form["Bsns"],
            Van = form["Van"],
            Tot = form["Tot"],
        };
        var (bereik, fouten, bsnFouten) = formulier.Lees();
        if (bereik is null)
        {
            var alle = new Dictionary<string, string>(fouten);
            if (bsnFouten.Count > 1)
            {
                alle[LekrapportFormulier.VeldBsns] = string.Join(" ", bsnFouten);
            }
            return Fout("Ongeldig bereik", alle);
        }
        Lekrapport rapport;
        try
        {
            rapport = await lekrapportage.MaakVoorAsync(auditor, bereik, VerstrekkingKanaal.Download, http.RequestAborted);
        }
        catch (LekrapportException e)
        {
            return Fout("Ongeldig bereik", new Dictionary<string, string> { [LekrapportFormulier.VeldSoort] = e.Message });
        }
        Bijlage.Zet(http.Response, LekrapportCsv.Bestandsnaam(rapport));
        await LekrapportCsv.SchrijfAsync(http.Response.Body, rapport, http.RequestAborted);
        return Results.Empty;
    }

    internal static async Task<IReadOnlySet<string>> GemeentecodesAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Gemeenten.AsNoTracking().Select(g => g.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    private static IResult Fout(string titel, IReadOnlyDictionary<string, string> fouten) =>
        Results.ValidationProblem(fouten.ToDictionary(f => f.Key, f => new[] { f.Value }), title: titel,
            detail: string.Join(" ", fouten.Values.Distinct()));
}
