using System.Globalization;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Audit;

/// <summary>
/// The one path by which disclosures are recorded: every list, person page, search and download that shows BSNs to a
/// user records them here, in the transaction of the read itself, so no disclosure goes unrecorded and no record exists
/// without its read. A disclosure is recorded only in the pseudonymised, tamper-evident audit log (<see cref="Auditlog"/>):
/// one event, one row per BSN under its keyed hash, queued in that same transaction in one round trip (with a list page's
/// count), and chained within a second (<see cref="AuditWachtrij"/>). No plain copy of the BSNs is kept.
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
        var aantal = await RegistreerAsync(Auditlog.Transactie(db), auditlog, gebruiker, kanaal, omschrijving, verstrekt, tijdstip, telling, ct);
        if (eigen is not null)
        {
            await eigen.CommitAsync(ct);
        }
        return aantal;
    }

    /// <summary>
    /// In a plain Npgsql transaction, for DUO's and the auditors' reads that do not go through EF (the DUO person page, the
    /// correction preview, the import rejects): the same event, queued in <paramref name="transactie"/>, committed by the caller.
    /// A DUO or auditor user has no municipality; the event then carries none.
    /// </summary>
    public static async Task RegistreerAsync(
        NpgsqlTransaction transactie,
        Auditlog auditlog,
        PibGebruiker gebruiker,
        VerstrekkingKanaal kanaal,
        string omschrijving,
        IEnumerable<string> bsns,
        DateTimeOffset tijdstip,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transactie);
        ArgumentNullException.ThrowIfNull(auditlog);
        ArgumentNullException.ThrowIfNull(gebruiker);
        var verstrekt = bsns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (verstrekt.Length > 0)
        {
            await RegistreerAsync(transactie, auditlog, gebruiker, kanaal, omschrijving, verstrekt, tijdstip, null, ct);
        }
    }

    private static async Task<int?> RegistreerAsync(
        NpgsqlTransaction transactie,
        Auditlog auditlog,
        PibGebruiker gebruiker,
        VerstrekkingKanaal kanaal,
        string omschrijving,
        string[] verstrekt,
        DateTimeOffset tijdstip,
        IQueryable<int>? telling,
        CancellationToken ct)
    {
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
                GemeenteCode = gebruiker.GemeenteCode?.Waarde,
                Tijdstip = tijdstip,
                Gegevens = new Dictionary<string, string?>
                {
                    ["kanaal"] = kanaal.ToString(),
                    ["omschrijving"] = omschrijving,
                    ["aantal"] = verstrekt.Length.ToString(CultureInfo.InvariantCulture),
                },
            };
            // Queued for the chain (AuditWachtrij), in the same round trip as a count: a page pays one insert (one per
            // 10,000 persons), and never waits for the append lock (issue 6).
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
