namespace DuoInburgering.Web.Infrastructure;

/// <summary>
/// "Today" for access, processing and deadline rules, and the zone of every moment shown: the
/// Netherlands, from the injected clock. One place, so no rule counts days in another zone.
/// </summary>
public static class PibVandaag
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Van(TimeProvider klok) => Op(klok.GetUtcNow());

    public static DateOnly Op(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);
}
