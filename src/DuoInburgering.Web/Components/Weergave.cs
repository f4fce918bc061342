using System.Globalization;
using DuoInburgering.Web.Infrastructure;

namespace DuoInburgering.Web.Components;

/// <summary>
/// Dates and moments as people read them, in the UI, messages and pages: one date format for tables and short
/// fields, one for prose, one for moments (Dutch local time, to the minute). Not for machines: downloads, URLs,
/// audit payloads, JSON and file names keep ISO 8601.
/// </summary>
public static class Weergave
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>For tables and short fields: 07-12-2026.</summary>
    public static string Datum(DateOnly datum) => datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Datum(DateOnly)"/>; a dash when there is no date.</summary>
    public static string Datum(DateOnly? datum) => datum is { } d ? Datum(d) : Geen;

    /// <summary>For prose: 7 december 2026.</summary>
    public static string DatumVoluit(DateOnly datum) => datum.ToString("d MMMM yyyy", Nl);

    /// <summary>As <see cref="DatumVoluit(DateOnly)"/>; a dash when there is no date.</summary>
    public static string DatumVoluit(DateOnly? datum) => datum is { } d ? DatumVoluit(d) : Geen;

    /// <summary>A moment in Dutch local time (Europe/Amsterdam), to the minute: 07-12-2026 14:05.</summary>
    public static string Moment(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, PibVandaag.Amsterdam).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Moment(DateTimeOffset)"/>; a dash when there is no moment.</summary>
    public static string Moment(DateTimeOffset? moment) => moment is { } m ? Moment(m) : Geen;

    private const string Geen = "–";
}
