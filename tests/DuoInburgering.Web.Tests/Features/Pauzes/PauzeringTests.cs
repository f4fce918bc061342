using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static DuoInburgering.Web.Tests.Features.Pauzes.PauzeTestdata;

namespace DuoInburgering.Web.Tests.Features.Pauzes;

/// <summary>
/// One database for the class: every test works in its own regime and doelgroep and its own BSNs,
/// so the tests do not see each other's pauses and persons.
/// </summary>
public sealed class PauzeringTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly CancellationToken Geen = CancellationToken.None;
    private NpgsqlDataSource _dataSource = null!;

    public Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private Pauzering Pauzering(int chunkgrootte = 20_000) => new(_dataSource, Klok, TestAudit.Log(Klok)) { Chunkgrootte = chunkgrootte };

    [Fact]
    public async Task A_paused_group_waits_as_uitgesteld_and_resume_determines_it_with_its_signals()
    {
        var pauzering = Pauzering();
        await pauzering.PauzeerAsync(Regime.Wi2013, Doelgroep.Asielstatushouder, "beheerder.a", "Wi2021-plaatsing onderzoeken", Geen);

        // Lives at an AZC in GM1706; COA linked them to GM0363, so that is where the signals belong.
        var coa = new CoaFeit { Bsn = "200000007", Locatie = "AZC Budel", GekoppeldeGemeente = "GM0363", BerichtId = "P-C1" };
        var brp = new BrpFeit { Bsn = "200000007", Gemeente = "GM1706", AdresIsCoaLocatie = true, BerichtId = "P-B1" };
        var anderBrp = new BrpFeit { Bsn = "200000019", Gemeente = "GM0344", BerichtId = "P-B2" };
        await using (var feiten = database.CreateContext())
        {
            feiten.AddRange(coa, brp, anderBrp);
            await feiten.SaveChangesAsync();
        }
        var eerste = await VerwerkAsync(database.ConnectionString,
            new PersoonRegel(Asielstatushouder("200000007", new DateOnly(2021, 12, 28)), coa, brp),
            new PersoonRegel(Gezinsmigrant("200000019"), null, anderBrp));

        Assert.Equal(1, eerste.Uitgesteld);
        await using (var db = database.CreateContext())
        {
            var wachtend = await db.Personen.SingleAsync(p => p.Bsn == "200000007");
            Assert.Equal((Domain.Verwerking.Verwerkingsstatus.Uitgesteld, Domain.Regimes.RegimeUitkomst.Wi2013, (Domain.Regimes.Doelgroep?)Domain.Regimes.Doelgroep.Asielstatushouder), (wachtend.Status, wachtend.Uitkomst, wachtend.Doelgroep));
            Assert.Null(wachtend.PubUitkomst);
            Assert.Equal(0, await db.Signalen.CountAsync(s => s.Bsn == "200000007"));

            // Another group is determined as usual.
            var ander = await db.Personen.SingleAsync(p => p.Bsn == "200000019");
            Assert.Equal((Domain.Verwerking.Verwerkingsstatus.Bepaald, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2021), (ander.Status, ander.PubUitkomst));
            Assert.NotEmpty(await db.Signalen.Where(s => s.Bsn == "200000019" && s.GemeenteCode == "GM0344").ToListAsync());
        }
        var overzicht = Assert.Single(await pauzering.OverzichtAsync(Geen), Groep(Regime.Wi2013, Doelgroep.Asielstatushouder));
        Assert.Equal((1, "beheerder.a", "Wi2021-plaatsing onderzoeken", Nu), (overzicht.Wachtend, overzicht.Door, overzicht.Reden, overzicht.Sinds));
        var signalenAnder = await TelSignalenAsync("200000019");

        var hervat = await pauzering.HervatAsync(Regime.Wi2013, Doelgroep.Asielstatushouder, "beheerder.b", "Onderzoek afgerond", Geen);

        Assert.Equal(new HervatResultaat(1, hervat.Signalen, 0), hervat);
        await using (var db = database.CreateContext())
        {
            var bepaald = await db.Personen.SingleAsync(p => p.Bsn == "200000007");
            Assert.Equal((Domain.Verwerking.Verwerkingsstatus.Bepaald, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2013, (Domain.Regimes.Doelgroep?)Domain.Regimes.Doelgroep.Asielstatushouder, "GM0363"),
                (bepaald.Status, bepaald.PubUitkomst, bepaald.PubDoelgroep, bepaald.PubGemeenteCode));
            Assert.True(bepaald.PubVerblijftInCoa);
            var signalen = await db.Signalen.Where(s => s.Bsn == "200000007").ToListAsync();
            Assert.Equal(hervat.Signalen, signalen.Count);
            Assert.Contains(signalen, s => s.Code == Domain.Signalen.SignaalCode.SS101);
            Assert.All(signalen, s => Assert.Equal(("GM0363", Domain.Regimes.Regime.Wi2013, Nu), (s.GemeenteCode, s.Regime, s.AangemaaktOp)));
        }
        Assert.Equal(signalenAnder, await TelSignalenAsync("200000019"));
        Assert.DoesNotContain(await pauzering.OverzichtAsync(Geen), Groep(Regime.Wi2013, Doelgroep.Asielstatushouder));
        var historie = (await pauzering.HistorieAsync(Geen)).Where(h => h.Regime == Regime.Wi2013 && h.Doelgroep == Doelgroep.Asielstatushouder);
        Assert.Equal(
            [
                new PauzeHistorieRegel(Regime.Wi2013, Doelgroep.Asielstatushouder, "pauze", Nu, "beheerder.a", "Wi2021-plaatsing onderzoeken", 0),
                new PauzeHistorieRegel(Regime.Wi2013, Doelgroep.Asielstatushouder, "hervat", Nu, "beheerder.b", "Onderzoek afgerond", 1),
            ],
            historie);
    }

    [Fact]
    public async Task Pausing_twice_is_refused_in_Dutch_and_writes_nothing()
    {
        var pauzering = Pauzering();
        await pauzering.PauzeerAsync(Regime.Wi2007, Doelgroep.Gezinsmigrant, "beheerder.a", "Eerste pauze", Geen);

        var fout = await Assert.ThrowsAsync<PauzeException>(() =>
            pauzering.PauzeerAsync(Regime.Wi2007, Doelgroep.Gezinsmigrant, "beheerder.b", "Tweede pauze", Geen));

        Assert.Contains("Wi2007/Gezinsmigrant is al gepauzeerd", fout.Message);
        Assert.Contains("beheerder.a", fout.Message);
        var pauze = Assert.Single(await pauzering.OverzichtAsync(Geen), Groep(Regime.Wi2007, Doelgroep.Gezinsmigrant));
        Assert.Equal(("beheerder.a", "Eerste pauze"), (pauze.Door, pauze.Reden));
        Assert.Single(await HistorieAsync(pauzering, Regime.Wi2007, Doelgroep.Gezinsmigrant));
    }

    [Fact]
    public async Task Resuming_a_group_that_is_not_paused_is_refused_in_Dutch_and_writes_nothing()
    {
        var pauzering = Pauzering();

        var fout = await Assert.ThrowsAsync<PauzeException>(() =>
            pauzering.HervatAsync(Regime.Wi2007, Doelgroep.OverigeMigrant, "beheerder.a", "Hervatten", Geen));

        Assert.Equal("Wi2007/OverigeMigrant is niet gepauzeerd; er is niets te hervatten.", fout.Message);
        Assert.Empty(await HistorieAsync(pauzering, Regime.Wi2007, Doelgroep.OverigeMigrant));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_pause_without_a_reason_is_refused_in_Dutch_and_writes_nothing(string reden)
    {
        var pauzering = Pauzering();

        var fout = await Assert.ThrowsAsync<PauzeException>(() =>
            pauzering.PauzeerAsync(Regime.Wi2021, Doelgroep.OverigeMigrant, "beheerder.a", reden, Geen));

        Assert.StartsWith("Geef een reden op", fout.Message);
        Assert.DoesNotContain(await pauzering.OverzichtAsync(Geen), Groep(Regime.Wi2021, Doelgroep.OverigeMigrant));
        Assert.Empty(await HistorieAsync(pauzering, Regime.Wi2021, Doelgroep.OverigeMigrant));
    }

    [Fact]
    public async Task Resume_works_off_a_backlog_larger_than_one_chunk()
    {
        var pauzering = Pauzering(chunkgrootte: 2);
        await pauzering.PauzeerAsync(Regime.Wi2007, Doelgroep.Asielstatushouder, "beheerder.a", "Achterstand opbouwen", Geen);
        string[] bsns = ["200000020", "200000032", "200000044", "200000056", "200000068"];
        var brps = bsns.Select(b => new BrpFeit { Bsn = b, Gemeente = "GM0518", BerichtId = "K-" + b }).ToList();
        await using (var feiten = database.CreateContext())
        {
            feiten.AddRange(brps);
            await feiten.SaveChangesAsync();
        }
        await VerwerkAsync(database.ConnectionString,
            [.. brps.Select(b => new PersoonRegel(Asielstatushouder(b.Bsn, new DateOnly(2010, 6, 1)), null, b))]);

        var hervat = await pauzering.HervatAsync(Regime.Wi2007, Doelgroep.Asielstatushouder, "beheerder.a", "Klaar", Geen);

        Assert.Equal(5, hervat.Verwerkt);
        await using var db = database.CreateContext();
        Assert.All(await db.Personen.Where(p => bsns.Contains(p.Bsn)).ToListAsync(), p => Assert.Equal((Domain.Verwerking.Verwerkingsstatus.Bepaald, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2007), (p.Status, p.PubUitkomst)));
        Assert.Equal(5, (await HistorieAsync(pauzering, Regime.Wi2007, Doelgroep.Asielstatushouder))[^1].AantalVerwerkt);
    }

    [Fact]
    public async Task A_resume_that_fails_halfway_changes_nothing()
    {
        var pauzering = Pauzering(chunkgrootte: 1);
        await pauzering.PauzeerAsync(Regime.Wi2021, Doelgroep.Asielstatushouder, "beheerder.a", "Pauze", Geen);
        var brp = new BrpFeit { Bsn = "200000081", Gemeente = "GM0599", BerichtId = "F-B1" };
        await using (var feiten = database.CreateContext())
        {
            feiten.Add(brp);
            await feiten.SaveChangesAsync();
        }
        await VerwerkAsync(database.ConnectionString, new PersoonRegel(Asielstatushouder("200000081", new DateOnly(2022, 2, 1)), null, brp));
        // A stored row the rules cannot read: the second chunk fails after the first was written.
        await using (var db = database.CreateContext())
        {
            var kapot = Asielstatushouder("200000093", new DateOnly(2022, 2, 1));
            (kapot.Verblijfsdoel, kapot.Status, kapot.Uitkomst, kapot.Doelgroep) = ("onleesbaar", Domain.Verwerking.Verwerkingsstatus.Uitgesteld, Domain.Regimes.RegimeUitkomst.Wi2021, Domain.Regimes.Doelgroep.Asielstatushouder);
            db.Personen.Add(kapot);
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<FormatException>(() =>
            pauzering.HervatAsync(Regime.Wi2021, Doelgroep.Asielstatushouder, "beheerder.a", "Hervatten", Geen));

        var pauze = Assert.Single(await pauzering.OverzichtAsync(Geen), Groep(Regime.Wi2021, Doelgroep.Asielstatushouder));
        Assert.Equal(2, pauze.Wachtend);
        Assert.Equal(0, await TelSignalenAsync("200000081"));
        Assert.Single(await HistorieAsync(pauzering, Regime.Wi2021, Doelgroep.Asielstatushouder));
    }

    [Fact]
    public async Task A_pause_waits_until_running_processing_has_committed()
    {
        var pauzering = Pauzering();
        await using var verwerking = new NpgsqlConnection(database.ConnectionString);
        await verwerking.OpenAsync();
        await using var tx = await verwerking.BeginTransactionAsync();
        var context = await Verwerkingscontext.LaadAsync(verwerking, Klok, Geen); // holds the SHARE lock

        var pauzeer = pauzering.PauzeerAsync(Regime.Wi2013, Doelgroep.Gezinsmigrant, "beheerder.a", "Tijdens verwerking", Geen);

        await WachtOpGeblokkeerdeVergrendelingAsync(pauzeer);
        Assert.False(pauzeer.IsCompleted);
        Assert.DoesNotContain(await pauzering.OverzichtAsync(Geen), Groep(Regime.Wi2013, Doelgroep.Gezinsmigrant));
        Assert.False(context.IsGepauzeerd(new(Regime.Wi2013, Doelgroep.Gezinsmigrant)));

        await tx.CommitAsync();
        await pauzeer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(await pauzering.OverzichtAsync(Geen), Groep(Regime.Wi2013, Doelgroep.Gezinsmigrant));
    }

    /// <summary>Until PostgreSQL shows a lock on pauze that is requested and not granted (no sleeping and hoping).</summary>
    private async Task WachtOpGeblokkeerdeVergrendelingAsync(Task pauzeer)
    {
        const string sql = """
            select count(*) from pg_locks l join pg_class c on c.oid = l.relation
            where c.relname = 'pauze' and l.database = (select oid from pg_database where datname = current_database())
              and not l.granted and l.mode = 'ShareRowExclusiveLock'
            """;
        await using var cmd = _dataSource.CreateCommand(sql);
        var tot = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await cmd.ExecuteScalarAsync())! == 0)
        {
            Assert.False(pauzeer.IsCompleted, "PauzeerAsync wachtte niet op de vergrendeling van de verwerking.");
            Assert.True(DateTime.UtcNow < tot, "PauzeerAsync vroeg de vergrendeling niet binnen 30 seconden aan.");
            await Task.Delay(20);
        }
    }

    private async Task<int> TelSignalenAsync(string bsn)
    {
        await using var db = database.CreateContext();
        return await db.Signalen.CountAsync(s => s.Bsn == bsn);
    }

    private static async Task<List<PauzeHistorieRegel>> HistorieAsync(Pauzering pauzering, Regime regime, Doelgroep doelgroep) =>
        [.. (await pauzering.HistorieAsync(Geen)).Where(h => h.Regime == regime && h.Doelgroep == doelgroep)];

    private static Predicate<PauzeOverzichtRegel> Groep(Regime regime, Doelgroep doelgroep) =>
        p => p.Regime == regime && p.Doelgroep == doelgroep;
}
