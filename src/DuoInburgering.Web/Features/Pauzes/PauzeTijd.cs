namespace DuoInburgering.Web.Features.Pauzes;

/// <summary>Moments shown to DUO staff: Dutch local time, to the minute.</summary>
public static class PauzeTijd
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static string Tekst(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Amsterdam).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
