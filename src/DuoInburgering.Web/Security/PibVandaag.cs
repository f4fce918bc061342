namespace DuoInburgering.Web.Security;

/// <summary>"Today" for access and deadline rules: the date in the Netherlands, from the injected clock.</summary>
public static class PibVandaag
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Van(TimeProvider klok) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(klok.GetUtcNow(), Amsterdam).DateTime);
}
