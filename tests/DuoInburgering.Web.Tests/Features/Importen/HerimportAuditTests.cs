using DuoInburgering.Web.Tests.Audit;
using System.Text;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Importen;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DuoInburgering.Web.Tests.Features.Importen;

/// <summary>Issue 6: a corrected file uploaded on the imports page records its messages, derivations and signals like any import.</summary>
public sealed class HerimportAuditTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_uploaded_file_records_its_message_derivation_and_signals_with_the_import_run()
    {
        using var factory = new PibWebFactory(database);
        var herimport = factory.Services.GetRequiredService<Herimport>();
        var bsn = PersonenTestdata.Bsn(151);
        var cs = database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        using var inhoud = new MemoryStream(Encoding.UTF8.GetBytes(
            SynthetischePopulatie.IndKop + "\n" + $"H-1,{bsn},,Test Persoon,1990-05-01,SYR,asiel,2021-08-30,2021-12-17,2021-12-22,,2022-01-14,\n"));

        var uitkomst = Assert.IsType<HerimportUitkomst.Geimporteerd>(
            await herimport.ImporteerAsync(FeitBron.Ind, "herstel-ind.csv", inhoud, "duo.beheer", CancellationToken.None));

        var alle = await AuditRijen.NaAsync(cs, laatste);
        var importId = uitkomst.Rapport.ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Who started it (issue 17 item 12): a DUO action about no person, with the import's id, and in import_run.
        var start = Assert.Single(alle, r => r.Soort == "DuoActie");
        Assert.Equal(("duo.beheer", "Duo", "import-starten", importId, (string?)null),
            (start.Actor, start.Rol, start.Activiteit, start["import_id"], start.Betrokkene));
        Assert.Equal("duo.beheer", (await factory.Services.GetRequiredService<ImportenOverzicht>()
            .RunAsync(uitkomst.Rapport.ImportId, CancellationToken.None))!.Door);
        var rijen = alle.Where(r => r.Soort != "DuoActie").ToList();
        Assert.All(rijen, r => Assert.True(r.Over(bsn)));
        Assert.Equal(["FeitOntvangen", "Bepaling"], rijen.Select(r => r.Soort));
        Assert.Equal(("IND", "H-1", uitkomst.Rapport.ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (rijen[0].Actor, rijen[0]["bericht_id"], rijen[0]["import_id"]));
        Assert.Equal(("Wi2013", "Bepaald", (string?)null), (rijen[1]["regime"], rijen[1]["status"], rijen[1].Gemeente));
    }
}
