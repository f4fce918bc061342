using System.Diagnostics;
using System.Globalization;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The one path by which disclosures are recorded: every list, person page, search and download
/// that shows BSNs to a user records them here, in the transaction of the read itself, so no
/// disclosure goes unrecorded and no record exists without its read. Each disclosure is a row in
/// <c>verstrekking</c> (the municipality's own record, under row-level security) and one audit row per
/// BSN in the tamper-evident audit log (<see cref="Auditlog"/>), written in that same transaction.
/// </summary>
public static class Verstrekkingen
{
    /// <summary>In the context's transaction; a context without one gets its own, committed here.</summary>
    public static async Task RegistreerAsync(
        AppDbContext db,
        Auditlog auditlog,
        PibGebruiker gebruiker,
        VerstrekkingKanaal kanaal,
        string omschrijving,
        IEnumerable<string> bsns,
        DateTimeOffset tijdstip,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(auditlog);
        ArgumentNullException.ThrowIfNull(gebruiker);
        var verstrekt = bsns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (verstrekt.Length == 0)
        {
            return;
        }

        await using var eigen = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Verstrekkingen.Add(new Verstrekking
        {
            Tijdstip = tijdstip,
            GebruikerId = gebruiker.Id,
            Rol = gebruiker.Rol.ToString(),
            GemeenteCode = gebruiker.GemeenteCode,
            Kanaal = kanaal,
            Omschrijving = omschrijving,
            Bsns = verstrekt,
            TraceId = Activity.Current?.TraceId.ToString(),
        });
        await db.SaveChangesAsync(ct);

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
        await auditlog.SchrijfAsync(db, regel.VoorBetrokkenen(verstrekt), ct);
        if (eigen is not null)
        {
            await eigen.CommitAsync(ct);
        }
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
