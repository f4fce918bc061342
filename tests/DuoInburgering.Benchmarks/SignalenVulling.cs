using System.Globalization;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Fills a migrated database with N signals over N/10 persons in plain SQL (generate_series), not through
/// the processing: the benchmark measures reading, not writing. GM0363 gets about 8% of the people (the
/// largest municipality), GM0599, GM0518 and GM0344 the next shares, the rest spread over all codes.
/// Half the people are Wi2021, 40% Wi2013, 10% Wi2007; 80% of signals are handled, 1% withdrawn, and one
/// signal in ten goes to a previous municipality that can no longer see the person.
/// </summary>
internal static class SignalenVulling
{
    public static async Task VulAsync(NpgsqlDataSource db, long signalen)
    {
        var personen = Math.Max(1, signalen / 10);
        await using var conn = await db.OpenConnectionAsync();
        async Task Sql(string sql, string wat)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
            Console.WriteLine($"  {wat}: {sw.Elapsed.TotalSeconds:F1} s");
        }

        await Sql("set synchronous_commit = off; set maintenance_work_mem = '512MB'", "instellingen");
        // Indexes are dropped and rebuilt afterwards: building them once is much faster than 10M inserts into 6 of them.
        var indexen = new List<string>();
        await using (var cmd = new NpgsqlCommand(
            "select indexname, indexdef from pg_indexes where tablename = 'signaal' and indexname <> 'PK_signaal'", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                indexen.Add(r.GetString(1));
            }
        }
        foreach (var def in indexen)
        {
            var naam = def.Split(' ')[2];
            await using var drop = new NpgsqlCommand($"drop index {naam}", conn);
            await drop.ExecuteNonQueryAsync();
        }

        await Sql(string.Create(CultureInfo.InvariantCulture, $"""
            insert into persoon (bsn, naam, geboortedatum, nationaliteit, verblijfsdoel, uitkomst, rule_set_versie, reden, koppeling_reden,
              status, pub_verblijft_in_coa, pub_vertrokken, aanvang_gemeld, ss126_verzonden, ss127_verzonden, ss128_verzonden, geparkeerd,
              bijgewerkt_op, doelgroep, pub_doelgroep, gemeente_code, pub_gemeente_code, pub_uitkomst)
            select lpad(g::text, 9, '0'),
              (array['Anna','Bilal','Chen','Dara','Eva','Farah','Hassan','Jan','Lina','Mehmet','Nadia','Omar','Sara','Yusuf','Amir',
                     'Fatima','Ali','Mariam','Ahmed','Noor'])[1 + g % 20] || ' ' ||
              (array['de Vries','Haddad','Li','Ahmadi','Bel','Kaya','Mansour','Jansen','Öztürk','Yilmaz','Hussein','Tesfay','Abdi',
                     'Bakker','Visser','Rahimi','Osman','Said','Haile','Smit'])[1 + (g / 20) % 20] || ' ' || g,
              date '1970-01-01' + (g % 15000), 'SYR', 'asiel', r, '2022-03', 'bench', 'bench', 'Gepubliceerd',
              false, false, true, false, false, false, false, now(), dg, dg, gm, gm, r
            from (select g,
                    (array['Asielstatushouder','Gezinsmigrant','OverigeMigrant'])[1 + g % 3] dg,
                    case when g % 10 < 5 then 'Wi2021' when g % 10 < 9 then 'Wi2013' else 'Wi2007' end r,
                    case when h < 80 then 'GM0363' when h < 140 then 'GM0599' when h < 190 then 'GM0518' when h < 225 then 'GM0344'
                         else codes[1 + (g / 7) % array_length(codes, 1)] end gm
                  from generate_series(1, {personen}) g
                  cross join lateral (select (g::bigint * 7919) % 1000 h) x
                  cross join (select array_agg(code order by code) codes from gemeente) c) s
            """), $"{personen:N0} personen");

        await Sql(string.Create(CultureInfo.InvariantCulture, $"""
            insert into signaal (bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op, afgehandeld_op, afgehandeld_door, ingetrokken_op,
              doelgroep)
            select p.bsn,
              case when p.uitkomst = 'Wi2021' and (n * 31 + j) % 97 = 0 then 'SS190'
                   else (array['SS101','SS139','SS120','SS122','SS123','SS102','SS126','SS127','SS128','SS110','SS124','SS106'])[1 + (n * 7 + j) % 12] end,
              case when j = 10 and n % 10 = 3 then (select code from gemeente order by code offset (n % 300) limit 1) else p.pub_gemeente_code end,
              p.uitkomst,
              case p.uitkomst when 'Wi2021' then date '2022-01-01' + ((n * 37 + j * 101) % 1788)
                              when 'Wi2013' then date '2013-01-01' + ((n * 37 + j * 101) % 3287)
                              else date '2007-01-01' + ((n * 37 + j * 101) % 2191) end,
              'bench', now(),
              case when (n + j * 13) % 10 < 8 then now() end,
              case when (n + j * 13) % 10 < 8 then 'bench' end,
              case when (n * j) % 100 = 1 then now() end,
              case when p.uitkomst = 'Wi2021' and (n * 31 + j) % 97 = 0 then null else p.pub_doelgroep end
            from (select bsn, pub_gemeente_code, uitkomst, pub_doelgroep, bsn::int n from persoon) p
            cross join generate_series(1, 10) j
            """), $"{personen * 10:N0} signalen");

        foreach (var def in indexen)
        {
            await Sql(def, def.Split(' ')[2]);
        }
        await Sql("vacuum analyze persoon", "vacuum analyze persoon");
        await Sql("vacuum analyze signaal", "vacuum analyze signaal");
    }
}
