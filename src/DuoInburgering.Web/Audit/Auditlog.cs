using System.Buffers;
using System.Buffers.Binary;
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

namespace DuoInburgering.Web.Audit;

/// <summary>
/// The one way into the audit log (table <c>audit.regel</c>): append-only, one row per person per event,
/// each row chained to the previous one by SHA-256 (<see cref="KetenHash"/>), the BSN only as its keyed
/// hash. Always written in the caller's transaction, so the log holds exactly what was committed:
/// <code>await auditlog.SchrijfAsync(tx, new AuditRegel(AuditSoort.DuoActie, Verwerkingsactiviteiten.Correctie, door) { ... });</code>
/// <code>await auditlog.SchrijfAsync(db, regel.VoorBetrokkenen(bsns));   // EF: the context's current transaction</code>
/// Appends are serialised by a transaction-level lock taken just before the insert (<c>audit.keten_kop()</c>)
/// and held until the caller's commit: write the audit rows as the last step before committing.
/// </summary>
/// <remarks>
/// Everything that costs time (the keyed hashes, the JSON, the canonical content of every row) is done before
/// the lock. A few rows (a DUO action) go in one statement, <c>audit.toevoegen</c>, which takes the lock and chains
/// them on the server. Many rows (an import) are chained here and sent by binary COPY, each row copied from its
/// canonical content (the same bytes as its COPY fields), so the server's inserts, not this process, set the pace
/// (benchmark "audit"). Disclosures take neither way: <see cref="InWachtrij"/> queues them without the lock.
/// </remarks>
public sealed partial class Auditlog(AuditOpties opties, TimeProvider klok)
{
    /// <summary>Up to this many rows go in one statement, chained on the server; more go by binary COPY, chained here.</summary>
    internal const int OpServerTot = 256;

    /// <summary>From this many BSNs on, the keyed hashes are spread over the cores.</summary>
    private const int ParallelVanaf = 4096;

    /// <summary>Persons per row of <c>audit.wachtrij</c> (its check allows up to 10,000).</summary>
    private const int WachtrijRij = 10_000;

    private const string WachtrijInvoegen = """
        insert into audit.wachtrij (tijdstip, soort, verwerkingsactiviteit, actor, rol, gemeente_code, trace_id, span_id, gegevens,
                                    kop, staart, betrokkenen)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """;

