using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Deadlines;

public sealed class DeadlineVerwerkingTests : DeadlineTestdata
{
    private Task<DeadlineResultaat> RunAsync(DateTime lokaal) =>
        DeadlineVerwerking.RunAsync(DataSource, Klok(lokaal), DeadlineInstellingen.Standaard, TestAudit.Log(), CancellationToken.None);

    [Fact]
    public async Task SS126_seventy_days_after_SS139_without_PIP_once_in_its_municipality_and_regime()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2024, 3, 1)), "GM0363", Aanmelddag);
        Assert.Equal(["SS139 GM0363 Wi2021 2024-04-01"], await SignalenAsync(bsn));

        // 69 days: 23:59 on 9 June in Amsterdam is still too early, although it is 10 June nowhere yet in UTC either.
        var teVroeg = await RunAsync(new DateTime(2024, 6, 9, 23, 59, 0));
        Assert.Equal(0, teVroeg.Signalen);

        // Midnight in Amsterdam (22:00 UTC on 9 June) is day 70.
        var eerste = await RunAsync(new DateTime(2024, 6, 10, 0, 0, 0));
        Assert.Equal(new DeadlineResultaat(1, 1, 0, 0), eerste);
        Assert.Equal(["SS126 GM0363 Wi2021 2024-06-10"], await SignalenAsync(bsn, "SS126"));
        Assert.Equal((true, false, false), await VlaggenAsync(bsn));

        // Same day again, and a week later: the flag holds, nothing new and the person is no candidate.
        Assert.Equal(new DeadlineResultaat(0, 0, 0, 0), await RunAsync(new DateTime(2024, 6, 10, 14, 0, 0)));
        Assert.Equal(new DeadlineResultaat(0, 0, 0, 0), await RunAsync(new DateTime(2024, 6, 17, 2, 0, 0)));
        Assert.Single(await SignalenAsync(bsn, "SS126"));
    }

    [Fact]
    public async Task SS127_for_a_Wi2021_asylum_status_holder_with_PIP_and_no_aanbod_after_four_weeks_not_with_aanbod()
    {
        var zonderAanbod = Bsn(2);
        var metAanbod = Bsn(3);
        var gezinsmigrant = Bsn(4);
        await VerwerkAsync(Asielstatushouder(zonderAanbod, new DateOnly(2024, 3, 1)), "GM0599", Aanmelddag);
        await VerwerkAsync(Asielstatushouder(metAanbod, new DateOnly(2024, 3, 1)), "GM0599", Aanmelddag);
        await VerwerkAsync(Gezinsmigrant(gezinsmigrant, new DateOnly(2024, 3, 1)), "GM0599", Aanmelddag);
        await RegistreerPipAsync(zonderAanbod, "GM0599", new DateOnly(2024, 4, 20));
        await RegistreerPipAsync(metAanbod, "GM0599", new DateOnly(2024, 4, 20), aanbod: new DateOnly(2024, 5, 1));
        await RegistreerPipAsync(gezinsmigrant, "GM0599", new DateOnly(2024, 4, 20));

        Assert.Equal(0, (await RunAsync(new DateTime(2024, 5, 17, 12, 0, 0))).Signalen);
        var r = await RunAsync(new DateTime(2024, 5, 18, 12, 0, 0));

        Assert.Equal(new DeadlineResultaat(1, 0, 1, 0), r);
        Assert.Equal(["SS127 GM0599 Wi2021 2024-05-18"], await SignalenAsync(zonderAanbod, "SS126", "SS127", "SS128"));
        Assert.Equal((false, true, false), await VlaggenAsync(zonderAanbod));
        Assert.Empty(await SignalenAsync(metAanbod, "SS126", "SS127", "SS128"));
        Assert.Empty(await SignalenAsync(gezinsmigrant, "SS126", "SS127", "SS128"));

        // Long after: the PIP keeps SS126 away, the flag keeps SS127 single.
        Assert.Equal(0, (await RunAsync(new DateTime(2024, 9, 1, 2, 0, 0))).Signalen);
    }

    [Fact]
    public async Task SS128_six_months_before_the_AOW_date_in_the_Wi2013_environment()
    {
        // Born 1958-01-15: AOW age 67 is reached on 2025-01-15; the window opens on 2024-07-15.
        var bsn = Bsn(5);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2020, 6, 1), geboren: new DateOnly(1958, 1, 15)), "GM0518", Aanmelddag);
        Assert.Equal(["SS101 GM0518 Wi2013 2024-04-01"], await SignalenAsync(bsn));

        Assert.Equal(0, (await RunAsync(new DateTime(2024, 7, 14, 12, 0, 0))).Signalen);
        Assert.Equal(new DeadlineResultaat(1, 0, 0, 1), await RunAsync(new DateTime(2024, 7, 15, 12, 0, 0)));
        Assert.Equal(new DeadlineResultaat(0, 0, 0, 0), await RunAsync(new DateTime(2024, 7, 16, 12, 0, 0)));

        Assert.Equal(["SS101 GM0518 Wi2013 2024-04-01", "SS128 GM0518 Wi2013 2024-07-15"], await SignalenAsync(bsn));
        Assert.Equal((false, false, true), await VlaggenAsync(bsn));
    }

    [Fact]
    public async Task Nobody_paused_uitgesteld_parked_or_without_municipality_gets_a_deadline_signal()
    {
        var gepauzeerd = Bsn(10);
        var uitgesteld = Bsn(11);
        var geparkeerd = Bsn(12);
        var zonderGemeente = Bsn(13);
        var gewoon = Bsn(14);
        foreach (var bsn in new[] { uitgesteld, geparkeerd, zonderGemeente, gewoon })
        {
            await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2024, 3, 1)), "GM0344", Aanmelddag);
        }
        await VerwerkAsync(Asielstatushouder(gepauzeerd, new DateOnly(2024, 3, 1)), "GM0344", Aanmelddag);
        foreach (var bsn in new[] { gepauzeerd, uitgesteld, geparkeerd, zonderGemeente, gewoon })
        {
            Assert.Equal(["SS139 GM0344 Wi2021 2024-04-01"], await SignalenAsync(bsn));
        }

        // Uitgesteld: processed again while its group was paused; the pause is lifted, the person waits.
        await VerwerkAsync(await LaadAsync(uitgesteld), "GM0344", Aanmelddag.AddDays(1), new Domain.Verwerking.PauzeSleutel(Regime.Wi2021, Doelgroep.Gezinsmigrant));
        Assert.Equal(Domain.Verwerking.Verwerkingsstatus.Uitgesteld, (await LaadAsync(uitgesteld)).Status);
        // Without municipality: the BRP registration is gone (SS122 to the old one), the term stays.
        await VerwerkAsync(await LaadAsync(zonderGemeente), null, Aanmelddag.AddDays(1));
        Assert.Null((await LaadAsync(zonderGemeente)).PubGemeenteCode);
        await SqlAsync("update persoon set geparkeerd = true where bsn = $1", geparkeerd);
        await PauzeerAsync(Regime.Wi2021, Doelgroep.Asielstatushouder);

        var r = await RunAsync(new DateTime(2024, 6, 20, 12, 0, 0));

        Assert.Equal(new DeadlineResultaat(1, 1, 0, 0), r);
        Assert.Equal(["SS126 GM0344 Wi2021 2024-06-20"], await SignalenAsync(gewoon, "SS126"));
        foreach (var bsn in new[] { gepauzeerd, uitgesteld, geparkeerd, zonderGemeente })
        {
            Assert.Empty(await SignalenAsync(bsn, "SS126", "SS127", "SS128"));
            Assert.Equal((false, false, false), await VlaggenAsync(bsn));
        }

        // Resuming the asylum group lets its deadline through on the next run.
        await SqlAsync("delete from pauze");
        Assert.Equal(new DeadlineResultaat(1, 1, 0, 0), await RunAsync(new DateTime(2024, 6, 21, 2, 0, 0)));
        Assert.Equal(["SS126 GM0344 Wi2021 2024-06-21"], await SignalenAsync(gepauzeerd, "SS126"));
    }

    [Fact]
    public async Task Chunks_cover_everybody_once_and_write_each_flag_with_its_signal()
    {
        var bsns = Enumerable.Range(20, 7).Select(Bsn).ToList();
        foreach (var bsn in bsns)
        {
            await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2024, 3, 1)), "GM0363", Aanmelddag);
        }
        var klok = Klok(new DateTime(2024, 6, 10, 3, 0, 0));

        var r = await DeadlineVerwerking.RunAsync(DataSource, klok, DeadlineInstellingen.Standaard, TestAudit.Log(klok), chunkGrootte: 3, CancellationToken.None);
        var opnieuw = await DeadlineVerwerking.RunAsync(DataSource, klok, DeadlineInstellingen.Standaard, TestAudit.Log(klok), chunkGrootte: 3, CancellationToken.None);

        Assert.Equal(new DeadlineResultaat(7, 7, 0, 0), r);
        Assert.Equal(new DeadlineResultaat(0, 0, 0, 0), opnieuw);
        foreach (var bsn in bsns)
        {
            Assert.Equal(["SS126 GM0363 Wi2021 2024-06-10"], await SignalenAsync(bsn, "SS126"));
            Assert.Equal((true, false, false), await VlaggenAsync(bsn));
        }
    }
}
