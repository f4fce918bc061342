using DuoInburgering.Web.Verwerking.Feiten;
using System.Text.Json.Serialization;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using Npgsql;

namespace DuoInburgering.Web.Features.Feiten;

/// <summary>The receipt for an accepted message; a repeated message id gets the first receipt's time.</summary>
public sealed record Ontvangstbewijs(
    [property: JsonPropertyName("bericht_id")] string BerichtId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("ontvangen_op")] DateTimeOffset OntvangenOp,
    [property: JsonPropertyName("personen_herbepaald")] int PersonenHerbepaald,
    [property: JsonPropertyName("signalen")] int Signalen)
{
    public const string Verwerkt = "verwerkt";
    public const string Dubbel = "dubbel";
}

/// <summary>
/// POST /api/feiten/{ind|coa|brp}: one JSON message from a machine client, authenticated by the
/// source's shared key (header X-Pib-Sleutel, config Feiten:Sleutels:Ind|Coa|Brp, two during a rotation:
/// <see cref="FeitenToegang"/>) and limited per source (<see cref="FeitenLimiet"/>). A valid message is
/// processed like one line of an import, in one transaction: facts, decisions, signals and their audit
/// entries commit together. An invalid one is answered with Dutch reasons and kept in table afwijzing.
/// The log never gets a BSN, a name or a message id: only the source and the outcome.
/// </summary>
public static class FeitenEndpoints
{
    public const string SleutelHeader = "X-Pib-Sleutel";

    /// <summary>One message is a few hundred bytes; anything far larger is not read (and not stored).</summary>
    public const int MaxBerichtBytes = 64 * 1024;

    public static void MapPibFeiten(this WebApplication app) =>
        app.MapPost("/api/feiten/{bron}", OntvangAsync).DisableAntiforgery().RequireRateLimiting(FeitenLimiet.Beleid);

