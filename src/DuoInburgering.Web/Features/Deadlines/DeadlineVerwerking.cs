using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using Npgsql;

namespace DuoInburgering.Web.Features.Deadlines;

/// <summary>
/// One deadline run (SS126, SS127, SS128) over everybody, set-based and in chunks: SQL selects the
/// persons who may be due (<see cref="DeadlineKandidaten"/>), the pure <see cref="DeadlineRegels.EmitDue"/>
/// decides, and per chunk one transaction writes the flags and the signals together, so there is
/// never a signal without its flag or a flag without its signal. A second run the same day emits nothing.
/// </summary>
public static class DeadlineVerwerking
{
    public const int StandaardChunkGrootte = 20_000;

    private const string VlaggenSql = """
        update persoon p
        set aanvang_gemeld = u.aanvang_gemeld, ss126_verzonden = u.ss126, ss127_verzonden = u.ss127,
            ss128_verzonden = u.ss128, bijgewerkt_op = @nu
        from unnest(@bsns, @aanvang, @ss126, @ss127, @ss128) as u(bsn, aanvang_gemeld, ss126, ss127, ss128)
        where p.bsn = u.bsn
        """;

    public static Task<DeadlineResultaat> RunAsync(NpgsqlDataSource ds, TimeProvider clock, DeadlineInstellingen inst, Auditlog auditlog,
        CancellationToken ct) =>
        RunAsync(ds, clock, inst, auditlog, StandaardChunkGrootte, ct);

    /// <param name="auditlog">Per chunk, before its commit: a derivation entry for each person a deadline fired for, and each signal.</param>
    public static async Task<DeadlineResultaat> RunAsync(NpgsqlDataSource ds, TimeProvider clock, DeadlineInstellingen inst,
        Auditlog auditlog, int chunkGrootte, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ds);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(inst);
        ArgumentNullException.ThrowIfNull(auditlog);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkGrootte, 1);

        var resultaat = new DeadlineResultaat();
        var na = "";
        DateOnly? vandaag = null;
        await using var conn = await ds.OpenConnectionAsync(ct);
        while (true)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            // Share lock on pauze until commit: a pause or resume waits for this chunk and vice versa.
            var context = await Verwerkingscontext.LaadAsync(conn, clock, ct);
            vandaag ??= context.Vandaag; // one date for the whole run, also when it crosses midnight
            var personen = await DeadlineKandidaten.LaadAsync(conn, na, chunkGrootte, vandaag.Value, context.Pauzes, inst, ct);
            resultaat = resultaat with { Gecontroleerd = resultaat.Gecontroleerd + personen.Count };

            var vlaggen = new List<PersoonToestand>();
            var bsns = new List<string>();
            var signalen = new List<(string Bsn, Doelgroep? Doelgroep, Signaal Signaal)>();
            foreach (var p in personen)
            {
                if (PersoonMapping.Gepubliceerd(p) is not { } toestand)
                {
                    continue;
                }
                var due = DeadlineRegels.EmitDue(toestand, vandaag.Value, inst);
                if (due.Count == 0)
                {
                    continue;
                }
                vlaggen.Add(SignaalRegels.Verwerk(toestand, due));
                bsns.Add(p.Bsn);
                signalen.AddRange(due.Select(s => (p.Bsn, p.PubDoelgroep, s)));
                context.Audit.Bepaling(p, Toelichting(vandaag.Value, due));
                resultaat = resultaat.Plus(due);
            }

            await SchrijfVlaggenAsync(conn, bsns, vlaggen, context.Nu, ct);
            await PersoonBatch.SchrijfSignalenAsync(conn, signalen, context.Nu, context.Audit, ct);
            await context.Audit.SchrijfAsync(auditlog, tx, ct);
            await tx.CommitAsync(ct);

            if (personen.Count < chunkGrootte)
            {
                return resultaat;
            }
            na = personen[^1].Bsn;
        }
    }

    /// <summary>What the deadline rules decided for one person, as the audit log's explanation of the derivation.</summary>
    private static string Toelichting(DateOnly vandaag, IReadOnlyList<Signaal> due) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Termijnbewaking op {vandaag:yyyy-MM-dd}: {string.Join("; ", due.Select(s => $"{s.Code} {s.Toelichting}"))}.");

    /// <summary>Writes back what <see cref="SignaalRegels.Verwerk"/> recorded for the deadline signals.</summary>
    private static async Task SchrijfVlaggenAsync(NpgsqlConnection conn, List<string> bsns, List<PersoonToestand> vlaggen,
        DateTimeOffset nu, CancellationToken ct)
    {
        if (bsns.Count == 0)
        {
            return;
        }
        await using var cmd = new NpgsqlCommand(VlaggenSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", [.. bsns]));
        cmd.Parameters.Add(new NpgsqlParameter<bool[]>("aanvang", [.. vlaggen.Select(t => t.AanvangGemeld)]));
        cmd.Parameters.Add(new NpgsqlParameter<bool[]>("ss126", [.. vlaggen.Select(t => t.Ss126Verzonden)]));
        cmd.Parameters.Add(new NpgsqlParameter<bool[]>("ss127", [.. vlaggen.Select(t => t.Ss127Verzonden)]));
        cmd.Parameters.Add(new NpgsqlParameter<bool[]>("ss128", [.. vlaggen.Select(t => t.Ss128Verzonden)]));
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("nu", nu));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
