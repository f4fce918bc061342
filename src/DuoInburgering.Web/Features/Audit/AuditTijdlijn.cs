using System.Text.Json;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>One entry of a person's timeline as the auditor sees it.</summary>
/// <param name="Verantwoordelijk">Who was responsible then (issue 17): the municipality of the latest derivation
/// (<c>Bepaling</c>) of the person up to and including this entry, as "Naam (code)"; "Geen" when that derivation put the
/// person with no municipality; null when the log holds no derivation before this entry.</param>
public sealed record TijdlijnRegel(
    long Id, DateTimeOffset Tijdstip, AuditSoort Soort, string Verwerkingsactiviteit, string Actor, string? Rol, string? GemeenteCode,
    string? GemeenteNaam, IReadOnlyDictionary<string, string?> Gegevens, string? Verantwoordelijk = null);

/// <summary>A page of a timeline, newest first, with the total number of entries.</summary>
public sealed record Tijdlijn(IReadOnlyList<TijdlijnRegel> Regels, int Totaal);

/// <summary>
/// A person's audit timeline: the BSN is hashed with the same key as on writing and looked up on the index
/// (betrokkene, id), a page at a time. A new search is itself a disclosure (the auditor now sees what
/// happened to this person) and is recorded through <see cref="Verstrekkingen"/> in the same transaction.
/// </summary>
public sealed class AuditTijdlijn(IDbContextFactory<AppDbContext> factory, Auditlog auditlog, TimeProvider klok)
{
    /// <param name="registreer">True for a new search (its first page); paging through it is not recorded again.</param>
    /// <exception cref="ArgumentException">Not a valid BSN; the page validates first and shows the Dutch message.</exception>
    public async Task<Tijdlijn> ZoekAsync(PibGebruiker auditor, string bsn, int pagina, int grootte, bool registreer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(auditor);
        if (Bsn.Controleer(bsn) is { } fout)
        {
            throw new ArgumentException(fout, nameof(bsn));
        }
        var betrokkene = auditlog.Pseudoniem(bsn);
        await using var db = await factory.CreateDbContextAsync(ct);
        var conn = await AuditWachtrij.OpenVoorLezenAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        int totaal;
        await using (var tel = new NpgsqlCommand("select count(*) from audit.regel where betrokkene = @b", conn))
        {
            tel.Parameters.AddWithValue("b", betrokkene);
            totaal = (int)(long)(await tel.ExecuteScalarAsync(ct))!;
        }
        var regels = new List<TijdlijnRegel>();
        // The page's ids first, from the index alone (betrokkene, id): skipping to a later page then reads index
        // entries, not a table row per skipped entry (a person in every list for years has tens of thousands).
        await using (var cmd = new NpgsqlCommand("""
            select r.id, r.tijdstip, r.soort, r.verwerkingsactiviteit, r.actor, r.rol, r.gemeente_code, r.gegevens::text, g.naam,
                   case when v.id is null then null when v.gemeente_code is null then 'Geen'
                        else coalesce(vg.naam || ' (' || v.gemeente_code || ')', v.gemeente_code) end
            from (select id from audit.regel where betrokkene = @b order by id desc offset @offset limit @limit) p
            join audit.regel r on r.id = p.id
            left join gemeente g on g.code = r.gemeente_code
            -- Who was responsible then: the latest derivation up to this entry (its municipality).
            left join lateral (select b.id, b.gemeente_code from audit.regel b
                               where b.betrokkene = @b and b.id <= r.id and b.soort = 'Bepaling'
                               order by b.id desc limit 1) v on true
            left join gemeente vg on vg.code = v.gemeente_code
            order by r.id desc
            """, conn))
        {
            cmd.Parameters.AddWithValue("b", betrokkene);
            cmd.Parameters.AddWithValue("offset", (long)pagina * grootte);
            cmd.Parameters.AddWithValue("limit", grootte);
            await using var lezer = await cmd.ExecuteReaderAsync(ct);
            while (await lezer.ReadAsync(ct))
            {
                regels.Add(new TijdlijnRegel(lezer.GetInt64(0), lezer.GetFieldValue<DateTimeOffset>(1),
                    Kolomwaarden.Herken<AuditSoort>(lezer.GetString(2)) ?? AuditSoort.Verstrekking,
                    lezer.GetString(3), lezer.GetString(4), lezer.IsDBNull(5) ? null : lezer.GetString(5),
                    lezer.IsDBNull(6) ? null : lezer.GetString(6), lezer.IsDBNull(8) ? null : lezer.GetString(8),
                    lezer.IsDBNull(7) ? new Dictionary<string, string?>() : Gegevens(lezer.GetString(7)),
                    lezer.IsDBNull(9) ? null : lezer.GetString(9)));
            }
        }
        // After the read: the append lock is then held for the insert and the commit only.
        if (registreer)
        {
            await Verstrekkingen.RegistreerAsync(db, auditlog, auditor, VerstrekkingKanaal.Zoeken, "audit: tijdlijn persoon", [bsn.Trim()],
                klok.GetUtcNow(), ct);
        }
        await tx.CommitAsync(ct);
        return new Tijdlijn(regels, totaal);
    }

    private static Dictionary<string, string?> Gegevens(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object
            ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText(),
                StringComparer.Ordinal)
            : new Dictionary<string, string?> { ["gegevens"] = json };
    }
}
