using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>A fresh migrated database for one test, dropped afterwards.</summary>
public sealed class LegeDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private LegeDatabase(PostgresServer server, string cs) => (_server, ConnectionString) = (server, cs);

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource => _dataSource ??= NpgsqlDataSource.Create(ConnectionString);

    private NpgsqlDataSource? _dataSource;

    public static async Task<LegeDatabase> MaakAsync()
    {
        var server = await PostgresServer.GetAsync();
        return new LegeDatabase(server, await server.CreateDatabaseAsync());
    }

    public async Task VoerUitAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await _server.DropDatabaseAsync(ConnectionString);
    }
}

/// <summary>The CSV path (FeitenImport) on real databases, with the incident cohort and hand-made bad files.</summary>
public sealed class FeitenImportTests
{
    private static readonly FakeTimeProvider Klok = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private const string IndKop = SynthetischePopulatie.IndKop;

    private static string Ind(string id, string bsn, string naam = "Test Persoon", string geboren = "1990-05-01",
        string doel = "asiel", string beschikking = "2021-12-17") =>
        $"{id},{bsn},,{naam},{geboren},SYR,{doel},2021-08-30,{beschikking},2021-12-22,,2022-01-14,";

    private static Task<ImportRapport> ImportAsync(LegeDatabase db, FeitBron bron, string pad) =>
        FeitenImport.ImportAsync(db.DataSource, bron, pad, Klok, TestAudit.Log(Klok), CancellationToken.None);

    /// <summary>COA and BRP before IND, as SyntheseImport does.</summary>
    private static async Task<ImportRapport[]> ImportCohortAsync(LegeDatabase db, FeitenBestanden bestanden) =>
    [
        await ImportAsync(db, FeitBron.Coa, bestanden.Pad(FeitBron.Coa)),
        await ImportAsync(db, FeitBron.Brp, bestanden.Pad(FeitBron.Brp)),
        await ImportAsync(db, FeitBron.Ind, bestanden.Pad(FeitBron.Ind)),
    ];

    [Fact]
    public async Task The_incident_cohort_ends_with_every_expected_regime_and_municipality_and_signals_only_there()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = FeitenBestanden.Cohort();

        var rapporten = await ImportCohortAsync(db, bestanden);
        var (coa, brp, ind) = (rapporten[0], rapporten[1], rapporten[2]);

