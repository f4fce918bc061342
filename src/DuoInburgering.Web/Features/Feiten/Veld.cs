using System.Globalization;

namespace DuoInburgering.Web.Features.Feiten;

/// <summary>Reading the text fields of a message: ISO dates, yes/no, empty = unknown.</summary>
public static class Veld
{
    public static bool IsLeeg(string? tekst) => string.IsNullOrWhiteSpace(tekst);

    /// <summary>yyyy-MM-dd, or empty; impossible dates such as 2021-02-30 are not dates.</summary>
    public static bool IsDatumOfLeeg(string? tekst) => IsLeeg(tekst) || ProbeerDatum(tekst!, out _);

    public static DateOnly? Datum(string? tekst) =>
        IsLeeg(tekst) ? null
        : ProbeerDatum(tekst!, out var d) ? d
        : throw new FormatException($"Ongeldige datum '{tekst}' (verwacht jjjj-mm-dd).");

    private static bool ProbeerDatum(string tekst, out DateOnly datum) =>
        DateOnly.TryParseExact(tekst.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out datum);

    /// <summary>true/false, ja/nee, 1/0; empty counts as no.</summary>
    public static bool IsVlagOfLeeg(string? tekst) => IsLeeg(tekst) || Vlag(tekst) is not null;

    public static bool? Vlag(string? tekst) => tekst?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "nee" or "0" => false,
        "true" or "ja" or "1" => true,
        _ => null,
    };

    public static string? Tekst(string? tekst) => IsLeeg(tekst) ? null : tekst!.Trim();
}