    /// <summary>
    /// Rows prepared at a time for COPY: the first part before the lock, the rest while it is held, so a very large
    /// append (an import) needs memory for a part, not for all its rows.
    /// </summary>
    private const int CopyDeel = 32 * 1024;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] SoortNamen = SoortNamenMaken();

    private TimeProvider Klok => klok;

    /// <summary>The keyed hash (HMAC-SHA256) under which a BSN is stored and searched.</summary>
    /// <exception cref="InvalidOperationException">No key is configured (Audit__BsnSleutel).</exception>
    public byte[] Pseudoniem(string bsn)
    {
        ArgumentNullException.ThrowIfNull(bsn);
        var hash = new byte[KetenHash.Lengte];
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Sleutel());
        Pseudoniem(hmac, bsn, hash);
        return hash;
    }

    public Task SchrijfAsync(NpgsqlTransaction transactie, AuditRegel regel, CancellationToken ct = default) =>
        SchrijfAsync(transactie, [regel], ct);

    /// <summary>Appends the entries in the given transaction (READ COMMITTED, the default); nothing when there are none.</summary>
    public Task SchrijfAsync(NpgsqlTransaction transactie, IEnumerable<AuditRegel> regels, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(regels);
        return SchrijfAsync(transactie, [.. regels.Select(r => new Invoer(r, r.Bsn))], ct);
    }

    /// <summary>
    /// A disclosure: one event about each of <paramref name="bsns"/>, prepared as for the chain, as the commands that
    /// queue it (<see cref="AuditWachtrij"/>). The caller sends them in its own transaction, in one round trip with
    /// whatever else its read sends. No append lock is taken, so the read neither waits for nor holds up the chain.
    /// </summary>
    internal List<NpgsqlBatchCommand> InWachtrij(AuditRegel gebeurtenis, IReadOnlyCollection<string> bsns)
    {
        ArgumentNullException.ThrowIfNull(bsns);
        Invoer[] invoer = [.. bsns.Select(b => new Invoer(gebeurtenis, b ?? throw new ArgumentException("Verstrekking zonder BSN.", nameof(bsns))))];
        var opdrachten = new List<NpgsqlBatchCommand>();
        if (invoer.Length == 0)
        {
            return opdrachten;
        }
        // Every row of the event has the same content but for the person: the first row's, cut around its person.
        var aanroep = new Aanroep(this, invoer);
        var eerste = aanroep.Bereid(0, 1);
        var inhoud = eerste.Inhoud.Geschreven[(eerste.Begin[0] + KetenHash.Voorloop)..eerste.Begin[1]];
        var kopLengte = KetenHash.KopLengte(inhoud);
        var kop = inhoud[..kopLengte].ToArray();
        var staart = inhoud[(kopLengte + 4 + KetenHash.Lengte)..].ToArray();
        var tijdstip = DateTimeOffset.UnixEpoch.AddTicks(BinaryPrimitives.ReadInt64BigEndian(inhoud) * 10);

        var pseudoniemen = new byte[invoer.Length * KetenHash.Lengte];
        Pseudonimiseer(invoer, 0, invoer.Length, pseudoniemen);
        for (var van = 0; van < invoer.Length; van += WachtrijRij)
        {
            // The persons' hashes one after the other, as audit.wachtrij holds them (migration AuditWachtrijPlat).
            var aantal = Math.Min(WachtrijRij, invoer.Length - van);
            var betrokkenen = aantal == invoer.Length ? pseudoniemen : pseudoniemen.AsSpan(van * KetenHash.Lengte, aantal * KetenHash.Lengte).ToArray();
            var cmd = new NpgsqlBatchCommand(WachtrijInvoegen);
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = tijdstip });
            cmd.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = SoortNaam(gebeurtenis.Soort) });
            cmd.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = gebeurtenis.Verwerkingsactiviteit });
            cmd.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = gebeurtenis.Actor });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)gebeurtenis.Rol ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)gebeurtenis.GemeenteCode ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = eerste.TraceId });
            cmd.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = eerste.SpanId });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Json, Value = (object?)eerste.Gegevens[0] ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = kop });
            cmd.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = staart });
            cmd.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = betrokkenen });
            opdrachten.Add(cmd);
        }
        return opdrachten;
    }

    /// <summary>In the context's current transaction, the one its reads and writes run in.</summary>
    /// <exception cref="InvalidOperationException">The context has no transaction: the rows would not belong to anything.</exception>
    public Task SchrijfAsync(AppDbContext db, IEnumerable<AuditRegel> regels, CancellationToken ct = default) =>
        SchrijfAsync(Transactie(db), regels, ct);

    internal static NpgsqlTransaction Transactie(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException(
                "Auditregels horen in de transactie van wat ze vastleggen: open eerst een transactie op de context.");
    }

    /// <summary>An entry and the BSN of its row (an event about many persons shares one entry).</summary>
    private readonly record struct Invoer(AuditRegel Regel, string? Bsn);

    private async Task SchrijfAsync(NpgsqlTransaction transactie, Invoer[] invoer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transactie);
        var verbinding = transactie.Connection
            ?? throw new InvalidOperationException("De transactie voor de auditregels is al afgesloten.");
        // Under a snapshot of the whole transaction the chain head could be stale; the primary key would then refuse the rows.
        if (transactie.IsolationLevel is not (IsolationLevel.ReadCommitted or IsolationLevel.Unspecified))
        {
            throw new InvalidOperationException("Auditregels worden geschreven in een READ COMMITTED-transactie.");
        }
        if (invoer.Length == 0)
        {
            return;
        }

        var aanroep = new Aanroep(this, invoer);
        var eerste = aanroep.Bereid(0, Math.Min(invoer.Length, CopyDeel));
        if (invoer.Length <= OpServerTot)
        {
            await OpServerAsync(verbinding, transactie, invoer, eerste, ct);
        }
        else
        {
            await MetCopyAsync(verbinding, transactie, aanroep, eerste, ct);
        }
    }

    /// <summary>
    /// Rows <c>Van..</c> of a call as the chain hashes them, side by side in one buffer: row <c>Van + i</c> is
    /// <c>Inhoud[Begin[i]..Begin[i + 1]]</c>, its first <see cref="KetenHash.Voorloop"/> bytes room for the previous hash
    /// and the id, then its content; its keyed hash at <c>Pseudoniemen[32 i..]</c>.
    /// </summary>
    private sealed record Bereide(int Van, KetenHash Inhoud, int[] Begin, string?[] Gegevens, byte[] Pseudoniemen, byte[] TraceId, byte[] SpanId)
    {
        public int Aantal => Begin.Length - 1;
    }

    /// <summary>One call's entries, checked once, with the time and trace every row of the call shares.</summary>
    private sealed class Aanroep
    {
        private readonly Auditlog _log;
        private readonly long _nu;
        private readonly byte[] _trace = new byte[16];
        private readonly byte[] _span = new byte[8];

        public Aanroep(Auditlog log, Invoer[] invoer)
        {
            foreach (var (r, bsn) in invoer)
            {
                ArgumentNullException.ThrowIfNull(r);
                ArgumentException.ThrowIfNullOrWhiteSpace(r.Verwerkingsactiviteit);
                ArgumentException.ThrowIfNullOrWhiteSpace(r.Actor);
                // Whatever number was shown is what is recorded: a stored value that fails the elfproef does not stop a
                // disclosure from being logged. Only an empty one is a mistake (and the message never holds the value).
                if (bsn is not null && string.IsNullOrWhiteSpace(bsn))
                {
                    throw new ArgumentException("Auditregel met een leeg BSN.", "regels");
                }
            }
            (_log, Invoer) = (log, invoer);
            _nu = KetenHash.Microseconden(KetenHash.OpMicroseconden(log.Klok.GetUtcNow()));
            // One trace per call when the caller has none (a circuit event, the CLI), so the rows of one event stay together.
            var activiteit = Activity.Current;
            (activiteit?.TraceId ?? ActivityTraceId.CreateRandom()).CopyTo(_trace);
            (activiteit?.SpanId ?? ActivitySpanId.CreateRandom()).CopyTo(_span);
        }

        public Invoer[] Invoer { get; }

        public Bereide Bereid(int van, int tot)
        {
            var n = tot - van;
            var pseudoniemen = new byte[n * KetenHash.Lengte];
            _log.Pseudonimiseer(Invoer, van, n, pseudoniemen);

            var inhoud = new KetenHash(n * 300 + 256);
            var begin = new int[n + 1];
            var gegevens = new string?[n];
            AuditRegel? vorige = null;
            string? vorigeJson = null;
            var vorigeZonderBsn = false;
            int kopBegin = 0, kopLengte = 0, staartBegin = 0, staartLengte = 0;
            for (var i = 0; i < n; i++)
            {
                var (r, bsn) = Invoer[van + i];
                if (vorige is null || !ReferenceEquals(r.Gegevens, vorige.Gegevens))
                {
                    vorigeJson = r.Gegevens is null ? null : JsonSerializer.Serialize(Gemaskeerd(r.Gegevens), Json);
                }
                gegevens[i] = vorigeJson;
                // The rows of one event differ only in the person: their other fields are copied, not encoded again.
                var zelfde = vorige is not null && ZelfdeGebeurtenis(vorige, r);
                begin[i] = inhoud.Positie;
                inhoud.Ruimte(KetenHash.Voorloop);

                var kop = inhoud.Positie;
                if (zelfde)
                {
                    inhoud.Herhaal(kopBegin, kopLengte);
                }
                else
                {
                    inhoud.Kop(r.Tijdstip is { } t ? KetenHash.Microseconden(KetenHash.OpMicroseconden(t)) : _nu, SoortNaam(r.Soort),
                        r.Verwerkingsactiviteit);
                }
                (kopBegin, kopLengte) = (kop, inhoud.Positie - kop);

                inhoud.Bytes(pseudoniemen.AsSpan(i * KetenHash.Lengte, KetenHash.Lengte), isNull: bsn is null);

                var staart = inhoud.Positie;
                if (zelfde && vorigeZonderBsn == bsn is null)
                {
                    inhoud.Herhaal(staartBegin, staartLengte);
                }
                else
                {
                    inhoud.Staart(bsn is null ? null : "BSN", r.Actor, r.Rol, r.GemeenteCode, _trace, _span, vorigeJson);
                }
                (staartBegin, staartLengte) = (staart, inhoud.Positie - staart);
                (vorige, vorigeZonderBsn) = (r, bsn is null);
            }
            begin[n] = inhoud.Positie;
            return new Bereide(van, inhoud, begin, gegevens, pseudoniemen, _trace, _span);
        }
    }

    private static bool ZelfdeGebeurtenis(AuditRegel a, AuditRegel b) =>
        ReferenceEquals(a, b)
        || (a.Soort == b.Soort && a.Tijdstip == b.Tijdstip && ReferenceEquals(a.Gegevens, b.Gegevens)
            && string.Equals(a.Verwerkingsactiviteit, b.Verwerkingsactiviteit, StringComparison.Ordinal)
            && string.Equals(a.Actor, b.Actor, StringComparison.Ordinal)
            && string.Equals(a.Rol, b.Rol, StringComparison.Ordinal)
            && string.Equals(a.GemeenteCode, b.GemeenteCode, StringComparison.Ordinal));

    /// <summary>The keyed hash of the BSN of rows <paramref name="van"/>.. into <paramref name="uit"/> (32 bytes a row); a large download's on every core.</summary>
    private void Pseudonimiseer(Invoer[] invoer, int van, int aantal, byte[] uit)
    {
        var metBsn = false;
        for (var i = van; i < van + aantal && !metBsn; i++)
        {
            metBsn = invoer[i].Bsn is not null;
        }
        if (!metBsn)
        {
            return;
        }
        var sleutel = Sleutel();
        if (aantal < ParallelVanaf)
        {
            Deel(0, aantal);
            return;
        }
        var delen = Math.Min(Environment.ProcessorCount, aantal / (ParallelVanaf / 2));
        Parallel.For(0, delen, d => Deel(aantal * d / delen, aantal * (d + 1) / delen));

        void Deel(int begin, int eind)
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, sleutel);
            for (var i = begin; i < eind; i++)
            {
                if (invoer[van + i].Bsn is { } bsn)
                {
                    Pseudoniem(hmac, bsn, uit.AsSpan(i * KetenHash.Lengte, KetenHash.Lengte));
                }
            }
        }
    }

    private static void Pseudoniem(IncrementalHash hmac, string bsn, Span<byte> hash)
    {
        var tekst = bsn.AsSpan().Trim();
        var nodig = Encoding.UTF8.GetMaxByteCount(tekst.Length);
        var buffer = nodig <= 128 ? stackalloc byte[128] : new byte[nodig];
        var n = Encoding.UTF8.GetBytes(tekst, buffer);
        hmac.AppendData(buffer[..n]);
        hmac.GetHashAndReset(hash);
    }

    private byte[] Sleutel() => opties.BsnSleutel ?? throw new InvalidOperationException(
        "Geen sleutel voor het pseudonimiseren van BSN's: zet Audit__BsnSleutel (minstens 32 tekens).");

    /// <summary>
    /// One round trip: <c>audit.toevoegen</c> takes the lock, hashes each row as SHA-256(previous ‖ id ‖ content)
    /// with the content made here, and inserts the columns, in the order given.
    /// </summary>
    private static async Task OpServerAsync(NpgsqlConnection verbinding, NpgsqlTransaction transactie, Invoer[] invoer, Bereide rijen,
        CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(verbinding, transactie) { BatchCommands = { Toevoegen(invoer, rijen) } };
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary><c>select audit.toevoegen(...)</c> with one array per column and the content of each row, in order.</summary>
    private static NpgsqlBatchCommand Toevoegen(Invoer[] invoer, Bereide rijen)
    {
        var n = invoer.Length;
        var tijdstip = new DateTimeOffset[n];
        var soort = new string[n];
        var activiteit = new string[n];
        var betrokkene = new byte[]?[n];
        var type = new string?[n];
        var actor = new string[n];
        var rol = new string?[n];
        var gemeente = new string?[n];
        var trace = new byte[n][];
        var span = new byte[n][];
        var inhoud = new byte[n][];
        for (var i = 0; i < n; i++)
        {
            var (r, bsn) = invoer[i];
            var rij = rijen.Inhoud.Geschreven[(rijen.Begin[i] + KetenHash.Voorloop)..rijen.Begin[i + 1]];
            tijdstip[i] = DateTimeOffset.UnixEpoch.AddTicks(BinaryPrimitives.ReadInt64BigEndian(rij) * 10);
            soort[i] = SoortNaam(r.Soort);
            activiteit[i] = r.Verwerkingsactiviteit;
            betrokkene[i] = bsn is null ? null : rijen.Pseudoniemen.AsSpan(i * KetenHash.Lengte, KetenHash.Lengte).ToArray();
            type[i] = bsn is null ? null : "BSN";
            actor[i] = r.Actor;
            rol[i] = r.Rol;
            gemeente[i] = r.GemeenteCode;
            trace[i] = rijen.TraceId;
            span[i] = rijen.SpanId;
            inhoud[i] = rij.ToArray();
        }

        var toevoegen = new NpgsqlBatchCommand("select audit.toevoegen($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
        toevoegen.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = tijdstip });
        Tekst(soort);
        Tekst(activiteit);
        Bytes(betrokkene);
        Tekst(type);
        Tekst(actor);
        Tekst(rol);
        Tekst(gemeente);
        Bytes(trace);
        Bytes(span);
        toevoegen.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Json, TypedValue = rijen.Gegevens });
        Bytes(inhoud);
        return toevoegen;

        void Tekst(string?[] waarden) =>
            toevoegen.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = waarden });
        void Bytes(byte[]?[] waarden) =>
            toevoegen.Parameters.Add(new NpgsqlParameter<byte[]?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, TypedValue = waarden });
    }

    /// <summary>A BSN in a payload (say, typed into a reason) is masked: the log names nobody in plain text.</summary>
    internal static Dictionary<string, string?> Gemaskeerd(IReadOnlyDictionary<string, string?> gegevens) =>
        gegevens.ToDictionary(g => g.Key, g => g.Value is null ? null : NegenCijfers().Replace(g.Value,
            m => Bsn.Controleer(m.Value) is null ? "*********" : m.Value), StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![0-9])[0-9]{9}(?![0-9])")]
    private static partial Regex NegenCijfers();

    private static string SoortNaam(AuditSoort soort) =>
        (uint)soort < (uint)SoortNamen.Length && SoortNamen[(int)soort] is { } naam ? naam : soort.ToString();

    private static string[] SoortNamenMaken()
    {
        var waarden = Enum.GetValues<AuditSoort>();
        var namen = new string[waarden.Max(w => (int)w) + 1];
        foreach (var w in waarden)
        {
            namen[(int)w] = w.ToString();
        }
        return namen;
    }
}
