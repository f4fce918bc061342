using DuoInburgering.Web.Components;
using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>One correction run to choose as a scope.</summary>
public sealed record CorrectierunKeuze(long Id, string VorigeVersie, string Versie, string Door, DateTimeOffset AangemaaktOp, int Personen, string Status);

/// <summary>
/// The breach report (issue 6 item 5): for a scope of persons, who received or viewed them, when, which data, and
/// whether that municipality was responsible for them. Callable without the UI:
/// <code>var rapport = await lekrapportage.MaakAsync(new LekrapportBereik.Correctierun(12), ct);</code>
/// <para>
/// Set-based: the persons' BSNs are hashed here with the audit key (<see cref="Auditlog.Pseudoniem"/>) and joined to
/// <c>audit.regel</c> on its index <c>(betrokkene, id)</c>; one statement aggregates per municipality. Contacts are the
/// rows a municipality is named in as receiver: <c>SignaalVerzonden</c> (received) and <c>Verstrekking</c> (viewed by one
/// of its users). Withdrawals and handling are not contacts: they disclose nothing new.
/// </para>
/// <para>
/// <b>Not responsible.</b> Municipality G was not responsible for person P when it received or viewed P before the
/// moment T at which one of these corrections put P right ("episodes"):
/// (1) a <c>misplaatsing</c> with old municipality G (a COA or BRP correction, a DUO person correction or a correction
/// run found that G should never have had P; docs/domain.md incident 2); T = vastgesteld_op;
/// (2) a correction run that moved P from G to another municipality or to none (<c>correctie_persoon</c>; a person leaving
/// Wi2021 is parked and gets no misplaatsing row, so the run's own list is read too); T = verwerkt_op, still open while
/// the run has not reached P;
/// (3) a correction run or an approved person correction that took P out of the regime P was placed under (incident 1):
/// P sat in a PIB environment P did not belong to, so every municipality that received or viewed P before T did so
/// without ground; T = verwerkt_op or besloten_op.
/// Contacts from T on (the SS190 sent at T, the right municipality after the release) are with the corrected data. A
/// municipality is "niet verantwoordelijk" in the report when this holds for at least one of its persons.
/// </para>
/// <para>
/// <b>Responsible when.</b> Seeing is not acting (issue 17): a municipality may still receive or see a person that no
/// longer belongs to it (SS122, its own PIP after a move, the previous PIP within a month). Each <c>Bepaling</c> row of
/// the log carries the municipality the derivation put the person with; a contact counts as "elders" when the latest
/// derivation at or before it (a derivation and a signal of the same moment: the derivation first) named another
/// municipality or none. Contacts before the first derivation in the log are not counted either way. Such a municipality
/// is not "Verantwoordelijk" in the report either, but it is not asked to remove anything: that is for the episodes above.
/// </para>
/// <para>
/// The report never holds a BSN. Making it for a list of BSNs tells the auditor something about exactly those persons,
/// so that is recorded as a disclosure of those BSNs to the auditor (<see cref="Verstrekkingen"/>); for a correction run or
/// a period the auditor sees counts and municipalities only, and one audit row without a data subject records that the
/// report was made, for which scope and how many persons.
/// </para>
/// </summary>
public sealed class Lekrapportage(IDbContextFactory<AppDbContext> factory, Auditlog auditlog, TimeProvider klok)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The report, nothing recorded (benchmarks, the CLI, tests).</summary>
    /// <exception cref="LekrapportException">An unknown correction run or a period that ends before it starts.</exception>
    /// <exception cref="ArgumentException">A BSN in the list that is not valid; <see cref="LekrapportBereik.LeesBsns"/> checks first.</exception>
    public Task<Lekrapport> MaakAsync(LekrapportBereik bereik, CancellationToken ct = default) => MaakAsync(bereik, null, default, ct);

    /// <summary>The report for an auditor, its use recorded in the same transaction (see the class remarks).</summary>
    public Task<Lekrapport> MaakVoorAsync(PibGebruiker auditor, LekrapportBereik bereik, VerstrekkingKanaal kanaal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(auditor);
        return MaakAsync(bereik, auditor, kanaal, ct);
    }

    public async Task<IReadOnlyList<CorrectierunKeuze>> CorrectierunsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Correcties.AsNoTracking().OrderByDescending(c => c.Id)
            .Select(c => new CorrectierunKeuze(c.Id, c.VorigeVersie, c.Versie, c.Door, c.AangemaaktOp, c.Personen, c.Status))
            .ToListAsync(ct);
    }

    private async Task<Lekrapport> MaakAsync(LekrapportBereik bereik, PibGebruiker? auditor, VerstrekkingKanaal kanaal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bereik);
        await using var db = await factory.CreateDbContextAsync(ct);
        var conn = await AuditWachtrij.OpenVoorLezenAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var (bsns, omschrijving) = await PersonenAsync(conn, bereik, ct);
        var rijen = await RapportAsync(conn, bsns, ct);
        var totaal = rijen.SingleOrDefault(r => r.Code is null);
        var gemeenten = rijen.Where(r => r.Code is not null)
            .Select(r => new LekrapportGemeente(r.Code!, r.Naam ?? r.Code!, r.Personen, r.Onterecht, r.Ontvangen, r.Ingezien,
                [.. r.Gebruikers.Order(StringComparer.Ordinal)], r.Eerste!.Value, r.Laatste!.Value, Gegevenscategorieen.Samen(r.Codes, r.Omschrijvingen), r.Elders))
            // The municipalities that were not responsible first: they are what the notification is about.
            .OrderBy(g => g.Verantwoordelijk).ThenBy(g => g.Naam, StringComparer.Create(Nl, ignoreCase: true)).ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
        var rapport = new Lekrapport(bereik, omschrijving, bsns.Length, totaal?.Personen ?? 0, totaal?.Onterecht ?? 0,
            Gegevenscategorieen.Samen(rijen.SelectMany(r => r.Codes), rijen.SelectMany(r => r.Omschrijvingen)), gemeenten, klok.GetUtcNow());

        // After the reads: the audit append lock is then held for the insert and the commit only.
        if (auditor is not null)
        {
            await RegistreerAsync(db, auditor, bereik, kanaal, bsns, ct);
        }
        await tx.CommitAsync(ct);
        return rapport;
    }

    private async Task RegistreerAsync(AppDbContext db, PibGebruiker auditor, LekrapportBereik bereik, VerstrekkingKanaal kanaal,
        string[] bsns, CancellationToken ct)
    {
        var nu = klok.GetUtcNow();
        if (bereik is LekrapportBereik.Bsns)
        {
            await Verstrekkingen.RegistreerAsync(db, auditlog, auditor, kanaal == VerstrekkingKanaal.Download ? kanaal : VerstrekkingKanaal.Zoeken,
                "audit: lekrapport bsn-lijst", bsns, nu, ct);
            return;
        }
        var regel = new AuditRegel(AuditSoort.Verstrekking, Verwerkingsactiviteiten.InzageAudit, auditor.Id)
        {
            Rol = auditor.Rol.ToString(),
            Tijdstip = nu,
            Gegevens = new Dictionary<string, string?>
            {
                ["kanaal"] = kanaal.ToString(),
                ["omschrijving"] = "audit: lekrapport " + Kort(bereik),
                ["personen"] = bsns.Length.ToString(CultureInfo.InvariantCulture),
            },
        };
        await auditlog.SchrijfAsync(db, [regel], ct);
    }

    private static string Kort(LekrapportBereik bereik) => bereik switch
    {
        LekrapportBereik.Correctierun c => $"correctierun {c.CorrectieId.ToString(CultureInfo.InvariantCulture)}",
        LekrapportBereik.Periode p => $"periode {Iso(p.Van)} t/m {Iso(p.TotEnMet)}",
        _ => "bsn-lijst",
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The BSNs of the scope (distinct, sorted) and the scope in words.</summary>
    private static async Task<(string[] Bsns, string Omschrijving)> PersonenAsync(NpgsqlConnection conn, LekrapportBereik bereik,
        CancellationToken ct)
    {
        switch (bereik)
        {
            case LekrapportBereik.Bsns lijst:
                foreach (var b in lijst.Lijst)
                {
                    if (Bsn.Controleer(b) is { } fout)
                    {
                        throw new ArgumentException(fout, nameof(bereik));
                    }
                }
                var bsns = lijst.Lijst.Select(b => b.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                return (bsns, $"Lijst van {Aantal(bsns.Length)} {(bsns.Length == 1 ? "BSN" : "BSN's")}");

            case LekrapportBereik.Correctierun run:
                string omschrijving;
                await using (var cmd = new NpgsqlCommand(
                    "select vorige_versie, versie, door, aangemaakt_op, status from correctie where id = @id", conn))
                {
                    cmd.Parameters.AddWithValue("id", run.CorrectieId);
                    await using var r = await cmd.ExecuteReaderAsync(ct);
                    if (!await r.ReadAsync(ct))
                    {
                        throw new LekrapportException($"Correctierun {run.CorrectieId.ToString(CultureInfo.InvariantCulture)} bestaat niet.");
                    }
                    omschrijving = $"Correctierun {run.CorrectieId.ToString(CultureInfo.InvariantCulture)}: regelset {r.GetString(0)} → {r.GetString(1)}, " +
                        $"toegepast op {Weergave.Moment(r.GetFieldValue<DateTimeOffset>(3))} door {r.GetString(2)}" +
                        (r.GetString(4) == CorrectieRun.StatusVoltooid ? "" : " (nog niet afgerond)");
                }
                return (await LijstAsync(conn, "select bsn from correctie_persoon where correctie_id = @id order by bsn",
                    c => c.Parameters.AddWithValue("id", run.CorrectieId), ct), omschrijving);

            case LekrapportBereik.Periode periode:
                if (periode.TotEnMet < periode.Van)
                {
                    throw new LekrapportException("De datum 'tot en met' ligt vóór de datum 'vanaf'.");
                }
                // An episode runs from the old municipality's first signal about the person until the correction
                // (still running for a correction run that has not reached them); it counts when it overlaps the days.
                const string Sql = """
                    select m.bsn from misplaatsing m
                    where m.vastgesteld_op >= @van and coalesce(m.eerste_signaal_op, m.vastgesteld_op) < @tot
                    union
                    select cp.bsn from correctie_persoon cp
                    cross join lateral (select min(s.aangemaakt_op) as eerste from signaal s
                                        where s.bsn = cp.bsn and s.gemeente_code = cp.oude_gemeente) s
                    where cp.oude_gemeente is not null and cp.oude_gemeente is distinct from cp.nieuwe_gemeente
                      and s.eerste < @tot and coalesce(cp.verwerkt_op, 'infinity') >= @van
                    order by 1
                    """;
                var personen = await LijstAsync(conn, Sql, c =>
                {
                    c.Parameters.AddWithValue("van", Begin(periode.Van));
                    c.Parameters.AddWithValue("tot", Begin(periode.TotEnMet.AddDays(1)));
                }, ct);
                return (personen, $"Personen bij een verkeerde gemeente tussen {Weergave.Datum(periode.Van)} en {Weergave.Datum(periode.TotEnMet)}");

            default:
                throw new ArgumentOutOfRangeException(nameof(bereik));
        }
    }

    /// <summary>The start of a day in the Netherlands, as an instant.</summary>
    internal static DateTimeOffset Begin(DateOnly dag)
    {
        var lokaal = dag.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(lokaal, PibVandaag.Amsterdam.GetUtcOffset(lokaal)).ToUniversalTime();
    }

    private static async Task<string[]> LijstAsync(NpgsqlConnection conn, string sql, Action<NpgsqlCommand> parameters, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        parameters(cmd);
        var uit = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            uit.Add(r.GetString(0));
        }
        return [.. uit];
    }

    private sealed record Rij(string? Code, string? Naam, int Personen, int Onterecht, int Ontvangen, int Ingezien, string[] Gebruikers,
        DateTimeOffset? Eerste, DateTimeOffset? Laatste, string[] Codes, string[] Omschrijvingen, int Elders);

    /// <summary>
    /// One statement: the persons' contacts (c), their episodes (e, then the latest end per person and municipality or
    /// any municipality: eg), per municipality and person whether the first contact came before an episode's end (kv),
    /// then per municipality, plus one row without a code for all persons together.
    /// </summary>
    private const string RapportSql = """
        with p as materialized (
            select * from unnest(@bsn::text[], @betrokkene::bytea[]) as p(bsn, betrokkene)
        ),
        c as materialized (
            select p.bsn, r.gemeente_code, r.soort, r.actor, r.tijdstip,
                   case when r.soort = 'SignaalVerzonden' then r.gegevens->>'code' end as code,
                   case when r.soort = 'Verstrekking' then r.gegevens->>'omschrijving' end as omschrijving
            from p join audit.regel r on r.betrokkene = p.betrokkene
            -- The predicate of index regel_betrokkene_contact (migration AuditLekrapportIndex), which also holds every column
            -- read here: the contacts come from the index alone. Change both together.
            where r.betrokkene is not null and r.soort in ('SignaalVerzonden', 'Verstrekking') and r.gemeente_code is not null
        ),
        b as materialized (
            select p.bsn, r.tijdstip, r.gemeente_code from p join audit.regel r on r.betrokkene = p.betrokkene
            where r.betrokkene is not null and r.soort = 'Bepaling'
        ),
        x as (
            select bsn, tijdstip, gemeente_code, true as bepaling from b
            union all
            select bsn, tijdstip, gemeente_code, false from c
        ),
        xn as (
            -- n: how many derivations came before (a derivation before a contact at the same moment: it is written first).
            select x.*, count(*) filter (where bepaling) over (partition by bsn order by tijdstip, bepaling desc rows unbounded preceding) as n
            from x
        ),
        ce as (
            -- Contacts while the latest derivation put the person with another municipality or none. Contacts before any
            -- derivation in the log are not counted: who was responsible then is not derivable from it.
            select distinct k.bsn, k.gemeente_code
            from xn k join xn d on d.bsn = k.bsn and d.n = k.n and d.bepaling
            where not k.bepaling and k.n > 0 and d.gemeente_code is distinct from k.gemeente_code
        ),
        e as (
            select m.bsn, m.oude_gemeente::text as gemeente, m.vastgesteld_op as tot
            from misplaatsing m where m.bsn = any(@bsn)
            union all
            select cp.bsn, cp.oude_gemeente::text, coalesce(cp.verwerkt_op, 'infinity')
            from correctie_persoon cp
            where cp.bsn = any(@bsn) and cp.oude_gemeente is not null and cp.oude_gemeente is distinct from cp.nieuwe_gemeente
            union all
            select cp.bsn, null, coalesce(cp.verwerkt_op, 'infinity')
            from correctie_persoon cp
            where cp.bsn = any(@bsn) and cp.oude_uitkomst in ('Wi2007', 'Wi2013', 'Wi2021') and cp.nieuwe_uitkomst <> cp.oude_uitkomst
            union all
            select pc.bsn, null, pc.besloten_op
            from persoonscorrectie pc
            where pc.bsn = any(@bsn) and pc.status = 'Goedgekeurd' and pc.oude_uitkomst in ('Wi2007', 'Wi2013', 'Wi2021')
              and pc.nieuwe_uitkomst <> pc.oude_uitkomst
        ),
        eg as (
            select bsn, gemeente, max(tot) as tot from e group by bsn, gemeente
        ),
        k as (
            select c.gemeente_code, c.bsn,
                   count(*) filter (where c.soort = 'SignaalVerzonden') as ontvangen,
                   count(*) filter (where c.soort = 'Verstrekking') as ingezien,
                   min(c.tijdstip) as eerste, max(c.tijdstip) as laatste
            from c group by c.gemeente_code, c.bsn
        ),
        kv as (
            select k.*, coalesce(k.eerste < greatest(eg1.tot, eg0.tot), false) as onterecht,
                   exists (select 1 from ce where ce.bsn = k.bsn and ce.gemeente_code = k.gemeente_code) as elders
            from k
            left join eg eg1 on eg1.bsn = k.bsn and eg1.gemeente = k.gemeente_code
            left join eg eg0 on eg0.bsn = k.bsn and eg0.gemeente is null
        ),
        g as (
            select gemeente_code, count(*)::int as personen, (count(*) filter (where onterecht))::int as onterecht,
                   sum(ontvangen)::int as ontvangen, sum(ingezien)::int as ingezien, min(eerste) as eerste, max(laatste) as laatste,
                   (count(*) filter (where elders))::int as elders
            from kv group by gemeente_code
        ),
        d as (
            select gemeente_code,
                   coalesce(array_agg(distinct actor) filter (where soort = 'Verstrekking'), '{}') as gebruikers,
                   coalesce(array_agg(distinct code) filter (where code is not null), '{}') as codes,
                   coalesce(array_agg(distinct omschrijving) filter (where omschrijving is not null), '{}') as omschrijvingen
            from c group by gemeente_code
        )
        select g.gemeente_code, gm.naam, g.personen, g.onterecht, g.ontvangen, g.ingezien, d.gebruikers, g.eerste, g.laatste,
               d.codes, d.omschrijvingen, g.elders
        from g join d on d.gemeente_code = g.gemeente_code left join gemeente gm on gm.code = g.gemeente_code
        union all
        select null, null, count(distinct bsn)::int, (count(distinct bsn) filter (where onterecht))::int,
               coalesce(sum(ontvangen), 0)::int, coalesce(sum(ingezien), 0)::int, '{}', min(eerste), max(laatste), '{}', '{}',
               (count(distinct bsn) filter (where elders))::int
        from kv
        """;

    private async Task<List<Rij>> RapportAsync(NpgsqlConnection conn, string[] bsns, CancellationToken ct)
    {
        var uit = new List<Rij>();
        if (bsns.Length == 0)
        {
            return uit;
        }
        await using var cmd = new NpgsqlCommand(RapportSql, conn) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsn", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = bsns });
        cmd.Parameters.Add(new NpgsqlParameter<byte[][]>("betrokkene", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            TypedValue = [.. bsns.Select(auditlog.Pseudoniem)],
        });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            string? Tekst(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            DateTimeOffset? Moment(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
            uit.Add(new Rij(Tekst(0), Tekst(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetFieldValue<string[]>(6),
                Moment(7), Moment(8), r.GetFieldValue<string[]>(9), r.GetFieldValue<string[]>(10), r.GetInt32(11)));
        }
        return uit;
    }

    private static string Aantal(int n) => n.ToString("N0", Nl);


}