    private static async Task<IResult> OntvangAsync(HttpContext http, NpgsqlDataSource db, TimeProvider clock,
        Auditlog auditlog, ILoggerFactory logs, CancellationToken ct)
    {
        var (feitBron, toegang) = FeitenToegang.Bepaal(http);
        if (toegang == Toegang.OnbekendeBron)
        {
            return Probleem(StatusCodes.Status404NotFound, "Onbekende bron",
                "Berichten worden alleen ontvangen op /api/feiten/ind, /api/feiten/coa en /api/feiten/brp.");
        }
        var log = logs.CreateLogger(typeof(FeitenEndpoints).FullName!);
        if (toegang == Toegang.NietGeconfigureerd)
        {
            log.LogError("Feitbericht {Bron} geweigerd: geen of meer dan {Max} sleutels geconfigureerd (Feiten:Sleutels:{BronSleutel})",
                feitBron.Code(), FeitenToegang.MaxSleutels, feitBron);
            return Probleem(StatusCodes.Status503ServiceUnavailable, "Niet geconfigureerd",
                $"Berichtenontvangst voor {feitBron.Code()} is niet geconfigureerd.");
        }
        if (toegang != Toegang.Toegestaan)
        {
            log.LogWarning("Feitbericht {Bron} geweigerd: sleutel ontbreekt of klopt niet", feitBron.Code());
            return Probleem(StatusCodes.Status401Unauthorized, "Niet geautoriseerd",
                $"De header {SleutelHeader} ontbreekt of bevat niet de sleutel voor {feitBron.Code()}.");
        }

        // Read, parse and validate before anything waits for the processing lock: a bad or oversized body is
        // refused at once, even while an import or a correction holds the lock (VerwerkAsync takes it).
        var body = await LeesAsync(http.Request, ct);
        if (body is null)
        {
            log.LogWarning("Feitbericht {Bron} geweigerd: groter dan {Max} bytes", feitBron.Code(), MaxBerichtBytes);
            return Probleem(StatusCodes.Status413PayloadTooLarge, "Bericht te groot",
                $"Een bericht mag hoogstens {MaxBerichtBytes} bytes zijn.");
        }
        var schema = FeitSchema.Voor(feitBron);
        var lezing = FeitJson.Lees(body, schema);
        if (lezing.Bericht is null)
        {
            await WeesAfAsync(db, feitBron, lezing.BerichtId, lezing.Reden!, body, clock, ct);
            log.LogWarning("Feitbericht {Bron} afgewezen: geen leesbaar bericht", feitBron.Code());
            return lezing.Velden is { } velden
                ? Results.ValidationProblem(velden, title: "Ongeldig bericht", detail: lezing.Reden)
                : Probleem(StatusCodes.Status400BadRequest, "Ongeldig bericht", lezing.Reden!);
        }
        var validatie = BerichtValidatie.Valideer(lezing.Bericht);
        if (!validatie.IsValid)
        {
            var reden = BerichtValidatie.Reden(validatie)!;
            await WeesAfAsync(db, feitBron, Veld.Tekst(lezing.Bericht.BerichtId), reden, body, clock, ct);
            log.LogWarning("Feitbericht {Bron} afgewezen: {Fouten} validatiefout(en)", feitBron.Code(), validatie.Errors.Count);
            return Results.ValidationProblem(FeitJson.PerVeld(validatie), title: "Ongeldig bericht", detail: reden);
        }

        var bewijs = await VerwerkAsync(db, schema, lezing.Bericht, clock, auditlog, ct);
        log.LogInformation("Feitbericht {Bron} {Status}: {Personen} perso(o)n(en) herbepaald, {Signalen} signa(a)l(en)",
            feitBron.Code(), bewijs.Status, bewijs.PersonenHerbepaald, bewijs.Signalen);
        return Results.Json(bewijs, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>One transaction under the processing lock; the receipt time is the stored one, so a repeat matches it exactly.</summary>
    private static async Task<Ontvangstbewijs> VerwerkAsync(NpgsqlDataSource db, FeitSchema schema, FeitBericht bericht,
        TimeProvider clock, Auditlog auditlog, CancellationToken ct)
    {
        var berichtId = Veld.Tekst(bericht.BerichtId)!;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var context = await Verwerkingscontext.LaadAsync(conn, clock, ct);
        var telling = await FeitenVerwerking.VerwerkAsync(conn, schema, [new GeldigBericht(1, bericht)], null, context, ct);
        // This source's own message: the same id from another source is another message, and its time is none of this one's business.
        await using var cmd = new NpgsqlCommand("select ontvangen_op from bericht where bron = @bron and bericht_id = @id", conn);
        cmd.Parameters.AddWithValue("bron", schema.Bron.Code());
        cmd.Parameters.AddWithValue("id", berichtId);
        var ontvangenOp = (DateTime)(await cmd.ExecuteScalarAsync(ct))!;
        await context.Audit.SchrijfAsync(auditlog, tx, ct);
        await tx.CommitAsync(ct);
        return new Ontvangstbewijs(berichtId, telling.Nieuw == 1 ? Ontvangstbewijs.Verwerkt : Ontvangstbewijs.Dubbel,
            new DateTimeOffset(ontvangenOp, TimeSpan.Zero), telling.Herbepaling.Personen, telling.Herbepaling.Signalen);
    }

    /// <summary>The reject is kept even though nothing else is written: its own transaction, no import, no line.</summary>
    private static async Task WeesAfAsync(NpgsqlDataSource db, FeitBron bron, string? berichtId, string reden, byte[] body,
        TimeProvider clock, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Afwijzingen.SchrijfAsync(conn, bron, null, [new Afgewezen(null, berichtId, reden, FeitJson.AlsTekst(body))],
            clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
    }

    /// <returns>The body, or null when it is larger than <see cref="MaxBerichtBytes"/>.</returns>
    private static async Task<byte[]?> LeesAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBerichtBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var blok = new byte[8192];
        int n;
        while ((n = await request.Body.ReadAsync(blok, ct)) > 0)
        {
            if (buffer.Length + n > MaxBerichtBytes)
            {
                return null;
            }
            buffer.Write(blok, 0, n);
        }
        return buffer.ToArray();
    }

    private static IResult Probleem(int status, string titel, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: titel);
}
