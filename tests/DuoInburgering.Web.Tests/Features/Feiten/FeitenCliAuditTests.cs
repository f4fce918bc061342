using DuoInburgering.Web.Tests.Audit;
using System.Globalization;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>Issue 6: 'import' on the command line records what it stores, and refuses to run without the audit key.</summary>
[Collection(CliCollectie.Naam)]
public sealed class FeitenCliAuditTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Without_the_audit_key_the_import_is_refused_in_Dutch_before_anything_is_written()
    {
        using var bestanden = FeitenBestanden.Cohort();
        var cs = database.ConnectionString;
        var voor = await FeitenDb.TelAsync(cs);
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        var (code, uit, fout) = await CliUitvoering.VoerUitMetSleutelAsync(cs, null, "import", "brp", bestanden.Pad(FeitBron.Brp));

        Assert.Equal((1, ""), (code, uit));
        Assert.Contains("zet Audit__BsnSleutel", fout, StringComparison.Ordinal);
        Assert.Equal(voor, await FeitenDb.TelAsync(cs));
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
    }

    [Fact]
    public async Task A_CLI_import_records_each_message_with_its_import_run_under_the_configured_key()
    {
        using var bestanden = FeitenBestanden.Cohort();
        var cs = database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        var (code, _, _) = await CliUitvoering.VoerUitAsync(cs, "import", "coa", bestanden.Pad(FeitBron.Coa), "--door", "beheer.nacht");

        Assert.Equal(0, code);
        var import = await FeitenDb.ScalarAsync<long>(cs, "select max(id) from import_run where bron = 'COA'");
        // Who started it (issue 17 item 12): --door, in import_run and as a DUO action in the audit log.
        Assert.Equal("beheer.nacht", await FeitenDb.ScalarAsync<string>(cs, "select gestart_door from import_run where id = @id", ("id", import)));
        var alle = await AuditRijen.NaAsync(cs, laatste);
        var start = Assert.Single(alle, r => r.Soort == "DuoActie");
        Assert.Equal(("beheer.nacht", "import-starten", import.ToString(CultureInfo.InvariantCulture)), (start.Actor, start.Activiteit, start["import_id"]));
        var rijen = alle.Where(r => r.Soort != "DuoActie").ToList();
        var berichten = await FeitenDb.RijenAsync(cs, "select bericht_id, bsn from coa_feit order by bericht_id");
        Assert.Equal(berichten.Select(b => (b[0], AuditRijen.Pseudoniem(b[1]), "COA", import.ToString(CultureInfo.InvariantCulture))),
            rijen.Select(r => (r["bericht_id"]!, r.Betrokkene!, r.Actor, r["import_id"]!)).OrderBy(x => x.Item1, StringComparer.Ordinal));
    }
}