        Assert.Equal((8, 8, 0, 0, 0), (coa.Rijen, coa.Verwerkt, coa.Dubbel, coa.Afgewezen.Count, coa.Herbepaling.Personen));
        Assert.Equal((12, 12, 0, 0, 0), (brp.Rijen, brp.Verwerkt, brp.Dubbel, brp.Afgewezen.Count, brp.Herbepaling.Personen));
        Assert.Equal((13, 13, 0, 0, 13), (ind.Rijen, ind.Verwerkt, ind.Dubbel, ind.Afgewezen.Count, ind.Herbepaling.Personen));
        var cs = db.ConnectionString;
        Assert.Equal(ind.Herbepaling.Signalen, await FeitenDb.ScalarAsync<long>(cs, "select count(*) from signaal"));
        var personen = (await FeitenDb.RijenAsync(cs, "select bsn, uitkomst, gemeente_code from persoon"))
            .ToDictionary(r => r[0], r => (Uitkomst: r[1], Gemeente: r[2] == "∅" ? null : r[2]));
        var signalen = (await FeitenDb.RijenAsync(cs, "select bsn, gemeente_code from signaal")).ToLookup(r => r[0], r => r[1]);
        Assert.Equal(SynthetischePopulatie.IncidentCohort.Count, personen.Count);
        Assert.Equal(13, personen.Count);
        foreach (var demo in SynthetischePopulatie.IncidentCohort)
        {
            var persoon = personen[demo.Bsn];
            Assert.True(string.Equals(demo.VerwachtRegime, persoon.Uitkomst, StringComparison.OrdinalIgnoreCase),
                $"{demo.Bsn} ({demo.Omschrijving}): verwacht {demo.VerwachtRegime}, kreeg {persoon.Uitkomst}");
            Assert.Equal(demo.VerwachteGemeente, persoon.Gemeente);
            if (demo.VerwachteGemeente is null)
            {
                Assert.Empty(signalen[demo.Bsn]);
            }
            else
            {
                Assert.All(signalen[demo.Bsn], g => Assert.Equal(demo.VerwachteGemeente, g));
            }
            if (demo.VerwachteGemeente is not null && !string.Equals(demo.VerwachtRegime, "geen", StringComparison.OrdinalIgnoreCase))
            {
                Assert.NotEmpty(signalen[demo.Bsn]); // a person with a regime and a municipality is told to that municipality
            }
        }
        // The AZC municipalities (Westerwolde, Cranendonck) never hear about anyone.
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(cs, "select count(*) from signaal where gemeente_code in ('GM1950', 'GM1706')"));
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_line_and_Dutch_reason_while_every_good_row_is_kept()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = new FeitenBestanden();
        var indPad = bestanden.Schrijf("ind-met-fouten.csv",
            IndKop,
            Ind("F-1", "999990019", "Goed Eerste"),
            Ind("F-2", "123456789"),
            Ind("F-3", "999990020", beschikking: "2021-02-30"),
            Ind("F-4", "999990032", doel: "studie"),
            "F-5,999990044,,Te Kort,1990-05-01,SYR,asiel",
            Ind("F-6", "999990056", "Goed Tweede"));
        var coaPad = bestanden.Schrijf("coa-met-fouten.csv",
            SynthetischePopulatie.CoaKop,
            "C-1,999990019,AZC Budel,GM9999,2022-01-05,",
            "C-2,999990056,AZC Ter Apel,GM0518,2022-01-12,");

        var ind = await ImportAsync(db, FeitBron.Ind, indPad);
        var coa = await ImportAsync(db, FeitBron.Coa, coaPad);

        Assert.Equal((6, 2, 0), (ind.Rijen, ind.Verwerkt, ind.Dubbel));
        Assert.Equal([3, 4, 5, 6], ind.Afgewezen.Select(a => a.Regel!.Value));
        Assert.Equal((2, 1), (coa.Rijen, coa.Verwerkt));
        var cs = db.ConnectionString;
        var afwijzingen = await FeitenDb.RijenAsync(cs,
            "select import_id, bron, regel, bericht_id, reden, inhoud from afwijzing order by import_id, regel");
        Assert.Equal(5, afwijzingen.Count);
        var id = ind.ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([id, "IND", "3", "F-2", "BSN voldoet niet aan de elfproef.", Ind("F-2", "123456789")], afwijzingen[0]);
        Assert.Equal([id, "IND", "4", "F-3", "Ongeldige datum in datum_beschikking: '2021-02-30' (verwacht jjjj-mm-dd).",
            Ind("F-3", "999990020", beschikking: "2021-02-30")], afwijzingen[1]);
        Assert.Equal([id, "IND", "5", "F-4"], afwijzingen[2][..4]);
        Assert.StartsWith("Onbekend verblijfsdoel 'studie'; toegestaan:", afwijzingen[2][4]);
        Assert.Equal([id, "IND", "6", "∅", "Verwacht 13 kolommen, gevonden 7.", "F-5,999990044,,Te Kort,1990-05-01,SYR,asiel"],
            afwijzingen[3]);
        Assert.Equal([coa.ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture), "COA", "2", "C-1",
            "gekoppelde_gemeente: 'GM9999' is geen bestaande gemeente.", "C-1,999990019,AZC Budel,GM9999,2022-01-05,"], afwijzingen[4]);

        Assert.Equal(["999990019|Goed Eerste", "999990056|Goed Tweede|GM0518"],
            (await FeitenDb.RijenAsync(cs, "select concat_ws('|', bsn, naam, gemeente_code) from persoon order by bsn")).Select(r => r[0]));
        Assert.Equal(["C-2"], (await FeitenDb.RijenAsync(cs, "select bericht_id from coa_feit")).Select(r => r[0]));
        Assert.Equal(["C-2", "F-1", "F-6"], (await FeitenDb.RijenAsync(cs, "select bericht_id from bericht order by 1")).Select(r => r[0]));
        Assert.Equal(["IND|6|2|4|0", "COA|2|1|1|0"], (await FeitenDb.RijenAsync(cs,
            "select concat_ws('|', bron, aantal_rijen, aantal_verwerkt, aantal_afgewezen, aantal_dubbel) from import_run where voltooid_op is not null order by id"))
            .Select(r => r[0]));
    }

    [Fact]
    public async Task A_wrong_header_is_a_FeitenCsvException_and_writes_nothing()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = new FeitenBestanden();
        var pad = bestanden.Schrijf("brp-als-ind.csv", SynthetischePopulatie.BrpKop, "B-1,999990019,GM0599,false,2021-10-04,,");
        var voor = await FeitenDb.TelAsync(db.ConnectionString);

        var fout = await Assert.ThrowsAsync<FeitenCsvException>(() => ImportAsync(db, FeitBron.Ind, pad));

        Assert.StartsWith("De kopregel past niet bij een IND-bestand (ontbrekend: v_nummer, naam,", fout.Message);
        Assert.Equal(new Tellingen(0, 0, 0, 0, 0, 0, 0), voor);
        Assert.Equal(voor, await FeitenDb.TelAsync(db.ConnectionString));
    }

    [Fact]
    public async Task The_same_file_twice_is_recognised_and_the_same_ids_in_another_file_are_all_dubbel()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = FeitenBestanden.Cohort();
        await ImportCohortAsync(db, bestanden);
        var cs = db.ConnectionString;
        var tellingNa = await FeitenDb.TelAsync(cs);
        var controleNa = await FeitenDb.ControlegetalAsync(cs);
        var eersteInd = await FeitenDb.ScalarAsync<long>(cs, "select id from import_run where bron = 'IND'");

        var nogmaals = await ImportAsync(db, FeitBron.Ind, bestanden.Pad(FeitBron.Ind));

        Assert.Equal(eersteInd, nogmaals.EerderGeimporteerd);
        Assert.Equal((0, 0, 0), (nogmaals.Verwerkt, nogmaals.Dubbel, nogmaals.Herbepaling.Personen));
        Assert.Equal(tellingNa, await FeitenDb.TelAsync(cs));
        Assert.Equal(controleNa, await FeitenDb.ControlegetalAsync(cs));

        // Same message ids, other bytes (CRLF line ends, other names): every row was received before.
        var regels = File.ReadAllLines(bestanden.Pad(FeitBron.Ind));
        var anders = bestanden.Pad("ind-opnieuw.csv");
        File.WriteAllText(anders, string.Join("\r\n", regels.Select((r, i) => i == 0 ? r : r.Replace("Samira", "Anders", StringComparison.Ordinal))) + "\r\n");
        Assert.NotEqual(File.ReadAllBytes(bestanden.Pad(FeitBron.Ind)), File.ReadAllBytes(anders));

        var tweede = await ImportAsync(db, FeitBron.Ind, anders);

        Assert.Null(tweede.EerderGeimporteerd);
        Assert.Equal((13, 0, 13, 0, 0, 0), (tweede.Rijen, tweede.Verwerkt, tweede.Dubbel, tweede.Afgewezen.Count,
            tweede.Herbepaling.Personen, tweede.Herbepaling.Signalen));
        Assert.Equal(tellingNa with { ImportRun = tellingNa.ImportRun + 1 }, await FeitenDb.TelAsync(cs));
        Assert.Equal(controleNa, await FeitenDb.ControlegetalAsync(cs));
        Assert.Equal("IND|13|0|0|13", await FeitenDb.ScalarAsync<string>(cs,
            "select concat_ws('|', bron, aantal_rijen, aantal_verwerkt, aantal_afgewezen, aantal_dubbel) from import_run where id = @id",
            ("id", tweede.ImportId)));
    }

    [Fact]
    public async Task A_crash_halfway_leaves_nothing_of_the_import_and_a_rerun_equals_one_clean_run()
    {
        await using var db = await LegeDatabase.MaakAsync();
        await using var schoon = await LegeDatabase.MaakAsync();
        using var bestanden = FeitenBestanden.Cohort();
        // One rejected line too, so the crash must also take the afwijzing rows back.
        File.AppendAllText(bestanden.Pad(FeitBron.Ind), Ind("IND-KAPOT", "123456789") + "\n");
        await ImportAsync(db, FeitBron.Coa, bestanden.Pad(FeitBron.Coa));
        await ImportAsync(db, FeitBron.Brp, bestanden.Pad(FeitBron.Brp));
        var cs = db.ConnectionString;
        var voorCrash = await FeitenDb.TelAsync(cs);
        Assert.Equal(new Tellingen(0, 0, 20, 0, 2, 8, 12), voorCrash);
        // The first signal written fails: by then the import run, the rejects, the message ids and every
        // person row of the batch are written inside the transaction.
        await db.VoerUitAsync("""
            create function crash() returns trigger language plpgsql as $$
            begin
                if (select count(*) from persoon) = 0 then raise exception 'test: personen niet geschreven'; end if;
                raise exception 'test: crash halverwege';
            end $$;
            create trigger crash before insert on signaal for each row execute function crash();
            """);

        var crash = await Assert.ThrowsAsync<PostgresException>(() => ImportAsync(db, FeitBron.Ind, bestanden.Pad(FeitBron.Ind)));

        Assert.Equal("test: crash halverwege", crash.MessageText);
        Assert.Equal(voorCrash, await FeitenDb.TelAsync(cs));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(cs, "select count(*) from import_run where bron = 'IND'"));

        await db.VoerUitAsync("drop trigger crash on signaal; drop function crash();");
        var herstart = await ImportAsync(db, FeitBron.Ind, bestanden.Pad(FeitBron.Ind));
        await ImportCohortAsync(schoon, bestanden);

        Assert.Null(herstart.EerderGeimporteerd);
        Assert.Equal((14, 13, 1), (herstart.Rijen, herstart.Verwerkt, herstart.Afgewezen.Count));
        var naHerstart = await FeitenDb.TelAsync(cs);
        Assert.Equal(await FeitenDb.TelAsync(schoon.ConnectionString), naHerstart);
        Assert.Equal(new Tellingen(13, herstart.Herbepaling.Signalen, 33, 1, 3, 8, 12), naHerstart);
        Assert.True(herstart.Herbepaling.Signalen > 0);
        Assert.Equal(await FeitenDb.ControlegetalAsync(schoon.ConnectionString), await FeitenDb.ControlegetalAsync(cs));
    }
}
