using System.Text.Json;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>One row of audit.regel as a test reads it back; the payload's keys by index.</summary>
public sealed record AuditRij(
    long Id, DateTimeOffset Tijdstip, string Soort, string Activiteit, string? Betrokkene, string Actor, string? Rol, string? Gemeente,
    IReadOnlyDictionary<string, string?> Gegevens)
{
    public string? this[string sleutel] => Gegevens.GetValueOrDefault(sleutel);

    /// <summary>Whether this row is about the person with this BSN (the keyed hash of the demo key).</summary>
    public bool Over(string bsn) => Betrokkene == AuditRijen.Pseudoniem(bsn);

    /// <summary>The payload keys in order, for checking the row contract exactly.</summary>
    public string Sleutels => string.Join(",", Gegevens.Keys);
}

/// <summary>
/// One disclosure as the audit log holds it (<see cref="DuoInburgering.Web.Security.Verstrekkingen"/>): the event's fields
/// and the persons it named, as the sorted hex keyed hashes of their BSNs (<see cref="AuditRijen.Pseudoniemen"/>).
/// </summary>
public sealed record AuditVerstrekking(
    long EersteId, DateTimeOffset Tijdstip, string Gebruiker, string? Rol, string? Gemeente, VerstrekkingKanaal Kanaal, string Omschrijving,
    int Aantal, string TraceId, IReadOnlyList<string> Betrokkenen);

/// <summary>Reads what producers wrote to the audit log, by person (their pseudonym) or after a known id.</summary>
public static class AuditRijen
{
    private const string Kolommen = "id, tijdstip, soort, verwerkingsactiviteit, encode(betrokkene, 'hex'), actor, rol, gemeente_code, gegevens::text";

    public static string Pseudoniem(string bsn) => Convert.ToHexStringLower(TestAudit.Log().Pseudoniem(bsn));

    /// <summary>The persons as a disclosure names them (<see cref="AuditVerstrekking.Betrokkenen"/>): each BSN once, as its pseudonym, sorted.</summary>
    public static IReadOnlyList<string> Pseudoniemen(IEnumerable<string> bsns) =>
        [.. bsns.Select(Pseudoniem).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Before <paramref name="sql"/> reads the log (<c>audit.regel</c>): queued disclosures moved into the chain first, as the
    /// portal's own readers do (AuditWachtrij).
    /// </summary>
    public static async Task VoorLezenAsync(NpgsqlConnection conn, string sql)
    {
        if (sql.Contains("audit.regel", StringComparison.Ordinal))
        {
            await AuditWachtrij.VerwerkAsync(conn);
        }
    }

    public static async Task<long> LaatsteIdAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await AuditWachtrij.VerwerkAsync(conn);
        await using var cmd = new NpgsqlCommand("select coalesce(max(id), 0) from audit.regel", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Every row after <paramref name="na"/>, in chain order.</summary>
    public static Task<List<AuditRij>> NaAsync(string cs, long na = 0) =>
        LeesAsync(cs, $"select {Kolommen} from audit.regel where id > @na order by id", ("na", na));

    /// <summary>A person's rows, looked up as the auditor does: by the keyed hash of the BSN.</summary>
    public static Task<List<AuditRij>> VanAsync(string cs, string bsn, long na = 0) =>
        LeesAsync(cs, $"select {Kolommen} from audit.regel where betrokkene = @b and id > @na order by id",
            ("b", TestAudit.Log().Pseudoniem(bsn)), ("na", na));

    /// <summary>
    /// The disclosures recorded after <paramref name="na"/>, one per event, in the order recorded. The rows of one event
    /// share time, trace, span, actor and payload, and there are as many as its payload's "aantal" says: two events alike
    /// in all of that (the same page shown twice in one request) are told apart by that count.
    /// </summary>
    public static async Task<List<AuditVerstrekking>> VerstrekkingenAsync(string cs, long na = 0)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await AuditWachtrij.VerwerkAsync(conn);
        await using var cmd = new NpgsqlCommand("""
            select id, tijdstip, actor, rol, gemeente_code, encode(trace_id, 'hex'), encode(span_id, 'hex'), gegevens::text,
                   encode(betrokkene, 'hex')
            from audit.regel where soort = 'Verstrekking' and id > @na order by id
            """, conn);
        cmd.Parameters.AddWithValue("na", na);
        var open = new Dictionary<string, (AuditVerstrekking Kop, List<string> Betrokkenen)>(StringComparer.Ordinal);
        var klaar = new List<(AuditVerstrekking Kop, List<string> Betrokkenen)>();
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                string? Tekst(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var json = r.GetString(7);
                var sleutel = string.Join('\u001f', r.GetFieldValue<DateTimeOffset>(1).UtcTicks, r.GetString(2), Tekst(3), Tekst(4), r.GetString(5),
                    r.GetString(6), json);
                if (!open.TryGetValue(sleutel, out var gebeurtenis))
                {
                    var gegevens = JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!;
                    gebeurtenis = (new AuditVerstrekking(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), Tekst(3), Tekst(4),
                        Enum.Parse<VerstrekkingKanaal>(gegevens["kanaal"]!), gegevens["omschrijving"]!, int.Parse(gegevens["aantal"]!,
                        System.Globalization.CultureInfo.InvariantCulture), r.GetString(5), []), []);
                    open[sleutel] = gebeurtenis;
                }
                gebeurtenis.Betrokkenen.Add(Tekst(8) ?? throw new InvalidOperationException($"Verstrekking {r.GetInt64(0)} zonder betrokkene."));
                if (gebeurtenis.Betrokkenen.Count == gebeurtenis.Kop.Aantal)
                {
                    klaar.Add(gebeurtenis);
                    open.Remove(sleutel);
                }
            }
        }
        // An event cut short (fewer rows than its count) is still returned, so a test sees it and its count differ.
        return [.. klaar.Concat(open.Values).OrderBy(g => g.Kop.EersteId)
            .Select(g => g.Kop with { Betrokkenen = [.. g.Betrokkenen.Order(StringComparer.Ordinal)] })];
    }

    public static async Task<bool> KetenIntactAsync(string cs)
    {
        await using var db = NpgsqlDataSource.Create(cs);
        var controle = await new AuditKeten(db, TimeProvider.System).ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        return controle.Intact;
    }

    private static async Task<List<AuditRij>> LeesAsync(string cs, string sql, params (string Naam, object Waarde)[] parameters)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await AuditWachtrij.VerwerkAsync(conn);
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (naam, waarde) in parameters)
        {
            cmd.Parameters.AddWithValue(naam, waarde);
        }
        var rijen = new List<AuditRij>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            string? Tekst(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var gegevens = Tekst(8) is { } json
                ? JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!
                : new Dictionary<string, string?>();
            rijen.Add(new AuditRij(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), Tekst(4),
                r.GetString(5), Tekst(6), Tekst(7), gegevens));
        }
        return rijen;
    }
}
