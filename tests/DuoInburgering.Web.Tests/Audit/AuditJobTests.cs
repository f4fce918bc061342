using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Tests.Features.Deadlines;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>The daily purge and check, on a fake clock: nothing at start-up, everything at 03:00 Amsterdam.</summary>
public sealed class AuditJobTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly Logboek _log = new();
    private NpgsqlDataSource _db = null!;

    public Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static async Task WachtOpAsync(Func<bool> klaar, string wat)
    {
        var tot = DateTime.UtcNow.AddSeconds(15);
        while (!klaar())
        {
            Assert.True(DateTime.UtcNow < tot, $"Niet gebeurd binnen 15 s: {wat}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task At_0300_Amsterdam_the_job_purges_expired_rows_then_records_an_intact_check()
    {
        var bsns = Enumerable.Range(0, 4).Select(Bsn).ToList();
        await SchrijfAsync(_db, TestAudit.Log(), Verstrekking(tijdstip: new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero)).VoorBetrokkenen(bsns));
        await SchrijfAsync(_db, TestAudit.Log(), [DuoActie(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero))]);
        var klok = new FakeTimeProvider(new DateTimeOffset(2024, 6, 10, 10, 0, 0, TimeSpan.Zero));
        var opties = AuditOpties.Demo with { BewaartermijnDagen = new Dictionary<AuditSoort, int> { [AuditSoort.Verstrekking] = 365 } };
        await using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_log))
            .AddSingleton(_db)
            .AddSingleton<TimeProvider>(klok)
            .AddPibAudit(opties)
            .BuildServiceProvider();
        var job = services.GetServices<IHostedService>().OfType<AuditJob>().Single();
        await job.StartAsync(CancellationToken.None);

        await WachtOpAsync(() => job.VolgendeRun is not null, "eerste run gepland");
        Assert.Equal(new DateTimeOffset(2024, 6, 11, 3, 0, 0, TimeSpan.FromHours(2)), job.VolgendeRun);
        Assert.Equal(0, job.AantalRuns);
        Assert.Null(await services.GetRequiredService<AuditKeten>().LaatsteControleAsync());

        klok.SetUtcNow(new DateTimeOffset(2024, 6, 11, 3, 0, 0, TimeSpan.FromHours(2)));
        await WachtOpAsync(() => job.AantalRuns == 1, "run om 03:00");
        await job.StopAsync(CancellationToken.None);

        var controle = await services.GetRequiredService<AuditKeten>().LaatsteControleAsync();
        Assert.True(controle is not null, string.Join("\n", _log.Regels.Select(r => r.Tekst)));
        Assert.Equal((true, 1L, AuditJob.Door), (controle!.Intact, controle.Aantal, controle.Door));
        Assert.Equal(4, (await services.GetRequiredService<AuditKeten>().LaatsteAnkerAsync())!.TotEnMet);
        var regels = _log.Regels.Select(r => r.Tekst).ToList();
        Assert.Contains("Auditlog opgeschoond: 4 regels tot en met regel 4.", regels);
        Assert.Contains("Auditketen intact; gecontroleerde regels: 1.", regels);
        Assert.DoesNotContain(regels, r => bsns.Any(b => r.Contains(b, StringComparison.Ordinal)));
    }
}
