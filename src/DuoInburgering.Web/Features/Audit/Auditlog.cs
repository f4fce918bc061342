using System.Data;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>
/// The one way into the audit log (table <c>audit.regel</c>): append-only, one row per person per event,
/// each row chained to the previous one by SHA-256 (<see cref="KetenHash"/>), the BSN only as its keyed
/// hash. Always written in the caller's transaction, so the log holds exactly what was committed:
/// <code>await auditlog.SchrijfAsync(tx, new AuditRegel(AuditSoort.DuoActie, Verwerkingsactiviteiten.Correctie, door) { ... });</code>
/// <code>await auditlog.SchrijfAsync(db, regel.VoorBetrokkenen(bsns));   // EF: the context's current transaction</code>
/// Appends are serialised by a transaction-level lock taken just before the insert (<c>audit.keten_kop()</c>)
/// and held until the caller's commit: write the audit rows as the last step before committing.
/// </summary>
public sealed partial class Auditlog(AuditOpties opties, TimeProvider klok)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The keyed hash (HMAC-SHA256) under which a BSN is stored and searched.</summary>
    /// <exception cref="InvalidOperationException">No key is configured (Audit__BsnSleutel).</exception>
    public byte[] Pseudoniem(string bsn)
    {
        var sleutel = opties.BsnSleutel ?? throw new InvalidOperationException(
            "Geen sleutel voor het pseudonimiseren van BSN's: zet Audit__BsnSleutel (minstens 32 tekens).");
        return HMACSHA256.HashData(sleutel, Encoding.UTF8.GetBytes(bsn.Trim()));
    }

    public Task SchrijfAsync(NpgsqlTransaction transactie, AuditRegel regel, CancellationToken ct = default) =>
        SchrijfAsync(transactie, [regel], ct);

    /// <summary>Appends the entries in the given transaction (READ COMMITTED, the default); nothing when there are none.</summary>
    public async Task SchrijfAsync(NpgsqlTransaction transactie, IEnumerable<AuditRegel> regels, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transactie);
        var verbinding = transactie.Connection
            ?? throw new InvalidOperationException("De transactie voor de auditregels is al afgesloten.");
        // Under a snapshot of the whole transaction the chain head could be stale; the primary key would then refuse the rows.
        if (transactie.IsolationLevel is not (IsolationLevel.ReadCommitted or IsolationLevel.Unspecified))
        {
            throw new InvalidOperationException("Auditregels worden geschreven in een READ COMMITTED-transactie.");
        }
        // Everything that costs time (hashing BSNs, JSON) happens before the lock.
        var rijen = Bereid(regels);
        if (rijen.Count == 0)
        {
            return;
        }

        long laatsteId;
        byte[] vorige;
        await using (var kop = new NpgsqlCommand("select laatste_id, laatste_hash from audit.keten_kop()", verbinding, transactie))
        await using (var lezer = await kop.ExecuteReaderAsync(ct))
        {
            await lezer.ReadAsync(ct);
            laatsteId = lezer.GetInt64(0);
            vorige = lezer.GetFieldValue<byte[]>(1);
        }

        var hasher = new KetenHash();
        await using var import = await verbinding.BeginBinaryImportAsync(
            $"copy audit.regel ({KetenHash.Kolommen}, hash) from stdin (format binary)", ct);
        foreach (var voorlopig in rijen)
        {
            var rij = voorlopig with { Id = ++laatsteId };
            vorige = hasher.Bereken(vorige, rij);
            await import.StartRowAsync(ct);
            await import.WriteAsync(rij.Id, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(rij.Tijdstip, NpgsqlDbType.TimestampTz, ct);
            await import.WriteAsync(rij.Soort, NpgsqlDbType.Text, ct);
            await import.WriteAsync(rij.Verwerkingsactiviteit, NpgsqlDbType.Text, ct);
            await SchrijfOfNullAsync(import, rij.Betrokkene, NpgsqlDbType.Bytea, ct);
            await SchrijfOfNullAsync(import, rij.BetrokkeneType, NpgsqlDbType.Text, ct);
            await import.WriteAsync(rij.Actor, NpgsqlDbType.Text, ct);
            await SchrijfOfNullAsync(import, rij.Rol, NpgsqlDbType.Text, ct);
            await SchrijfOfNullAsync(import, rij.GemeenteCode, NpgsqlDbType.Text, ct);
            await import.WriteAsync(rij.TraceId, NpgsqlDbType.Bytea, ct);
            await import.WriteAsync(rij.SpanId, NpgsqlDbType.Bytea, ct);
            await SchrijfOfNullAsync(import, rij.Gegevens, NpgsqlDbType.Json, ct);
            await import.WriteAsync(vorige, NpgsqlDbType.Bytea, ct);
        }
        await import.CompleteAsync(ct);
    }

    /// <summary>In the context's current transaction, the one its reads and writes run in.</summary>
    /// <exception cref="InvalidOperationException">The context has no transaction: the rows would not belong to anything.</exception>
    public Task SchrijfAsync(AppDbContext db, IEnumerable<AuditRegel> regels, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transactie = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException(
                "Auditregels horen in de transactie van wat ze vastleggen: open eerst een transactie op de context.");
        return SchrijfAsync(transactie, regels, ct);
    }

    private List<AuditRij> Bereid(IEnumerable<AuditRegel> regels)
    {
        var nu = KetenHash.OpMicroseconden(klok.GetUtcNow());
        // One trace per call when the caller has none (a circuit event, the CLI), so the rows of one event stay together.
        var activiteit = Activity.Current;
        var trace = new byte[16];
        var span = new byte[8];
        (activiteit?.TraceId ?? ActivityTraceId.CreateRandom()).CopyTo(trace);
        (activiteit?.SpanId ?? ActivitySpanId.CreateRandom()).CopyTo(span);

        var rijen = new List<AuditRij>();
        IReadOnlyDictionary<string, string?>? vorigeGegevens = null;
        string? vorigeJson = null;
        foreach (var r in regels)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(r.Verwerkingsactiviteit);
            ArgumentException.ThrowIfNullOrWhiteSpace(r.Actor);
            // Whatever number was shown is what is recorded: a stored value that fails the elfproef does not stop a
            // disclosure from being logged. Only an empty one is a mistake (and the message never holds the value).
            byte[]? betrokkene = r.Bsn is null ? null
                : string.IsNullOrWhiteSpace(r.Bsn) ? throw new ArgumentException("Auditregel met een leeg BSN.", nameof(regels))
                : Pseudoniem(r.Bsn);
            if (!ReferenceEquals(r.Gegevens, vorigeGegevens))
            {
                vorigeGegevens = r.Gegevens;
                vorigeJson = r.Gegevens is null ? null : JsonSerializer.Serialize(Gemaskeerd(r.Gegevens), Json);
            }
            rijen.Add(new AuditRij(0, r.Tijdstip is { } t ? KetenHash.OpMicroseconden(t) : nu, r.Soort.ToString(), r.Verwerkingsactiviteit,
                betrokkene, betrokkene is null ? null : "BSN", r.Actor, r.Rol, r.GemeenteCode, trace, span, vorigeJson));
        }
        return rijen;
    }

    /// <summary>A BSN in a payload (say, typed into a reason) is masked: the log names nobody in plain text.</summary>
    internal static Dictionary<string, string?> Gemaskeerd(IReadOnlyDictionary<string, string?> gegevens) =>
        gegevens.ToDictionary(g => g.Key, g => g.Value is null ? null : NegenCijfers().Replace(g.Value,
            m => Bsn.Controleer(m.Value) is null ? "*********" : m.Value), StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![0-9])[0-9]{9}(?![0-9])")]
    private static partial Regex NegenCijfers();

    private static async Task SchrijfOfNullAsync<T>(NpgsqlBinaryImporter import, T? waarde, NpgsqlDbType type, CancellationToken ct)
        where T : class
    {
        if (waarde is null)
        {
            await import.WriteNullAsync(ct);
        }
        else
        {
            await import.WriteAsync(waarde, type, ct);
        }
    }
}
