using DuoInburgering.Web.Infrastructure;
namespace DuoInburgering.Web.Infrastructure;

/// <summary>When the daily deadline run is next due: a local wall-clock time in Europe/Amsterdam.</summary>
public static class DagPlanning
{
    public static readonly TimeZoneInfo Amsterdam = PibVandaag.Amsterdam;

    /// <summary>
    /// The first moment strictly after <paramref name="nu"/> at which the local clock shows
    /// <paramref name="tijdstip"/>. On the spring-forward night a time in the gap is read with the winter
    /// offset (02:00 is the moment the clock jumps to 03:00); on the fall-back night an ambiguous time
    /// means its first occurrence, so the run happens once.
    /// </summary>
    public static DateTimeOffset VolgendeRun(DateTimeOffset nu, TimeOnly tijdstip, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var lokaleDag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nu, zone).DateTime);
        for (var dag = lokaleDag; ; dag = dag.AddDays(1))
        {
            var moment = NaarUtc(dag.ToDateTime(tijdstip), zone);
            if (moment > nu)
            {
                return moment;
            }
        }
    }

    private static DateTimeOffset NaarUtc(DateTime lokaal, TimeZoneInfo zone)
    {
        var offset = zone.IsAmbiguousTime(lokaal)
            ? zone.GetAmbiguousTimeOffsets(lokaal).Max()
            : zone.IsInvalidTime(lokaal)
                ? zone.GetUtcOffset(lokaal.AddHours(-3)) // the offset in force just before the gap
                : zone.GetUtcOffset(lokaal);
        return new DateTimeOffset(lokaal, offset).ToUniversalTime();
    }
}
