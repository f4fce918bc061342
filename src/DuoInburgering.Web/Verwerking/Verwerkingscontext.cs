using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using Npgsql;

namespace DuoInburgering.Web.Verwerking;

/// <summary>What a processing run decides with: the rule set, the pauses in force and the clock; and what it records for the audit log.</summary>
public sealed record Verwerkingscontext(RegimeRegelset Rules, IReadOnlySet<PauzeSleutel> Pauzes, DateOnly Vandaag, DateTimeOffset Nu)
{
    /// <summary>
    /// Advisory lock key of corrections. Processing holds it shared for its transaction; applying a
    /// correction holds it exclusively for the whole run, across its chunk commits, so no import or
    /// message re-derives a person between the confirmed preview and the end of the apply.
    /// </summary>
    public const long CorrectieSlot = 0x5049_4243_4F52; // "PIBCOR"

    /// <summary>Taken before any other lock of a processing run, so every writer takes the two locks in the same order.</summary>
    public static readonly string WachtOpCorrectieSql = $"select pg_advisory_xact_lock_shared({CorrectieSlot})";

    public bool IsGepauzeerd(PauzeSleutel sleutel) => Pauzes.Contains(sleutel);

    /// <summary>
    /// What this run recorded for the audit log (facts, decisions, signals): the caller writes it
    /// (<see cref="Verwerkingsaudit"/>) just before it commits. A run of several committed chunks loads a context per chunk.
    /// </summary>
    public Verwerkingsaudit Audit { get; init; } = new(Nu);

    /// <summary>
    /// Reads the pauses and the active rule set inside the caller's transaction and locks table pauze in
    /// SHARE ROW EXCLUSIVE mode until it ends. That mode conflicts with itself: processing runs (imports,
    /// messages, deadline job, resume) that write persons follow each other, so no two of them re-derive
    /// the same person from the same published state, and a pause or resume never crosses a run. First it
    /// waits for a correction being applied (<see cref="CorrectieSlot"/>); a correction left half done
    /// stops processing with a Dutch message until it is applied again, because its remaining persons
    /// must not be re-derived without their SS190 and parking.
    /// </summary>
    /// <param name="rules">A rule set other than the active one (tests); null reads table regelset_actief.</param>
    /// <exception cref="CorrectieOnderbrokenException">A correction was interrupted and has not been completed.</exception>
    public static async Task<Verwerkingscontext> LaadAsync(NpgsqlConnection conn, TimeProvider clock, CancellationToken ct,
        RegimeRegelset? rules = null)
    {
        await using (var wacht = new NpgsqlCommand(WachtOpCorrectieSql, conn) { CommandTimeout = 0 })
        {
            await wacht.ExecuteNonQueryAsync(ct);
        }
        var (pauzes, actief, onderbroken) = await LeesAsync(conn, vergrendel: true, ct);
        if (onderbroken is long run)
        {
            throw new CorrectieOnderbrokenException(run);
        }
        var nu = clock.GetUtcNow();
        return new Verwerkingscontext(rules ?? actief, pauzes, PibVandaag.Op(nu), nu);
    }

    /// <summary>
    /// For the chunks of a correction being applied: its own rule set and the pauses, without the pauze
    /// lock (the correction already holds <see cref="CorrectieSlot"/>, and a resume waiting for it holds
    /// the pauze lock: taking that here would deadlock).
    /// </summary>
    public static async Task<Verwerkingscontext> LaadVoorCorrectieAsync(NpgsqlConnection conn, TimeProvider clock, RegimeRegelset rules,
        CancellationToken ct)
    {
        var (pauzes, _, _) = await LeesAsync(conn, vergrendel: false, ct);
        var nu = clock.GetUtcNow();
        return new Verwerkingscontext(rules, pauzes, PibVandaag.Op(nu), nu);
    }

    private static async Task<(HashSet<PauzeSleutel> Pauzes, RegimeRegelset Actief, long? Onderbroken)> LeesAsync(
        NpgsqlConnection conn, bool vergrendel, CancellationToken ct)
    {
        var pauzes = new HashSet<PauzeSleutel>();
        var actief = RegimeRegelsets.Huidig;
        long? onderbroken = null;
        var sql = (vergrendel ? "lock table pauze in share row exclusive mode; " : "") + """
            select regime, doelgroep from pauze;
            select versie from regelset_actief where id = 1;
            select min(id) from correctie where status = 'Bezig';
            """;
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pauzes.Add(new PauzeSleutel(Kolomwaarden.Regime(reader.GetString(0)), Kolomwaarden.Doelgroep(reader.GetString(1))));
        }
        await reader.NextResultAsync(ct);
        if (await reader.ReadAsync(ct))
        {
            actief = RegimeRegelsets.Get(reader.GetString(0));
        }
        await reader.NextResultAsync(ct);
        if (await reader.ReadAsync(ct) && !reader.IsDBNull(0))
        {
            onderbroken = reader.GetInt64(0);
        }
        return (pauzes, actief, onderbroken);
    }
}

/// <summary>A correction or rule-set change that cannot be done as asked; the message is Dutch and meant for DUO staff.</summary>
public class CorrectieException(string message) : Exception(message);

/// <summary>
/// A correction run was interrupted and not applied again: nothing may be processed until it is, because its
/// remaining persons must not be re-derived without their SS190 and parking. Every writer of persons stops with
/// this; screens show <see cref="Exception.Message"/> (DUO) or <see cref="Tijdelijk"/> (municipalities, sources).
/// </summary>
public sealed class CorrectieOnderbrokenException(long run) : CorrectieException(
    $"Correctie {run} is onderbroken en nog niet afgerond. Pas die correctie opnieuw toe (DUO, pagina Correcties) " +
    "voordat er verder wordt verwerkt.")
{
    /// <summary>What someone outside DUO is told: nothing was written, try again later.</summary>
    public const string Tijdelijk =
        "De verwerking bij DUO is tijdelijk gestopt voor een correctie. Er is niets vastgelegd; probeer het later opnieuw.";

    public long Run { get; } = run;
}
