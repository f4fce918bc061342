using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Correcties;

/// <summary>What the tests read back: whole tables as text, and what a municipality sees under row-level security.</summary>
internal static class CorrectieDb
{
    public static AppDbContext Context(string cs) => new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).Options);

    /// <summary>Every row of every table a correction may write, as text, in a fixed order.</summary>
    public static async Task<Dictionary<string, List<string>>> StandAsync(string cs)
    {
        var uit = new Dictionary<string, List<string>>();
        foreach (var (naam, sql) in new[]
        {
            ("persoon", "select row_to_json(p)::text from persoon p order by bsn"),
            ("signaal", "select row_to_json(s)::text from (select bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op, afgehandeld_op, ingetrokken_op from signaal) s order by 1"),
            ("correctie", "select row_to_json(c)::text from (select versie, vorige_versie, regime, doelgroep, peildatum_van, peildatum_tot, gemeente_code, door, aangemaakt_op, lijst_hash, status, personen, verlaten_wi2021, herbepaald, verwerkt, ss190, signalen, voltooid_op from correctie) c order by 1"),
            ("correctie_persoon", "select row_to_json(c)::text from (select bsn, actie, oude_uitkomst, nieuwe_uitkomst, oude_gemeente, nieuwe_gemeente, oude_reden, nieuwe_reden, oude_koppeling_reden, nieuwe_koppeling_reden, verwerkt_op from correctie_persoon) c order by 1"),
            ("regelset", "select row_to_json(r)::text from regelset_actief r"),
            ("regelset_historie", "select row_to_json(h)::text from (select versie, vorige_versie, op, door, reden from regelset_historie) h order by 1"),
        })
        {
            uit[naam] = await LijstAsync(cs, sql);
        }
        return uit;
    }

    public static async Task<List<string>> LijstAsync(string cs, string sql, params (string Naam, object Waarde)[] parameters)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (naam, waarde) in parameters)
        {
            cmd.Parameters.AddWithValue(naam, waarde);
        }
        var uit = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            uit.Add(r.IsDBNull(0) ? "" : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return uit;
    }

    /// <summary>Runs <paramref name="sql"/> as role pib_gemeente for one municipality: what row-level security lets it see.</summary>
    public static async Task<List<string>> AlsGemeenteAsync(string cs, string gemeente, DateOnly vandaag, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var rol = new NpgsqlCommand(
            "select set_config('role', 'pib_gemeente', true), set_config('pib.gemeente', @g, true), set_config('pib.vandaag', @d, true)", conn, tx))
        {
            rol.Parameters.AddWithValue("g", gemeente);
            rol.Parameters.AddWithValue("d", vandaag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await rol.ExecuteNonQueryAsync();
        }
        var uit = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            uit.Add(r.GetString(0));
        }
        return uit;
    }

    /// <summary>The persons a municipality sees (row-level security), sorted.</summary>
    public static async Task<List<string>> ZichtbarePersonenAsync(string cs, string gemeente, DateOnly vandaag) =>
        [.. (await AlsGemeenteAsync(cs, gemeente, vandaag, "select bsn from persoon")).Order(StringComparer.Ordinal)];

    /// <summary>Every person's stored decision under a rule set, computed by the test from the stored facts with the domain alone.</summary>
    public static async Task<Dictionary<string, (RegimeUitkomst Uitkomst, string? Gemeente)>> VolgensAsync(string cs, RegimeRegelset rules)
    {
        await using var db = Context(cs);
        var personen = await db.Personen.AsNoTracking().ToListAsync();
        var coa = await db.CoaFeiten.AsNoTracking().ToDictionaryAsync(c => c.Bsn);
        var brp = await db.BrpFeiten.AsNoTracking().ToDictionaryAsync(b => b.Bsn);
        static GemeenteCode? G(string? c) => c is null ? null : new GemeenteCode(c);
        return personen.ToDictionary(p => p.Bsn, p =>
        {
            var ind = new IndFeiten(new Bsn(p.Bsn), p.Geboortedatum, p.Nationaliteit, VerblijfsdoelTekst.Parse(p.Verblijfsdoel),
                p.DatumIngangVerblijfsrecht, p.DatumBeschikking, p.DatumBekendmakingBeschikking, p.DatumUitreikingDocument, p.DatumKennisgeving);
            var c = coa.GetValueOrDefault(p.Bsn);
            var b = brp.GetValueOrDefault(p.Bsn);
            var k = rules.BepaalGemeente(
                c is null ? null : new CoaFeiten(c.Locatie, G(c.GekoppeldeGemeente), c.DatumGekoppeld, c.DatumUitstroom),
                b is null ? null : new BrpFeiten(G(b.Gemeente), b.AdresIsCoaLocatie, b.DatumVestiging, b.DatumVertrekBuitenland, b.DatumOverlijden));
            return (rules.DeriveRegime(ind).Uitkomst, k.Gemeente?.Waarde);
        }, StringComparer.Ordinal);
    }
}
