using System.Diagnostics;
using System.Globalization;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The one path by which disclosures are recorded: every list, person page, search and download
/// that shows BSNs to a user records them here, in the transaction of the read itself, so no
/// disclosure goes unrecorded and no record exists without its read. Each disclosure is a row in
/// <c>verstrekking</c> (the municipality's own record, under row-level security) and one audit row per
/// BSN for the tamper-evident audit log (<see cref="Auditlog"/>), queued in that same transaction and in one round trip
/// with the verstrekking row, and chained within a second (<see cref="Features.Audit.AuditWachtrij"/>).
/// </summary>
public static class Verstrekkingen
{
    /// <summary>In the context's transaction; a context without one gets its own, committed here.</summary>
    public static Task RegistreerAsync(
        AppDbContext db,
        Auditlog auditlog,
        PibGebruiker gebruiker,
        VerstrekkingKanaal kanaal,
        string omschrijving,
        IEnumerable<string> bsns,
        DateTimeOffset tijdstip,
        CancellationToken ct = default) =>
        RegistreerAsync(db, auditlog, gebruiker, kanaal, omschrijving, bsns, tijdstip, telling: null, ct);

    /// <summary>
    /// Records the disclosure of a page and, in the same round trip, counts <paramref name="telling"/> (the rows of the
    /// same read beyond the page, in the same transaction): a list page that counts pays no round trip of its own for
    /// its record (issue 6). Without BSNs only the count goes; without a count, null.
    /// </summary>
    public static Task<int?> RegistreerEnTelAsync(
        GemeenteSessie sessie, VerstrekkingKanaal kanaal, string omschrijving, IEnumerable<string> bsns,
        DateTimeOffset tijdstip, IQueryable<int>? telling, CancellationToken ct = default) =>
        RegistreerAsync(sessie.Db, sessie.Auditlog, sessie.Gebruiker, kanaal, omschrijving, bsns, tijdstip, telling, ct);

    private static async Task<int?> RegistreerAsync(
        AppDbContext db,
        Auditlog auditlog,
        PibGebruiker gebruiker,
        VerstrekkingKanaal kanaal,
        string omschrijving,
        IEnumerable<string> bsns,
        DateTimeOffset tijdstip,
        IQueryable<int>? telling,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(auditlog);
        ArgumentNullException.ThrowIfNull(gebruiker);
        var verstrekt = bsns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (verstrekt.Length == 0 && telling is null)
        {
            return null;
        }

        await using var eigen = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Whatever the caller left unsaved in the context was saved with the disclosure before this went by SQL; it still is.
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        var transactie = Auditlog.Transactie(db);
        await using var batch = new NpgsqlBatch(transactie.Connection, transactie);
        if (telling is not null)
        {
            batch.BatchCommands.Add(Telling(telling));
        }
        if (verstrekt.Length > 0)
        {
            var regel = new AuditRegel(AuditSoort.Verstrekking, Activiteit(gebruiker.Rol), gebruiker.Id)
            {
                Rol = gebruiker.Rol.ToString(),
                GemeenteCode = gebruiker.GemeenteCode,
                Tijdstip = tijdstip,
                Gegevens = new Dictionary<string, string?>
                {
                    ["kanaal"] = kanaal.ToString(),
                    ["omschrijving"] = omschrijving,
                    ["aantal"] = verstrekt.Length.ToString(CultureInfo.InvariantCulture),
                },
            };
            // Queued for the chain (AuditWachtrij), with the verstrekking row in the same round trip: a page pays two
            // inserts, and never waits for the append lock (issue 6).
            batch.BatchCommands.Add(VerstrekkingInvoegen(gebruiker, kanaal, omschrijving, verstrekt, tijdstip));
            foreach (var opdracht in auditlog.InWachtrij(regel, verstrekt))
            {
                batch.BatchCommands.Add(opdracht);
            }
        }
        int? aantal = null;
        await using (var lezer = await batch.ExecuteReaderAsync(ct))
        {
            if (telling is not null && await lezer.ReadAsync(ct))
            {
                aantal = lezer.GetInt32(0);
            }
            // The inserts' answers, so an error in one is raised here and not lost.
            while (await lezer.NextResultAsync(ct))
            {
            }
        }
        if (eigen is not null)
        {
            await eigen.CommitAsync(ct);
        }
        return aantal;
    }

    /// <summary>A query's rows counted on the server, as a command for the batch (EF's own SQL and parameters).</summary>
    private static NpgsqlBatchCommand Telling(IQueryable<int> telling)
    {
        using var vraag = telling.CreateDbCommand();
        var opdracht = new NpgsqlBatchCommand($"select count(*)::int from ({vraag.CommandText}) telling");
        foreach (NpgsqlParameter parameter in vraag.Parameters)
        {
            opdracht.Parameters.Add(parameter.Clone());
        }
        return opdracht;
    }

    /// <summary>The <see cref="Verstrekking"/> row (table <c>verstrekking</c>, under row-level security for a municipality) as SQL.</summary>
    private static NpgsqlBatchCommand VerstrekkingInvoegen(PibGebruiker gebruiker, VerstrekkingKanaal kanaal, string omschrijving, string[] bsns,
        DateTimeOffset tijdstip)
    {
        var insert = new NpgsqlBatchCommand("""
            insert into verstrekking (tijdstip, gebruiker_id, rol, gemeente_code, kanaal, omschrijving, bsns, trace_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            """);
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = tijdstip.ToUniversalTime() });
        insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = gebruiker.Id });
        insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = gebruiker.Rol.ToString() });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = (object?)gebruiker.GemeenteCode ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = kanaal.ToString() });
        insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = omschrijving });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = bsns });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)Activity.Current?.TraceId.ToString() ?? DBNull.Value });
        return insert;
    }

    public static Task RegistreerAsync(
        GemeenteSessie sessie, VerstrekkingKanaal kanaal, string omschrijving, IEnumerable<string> bsns,
        DateTimeOffset tijdstip, CancellationToken ct = default) =>
        RegistreerAsync(sessie.Db, sessie.Auditlog, sessie.Gebruiker, kanaal, omschrijving, bsns, tijdstip, ct);

    private static string Activiteit(Rol rol) => rol switch
    {
        Rol.Gemeente => Verwerkingsactiviteiten.VerstrekkingGemeente,
        Rol.Auditor => Verwerkingsactiviteiten.InzageAudit,
        _ => Verwerkingsactiviteiten.InzageDuo,
    };
}
