using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Deadlines;
using Microsoft.Extensions.Configuration;

namespace DuoInburgering.Web.Tests.Features.Deadlines;

public sealed class DeadlinePlanningTests
{
    private static readonly TimeOnly TweeUur = new(2, 0);

    private static DateTimeOffset Volgende(string nuUtc, TimeOnly tijdstip) =>
        DagPlanning.VolgendeRun(DateTimeOffset.Parse(nuUtc, System.Globalization.CultureInfo.InvariantCulture), tijdstip, DagPlanning.Amsterdam);

    [Theory]
    [InlineData("2024-06-10T08:00:00Z", "2024-06-11T00:00:00Z")] // summer: 02:00 is 00:00 UTC
    [InlineData("2024-06-10T23:59:59Z", "2024-06-11T00:00:00Z")] // 01:59:59 local: later the same night
    [InlineData("2024-06-11T00:00:00Z", "2024-06-12T00:00:00Z")] // exactly at 02:00: the next one is tomorrow
    [InlineData("2024-01-10T08:00:00Z", "2024-01-11T01:00:00Z")] // winter: 02:00 is 01:00 UTC
    [InlineData("2025-03-29T12:00:00Z", "2025-03-30T01:00:00Z")] // 02:00 does not exist: the moment the clock jumps
    [InlineData("2025-10-25T12:00:00Z", "2025-10-26T00:00:00Z")] // 02:00 happens twice: the first
    [InlineData("2025-10-26T00:00:00Z", "2025-10-27T01:00:00Z")] // ... and not again an hour later
    public void Next_run_is_the_next_0200_on_the_Amsterdam_clock(string nu, string verwacht) =>
        Assert.Equal(DateTimeOffset.Parse(verwacht, System.Globalization.CultureInfo.InvariantCulture), Volgende(nu, TweeUur));

    [Fact]
    public void Options_default_to_on_at_0200_with_the_standard_settings_and_reject_a_bad_time()
    {
        var standaard = DeadlineOpties.Lees(new ConfigurationBuilder().Build());
        Assert.Equal(new DeadlineOpties(true, TweeUur, Domain.Signalen.DeadlineInstellingen.Standaard), standaard);

        var eigen = DeadlineOpties.Lees(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Deadlines:Tijdstip"] = "6:30", ["Deadlines:AanbodWachttijdDagen"] = "42", ["Deadlines:Ingeschakeld"] = "false",
        }).Build());
        Assert.Equal(new DeadlineOpties(false, new TimeOnly(6, 30), new Domain.Signalen.DeadlineInstellingen(70, 42, 6)), eigen);

        Assert.Throws<PibConfigurationException>(() => DeadlineOpties.Lees(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Deadlines:Tijdstip"] = "25:00" }).Build()));
    }
}
