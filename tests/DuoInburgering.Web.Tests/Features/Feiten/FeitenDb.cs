using System.Globalization;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>Row counts of every table facts can touch.</summary>
public sealed record Tellingen(long Persoon, long Signaal, long Bericht, long Afwijzing, long ImportRun, long CoaFeit, long BrpFeit);

/// <summary>Plain SQL reads for assertions on the real database.</summary>
public static class FeitenDb
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Naam, object Waarde)[] parameters)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await AuditRijen.VoorLezenAsync(conn, sql);
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (naam, waarde) in parameters)
        {
            cmd.Parameters.AddWithValue(naam, waarde);
        }
        var resultaat = await cmd.ExecuteScalarAsync();
        return resultaat is null or DBNull ? default! : (T)resultaat;
    }

    public static async Task<List<string[]>> RijenAsync(string connectionString, string sql, params (string Naam, object Waarde)[] parameters)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await AuditRijen.VoorLezenAsync(conn, sql);
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (naam, waarde) in parameters)
        {
            cmd.Parameters.AddWithValue(naam, waarde);
        }
        await using var r = await cmd.ExecuteReaderAsync();
        var rijen = new List<string[]>();
        while (await r.ReadAsync())
        {
            var rij = new string[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++)
            {
                rij[i] = r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!;
            }
            rijen.Add(rij);
        }
        return rijen;
    }

    public static async Task<Tellingen> TelAsync(string connectionString) => new(
        await ScalarAsync<long>(connectionString, "select count(*) from persoon"),
        await ScalarAsync<long>(connectionString, "select count(*) from signaal"),
        await ScalarAsync<long>(connectionString, "select count(*) from bericht"),
        await ScalarAsync<long>(connectionString, "select count(*) from afwijzing"),
        await ScalarAsync<long>(connectionString, "select count(*) from import_run"),
        await ScalarAsync<long>(connectionString, "select count(*) from coa_feit"),
        await ScalarAsync<long>(connectionString, "select count(*) from brp_feit"));

    /// <summary>
    /// Every person and signal row without ids and timestamps, in a fixed order, hashed: two databases
    /// with the same checksum hold the same decisions, links and signals.
    /// </summary>
    public static async Task<string> ControlegetalAsync(string connectionString) =>
        await ScalarAsync<string>(connectionString, """
            select md5(
                coalesce((select string_agg(t, E'\n' order by t) from (
                    select concat_ws('|', bsn, vnummer, naam, geboortedatum, nationaliteit, verblijfsdoel, uitkomst, doelgroep,
                        peildatum, startdatum, rule_set_versie, reden, gemeente_code, koppeling_reden, status, pub_uitkomst,
                        pub_doelgroep, pub_startdatum, pub_gemeente_code, pub_verblijft_in_coa, pub_vertrokken) as t
                    from persoon) p), '')
                || E'\n--\n' ||
                coalesce((select string_agg(t, E'\n' order by t) from (
                    select concat_ws('|', bsn, code, gemeente_code, regime, datum, toelichting) as t from signaal) s), '')
                || E'\n--\n' ||
                coalesce((select string_agg(t, E'\n' order by t) from (
                    select concat_ws('|', bericht_id, bron) as t from bericht) b), ''))
            """);
}
