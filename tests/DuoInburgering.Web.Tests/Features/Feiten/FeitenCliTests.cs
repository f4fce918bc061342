using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>'import ind|coa|brp BESTAND' through the CLI entry point, on the class's own database.</summary>
[Collection(CliCollectie.Naam)]
public sealed class FeitenCliTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_cohort_imported_with_the_CLI_gets_its_expected_regimes_and_a_second_run_changes_nothing()
    {
        using var bestanden = FeitenBestanden.Cohort();
        var coa = await VoerUitAsync("import", "coa", bestanden.Pad(FeitBron.Coa));
        var brp = await VoerUitAsync("import", "brp", bestanden.Pad(FeitBron.Brp));
        var ind = await VoerUitAsync("import", "ind", bestanden.Pad(FeitBron.Ind));

        Assert.Equal((0, 0, 0), (coa.Code, brp.Code, ind.Code));
        Assert.Matches(@"^Import \d+ \(COA, coa\.csv\): 8 rijen, 8 verwerkt, 0 al eerder ontvangen, 0 afgewezen\.", coa.Uit);
        Assert.Matches(@"^Import \d+ \(BRP, brp\.csv\): 12 rijen, 12 verwerkt, 0 al eerder ontvangen, 0 afgewezen\.", brp.Uit);
        Assert.Matches(@"^Import (\d+) \(IND, ind\.csv\): 13 rijen, 13 verwerkt, 0 al eerder ontvangen, 0 afgewezen\.\r?\n"
            + @"Herbepaald: 13 personen \(0 uitgesteld\), [1-9]\d* signalen\.", ind.Uit);
        Assert.Equal("", ind.Fout);
        var cs = database.ConnectionString;
        var personen = (await FeitenDb.RijenAsync(cs, "select bsn, lower(uitkomst), gemeente_code from persoon order by bsn"))
            .Select(r => $"{r[0]} {r[1]} {r[2]}");
        Assert.Equal(SynthetischePopulatie.IncidentCohort.OrderBy(d => d.Bsn, StringComparer.Ordinal)
            .Select(d => $"{d.Bsn} {d.VerwachtRegime.ToLowerInvariant()} {d.VerwachteGemeente ?? "∅"}"), personen);
        var telling = await FeitenDb.TelAsync(cs);
        var controle = await FeitenDb.ControlegetalAsync(cs);
        var indImport = await FeitenDb.ScalarAsync<long>(cs, "select id from import_run where bron = 'IND'");

        var nogmaals = await VoerUitAsync("import", "ind", bestanden.Pad(FeitBron.Ind));

        Assert.Equal(0, nogmaals.Code);
        Assert.Equal($"{bestanden.Pad(FeitBron.Ind)}: dit bestand is al geïmporteerd (import {indImport}); er is niets gewijzigd.",
            nogmaals.Uit.TrimEnd());
        Assert.Equal(telling, await FeitenDb.TelAsync(cs));
        Assert.Equal(controle, await FeitenDb.ControlegetalAsync(cs));
    }

    [Fact]
    public async Task A_file_with_a_wrong_header_is_exit_2_in_Dutch_and_imports_nothing()
    {
        using var bestanden = new FeitenBestanden();
        var pad = bestanden.Schrijf("verkeerd.csv", "bericht_id;bsn;naam", "X-1;999990019;Iemand");
        var voor = await FeitenDb.TelAsync(database.ConnectionString);

        var (code, uit, fout) = await VoerUitAsync("import", "ind", pad);

        Assert.Equal(2, code);
        Assert.Equal("", uit);
        Assert.StartsWith($"{pad}: De kopregel past niet bij een IND-bestand", fout);
        Assert.EndsWith("Er is niets geïmporteerd.", fout.TrimEnd());
        Assert.Equal(voor, await FeitenDb.TelAsync(database.ConnectionString));
    }

    [Fact]
    public async Task The_rejected_lines_report_is_the_downloads_CSV_with_formulas_neutralised()
    {
        using var bestanden = new FeitenBestanden();
        var pad = bestanden.Schrijf("coa-fout.csv", SynthetischePopulatie.CoaKop,
            "=1+2,12345,AZC Ter Apel,GM0363,2022-01-10,",
            "COA-RAPPORT-2,999990019,AZC Ter Apel,GM0363,2022-01-10,");
        var rapport = Path.Combine(Path.GetDirectoryName(pad)!, "afwijzingen.csv");

        var (code, uit, _) = await VoerUitAsync("import", "coa", pad, "--rapport", rapport);

        Assert.Equal(0, code);
        Assert.Contains("2 rijen, 1 verwerkt, 0 al eerder ontvangen, 1 afgewezen.", uit, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(rapport);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var regels = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("regel;bericht_id;reden;inhoud", regels[0]);
        var afgewezen = Assert.Single(regels[1..]);
        Assert.StartsWith("2;'=1+2;", afgewezen, StringComparison.Ordinal);
        Assert.Contains("BSN", afgewezen, StringComparison.Ordinal);
    }

    private Task<(int Code, string Uit, string Fout)> VoerUitAsync(params string[] args) =>
        CliUitvoering.VoerUitAsync(database.ConnectionString, args);
}
