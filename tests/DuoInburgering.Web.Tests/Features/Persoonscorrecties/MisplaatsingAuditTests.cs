using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Feiten;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Persoonscorrecties;

/// <summary>
/// Issue 6: a corrected municipality in a bulk import withdraws what the wrong municipality held, and each of
/// those withdrawals is an audit entry naming that municipality; a real move withdraws nothing.
/// </summary>
public sealed class MisplaatsingAuditTests : PersonenTestdata
{
    [Fact]
    public async Task A_corrected_BRP_registration_records_the_withdrawal_from_the_old_municipality_and_the_announcement_to_the_new()
    {
        string gecorrigeerd = Bsn(2), verhuisd = Bsn(3);
        foreach (var bsn in new[] { gecorrigeerd, verhuisd })
        {
            await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2025, 10, 1)), Rotterdam, new DateOnly(2025, 10, 20), vestiging: new DateOnly(2025, 10, 5));
        }
        var cs = Database.ConnectionString;
        var ss139 = await FeitenDb.ScalarAsync<long>(cs, "select id from signaal where bsn = @b", ("b", gecorrigeerd));
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        using var bestanden = new FeitenBestanden();
        var pad = bestanden.Schrijf("brp-correctie.csv", FeitSchema.Brp.Kop,
            $"R-2,{gecorrigeerd},{Amsterdam},false,2025-10-05,,",   // same date of settlement: a correction
            $"R-3,{verhuisd},{Amsterdam},false,2026-01-03,,");      // a new date: a move

        var rapport = await FeitenImport.ImportAsync(DataSource, FeitBron.Brp, pad, Klok, TestAudit.Log(Klok), CancellationToken.None);

        Assert.Equal(2, rapport.Verwerkt);
        var correctie = await AuditRijen.VanAsync(cs, gecorrigeerd, laatste);
        Assert.Equal(["FeitOntvangen", "Bepaling", "SignaalVerzonden", "SignaalIngetrokken"], correctie.Select(r => r.Soort));
        Assert.Equal(("BRP", "R-2"), (correctie[0].Actor, correctie[0]["bericht_id"]));
        Assert.Equal(Amsterdam, correctie[1].Gemeente);
        Assert.Equal(("SS139", Amsterdam), (correctie[2]["code"], correctie[2].Gemeente));
        var ingetrokken = correctie[3];
        Assert.Equal(("signaal-intrekken", "systeem", Rotterdam, "SS139", "Wi2021", ss139.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ingetrokken.Activiteit, ingetrokken.Actor, ingetrokken.Gemeente, ingetrokken["code"], ingetrokken["regime"], ingetrokken["signaal_id"]));

        var verhuizing = await AuditRijen.VanAsync(cs, verhuisd, laatste);
        Assert.DoesNotContain(verhuizing, r => r.Soort == "SignaalIngetrokken");
        Assert.Equal([("SS122", Rotterdam), ("SS120", Amsterdam)],
            verhuizing.Where(r => r.Soort == "SignaalVerzonden").Select(r => (r["code"]!, r.Gemeente!)));
    }
}
