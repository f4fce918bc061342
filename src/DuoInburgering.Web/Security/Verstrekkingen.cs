using System.Diagnostics;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The one path by which disclosures are recorded: every list, person page, search and download
/// that shows BSNs to a user records them here, in the transaction of the read itself, so no
/// disclosure goes unrecorded and no record exists without its read. The audit log builds on this.
/// </summary>
public static class Verstrekkingen
{
    public static async Task RegistreerAsync(
        AppDbContext db,
        PibGebruiker gebruiker,
        VerstrekkingKanaal kanaal,
        string omschrijving,
        IEnumerable<string> bsns,
        DateTimeOffset tijdstip,
        CancellationToken ct = default)
    {
        var verstrekt = bsns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (verstrekt.Length == 0)
        {
            return;
        }

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
    }

    public static Task RegistreerAsync(
        GemeenteSessie sessie, VerstrekkingKanaal kanaal, string omschrijving, IEnumerable<string> bsns,
        DateTimeOffset tijdstip, CancellationToken ct = default) =>
        RegistreerAsync(sessie.Db, sessie.Gebruiker, kanaal, omschrijving, bsns, tijdstip, ct);
}
