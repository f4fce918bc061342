using DuoInburgering.Web.Infrastructure;
namespace DuoInburgering.Web.Components;

/// <summary>Moments shown to DUO staff: Dutch local time, to the minute.</summary>
public static class PauzeTijd
{
    public static string Tekst(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, PibVandaag.Amsterdam).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
