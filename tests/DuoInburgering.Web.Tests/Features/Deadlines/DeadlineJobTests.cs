using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DuoInburgering.Web.Tests.Features.Deadlines;

public sealed class DeadlineJobTests : DeadlineTestdata
{
    private static readonly TimeSpan Zomertijd = TimeSpan.FromHours(2);
    private readonly Logboek _log = new();

    private async Task<(ServiceProvider Services, DeadlineJob Job)> StartAsync(FakeTimeProvider klok, Dictionary<string, string?>? config = null)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_log))
            .AddSingleton(DataSource)
            .AddSingleton<TimeProvider>(klok)
            .AddSingleton(TestAudit.Log(klok))
            .AddPibVerwerking(new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build()).AddPibDeadlines()
            .BuildServiceProvider();
        var job = services.GetServices<IHostedService>().OfType<DeadlineJob>().Single();
        await job.StartAsync(CancellationToken.None);
        return (services, job);
    }

    private static async Task WachtOpAsync(Func<Task<bool>> klaar, string wat)
    {
        var tot = DateTime.UtcNow.AddSeconds(15);
        while (!await klaar())
        {
            Assert.True(DateTime.UtcNow < tot, $"Niet gebeurd binnen 15 s: {wat}");
            await Task.Delay(20);
        }
    }

    private static Task WachtOpAsync(Func<bool> klaar, string wat) => WachtOpAsync(() => Task.FromResult(klaar()), wat);

    [Fact]
    public async Task Runs_at_start_up_then_only_when_the_fake_clock_passes_the_next_0200_Amsterdam()
    {
        var a = Bsn(1);
        var b = Bsn(2);
        await VerwerkAsync(Gezinsmigrant(a, new DateOnly(2024, 3, 1)), "GM0363", Aanmelddag);              // due 10 June
        await VerwerkAsync(Gezinsmigrant(b, new DateOnly(2024, 3, 1)), "GM0599", Aanmelddag.AddDays(1)); // due 11 June
        var klok = Klok(new DateTime(2024, 6, 10, 10, 0, 0));

        var (services, job) = await StartAsync(klok);
        await using (services)
        {
            await WachtOpAsync(() => job.VolgendeRun is not null, "eerste run bij het starten");
            Assert.Equal(new DateTimeOffset(2024, 6, 11, 2, 0, 0, Zomertijd), job.VolgendeRun);
            Assert.Equal(1, job.AantalRuns);
            Assert.Equal(new DeadlineResultaat(1, 1, 0, 0), job.LaatsteResultaat);
            Assert.Equal(["SS126 GM0363 Wi2021 2024-06-10"], await SignalenAsync(a, "SS126"));
            Assert.Empty(await SignalenAsync(b, "SS126"));

            // 01:59 the next night: B would be due on that date, but the run is at 02:00.
            klok.SetUtcNow(new DateTimeOffset(2024, 6, 11, 1, 59, 0, Zomertijd).ToUniversalTime());
            await Task.Delay(300);
            Assert.Equal(1, job.AantalRuns);
            Assert.Empty(await SignalenAsync(b, "SS126"));

            klok.Advance(TimeSpan.FromMinutes(1));
            await WachtOpAsync(async () => (await SignalenAsync(b, "SS126")).Count > 0, "SS126 voor B na 02:00");
            await WachtOpAsync(() => job.VolgendeRun == new DateTimeOffset(2024, 6, 12, 2, 0, 0, Zomertijd), "volgende run gepland");
            Assert.Equal(2, job.AantalRuns);
            Assert.Equal(["SS126 GM0599 Wi2021 2024-06-11"], await SignalenAsync(b, "SS126"));
            Assert.Equal(["SS126 GM0363 Wi2021 2024-06-10"], await SignalenAsync(a, "SS126"));
            await job.StopAsync(CancellationToken.None);
        }

        var regels = _log.Regels.Select(r => r.Tekst).ToList();
        Assert.Equal(2, regels.Count(r => r.Contains("Deadlines verwerkt: 1 personen gecontroleerd, 1 SS126, 0 SS127, 0 SS128", StringComparison.Ordinal)));
        Assert.DoesNotContain(regels, r => r.Contains(a, StringComparison.Ordinal) || r.Contains(b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_run_is_logged_and_the_next_run_still_happens()
    {
        var a = Bsn(3);
        await VerwerkAsync(Gezinsmigrant(a, new DateOnly(2024, 3, 1)), "GM0363", Aanmelddag);
        await SqlAsync("alter table persoon rename to persoon_weg");
        var klok = Klok(new DateTime(2024, 6, 10, 10, 0, 0));

        var (services, job) = await StartAsync(klok, new() { ["Deadlines:Tijdstip"] = "06:30" });
        await using (services)
        {
            await WachtOpAsync(() => job.VolgendeRun is not null, "mislukte eerste run");
            Assert.Equal(new DateTimeOffset(2024, 6, 11, 6, 30, 0, Zomertijd), job.VolgendeRun);
            Assert.Null(job.LaatsteResultaat);
            Assert.Contains(_log.Regels, r => r.Niveau == LogLevel.Error && r.Tekst.StartsWith("Deadline-run mislukt", StringComparison.Ordinal));

            await SqlAsync("alter table persoon_weg rename to persoon");
            klok.SetUtcNow(new DateTimeOffset(2024, 6, 11, 6, 30, 0, Zomertijd).ToUniversalTime());
            await WachtOpAsync(() => job.AantalRuns == 2 && job.LaatsteResultaat is not null, "tweede run");
            Assert.Equal(new DeadlineResultaat(1, 1, 0, 0), job.LaatsteResultaat);
            Assert.Equal(["SS126 GM0363 Wi2021 2024-06-11"], await SignalenAsync(a, "SS126"));
            await job.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Switched_off_it_never_runs()
    {
        var a = Bsn(4);
        await VerwerkAsync(Gezinsmigrant(a, new DateOnly(2024, 3, 1)), "GM0363", Aanmelddag);
        var klok = Klok(new DateTime(2024, 6, 10, 10, 0, 0));

        var (services, job) = await StartAsync(klok, new() { ["Deadlines:Ingeschakeld"] = "false" });
        await using (services)
        {
            klok.Advance(TimeSpan.FromDays(2));
            await Task.Delay(300);
            Assert.Equal(0, job.AantalRuns);
            Assert.Empty(await SignalenAsync(a, "SS126"));
            await job.StopAsync(CancellationToken.None);
        }
    }
}
