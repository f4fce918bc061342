using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Feiten;
using DuoInburgering.Web.Tests.Infrastructure;
using static DuoInburgering.Web.Tests.Features.Pauzes.PauzeTestdata;

namespace DuoInburgering.Web.Tests.Features.Pauzes;

/// <summary>
/// Issue 6: a person who waits in a paused group has a derivation entry saying so; the resume that works off the
/// backlog records each derivation and signal it made, then the resume itself, in its one transaction.
/// </summary>
public sealed class PauzeAuditTests
{
    private static readonly CancellationToken Geen = CancellationToken.None;

    [Fact]
    public async Task Waiting_is_a_recorded_derivation_and_the_resume_records_the_backlogs_derivations_signals_and_itself()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = new FeitenBestanden();
        const string bsn = "200000007";
        var pauzering = new Pauzering(db.DataSource, Klok, TestAudit.Log(Klok));
        await pauzering.PauzeerAsync(Regime.Wi2013, Doelgroep.Asielstatushouder, "duo.beheer", "Plaatsing onderzoeken", Geen);
        await FeitenImport.ImportAsync(db.DataSource, FeitBron.Brp,
            bestanden.Schrijf("brp.csv", SynthetischePopulatie.BrpKop, $"PA-B1,{bsn},GM0599,false,2022-01-03,,"), Klok, TestAudit.Log(Klok), Geen);
        var cs = db.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        await FeitenImport.ImportAsync(db.DataSource, FeitBron.Ind, bestanden.Schrijf("ind.csv", SynthetischePopulatie.IndKop,
            $"PA-I1,{bsn},,Demo Persoon,1990-05-01,SYR,asiel,2021-08-30,2021-12-10,2021-12-22,,2022-01-14,"), Klok, TestAudit.Log(Klok), Geen);

        var wachten = await AuditRijen.NaAsync(cs, laatste);
        // Who started the import (issue 17 item 12), then the message and the derivation that waits.
        Assert.Equal(["DuoActie", "FeitOntvangen", "Bepaling"], wachten.Select(r => r.Soort));
        Assert.Equal("import-starten", wachten[0].Activiteit);
        Assert.Equal(("Wi2013", "Uitgesteld", "Asielstatushouder", "GM0599"),
            (wachten[2]["regime"], wachten[2]["status"], wachten[2]["doelgroep"], wachten[2].Gemeente));

        laatste = await AuditRijen.LaatsteIdAsync(cs);
        await pauzering.HervatAsync(Regime.Wi2013, Doelgroep.Asielstatushouder, "duo.controle", "Onderzoek afgerond", Geen);

        var hervat = await AuditRijen.NaAsync(cs, laatste);
        Assert.Equal("Bepaling", hervat[0].Soort);
        Assert.Equal(("Wi2013", "Bepaald", "GM0599"), (hervat[0]["regime"], hervat[0]["status"], hervat[0].Gemeente));
        var signalen = hervat.Where(r => r.Soort == "SignaalVerzonden").ToList();
        Assert.Contains(signalen, r => r["code"] == "SS101" && r.Gemeente == "GM0599" && r["regime"] == "Wi2013");
        Assert.All(hervat.SkipLast(1), r => Assert.True(r.Over(bsn)));
        var actie = hervat[^1];
        Assert.Equal(("DuoActie", "bepaling-hervatten", "duo.controle", null, "hervat", "1"),
            (actie.Soort, actie.Activiteit, actie.Actor, actie.Betrokkene, actie["actie"], actie["verwerkt"]));
        Assert.Equal(1 + signalen.Count + 1, hervat.Count);
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }
}
