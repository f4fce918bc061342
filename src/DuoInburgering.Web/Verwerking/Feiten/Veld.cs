using System.Globalization;

namespace DuoInburgering.Web.Verwerking.Feiten;

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

    private static bool ProbeerDatum(string tekst, out DateOnly datum)
    {
        var t = tekst.AsSpan().Trim();
        // Bulk files hold millions of dates: the plain form is read by hand, anything else by the framework,
        // so what counts as a date is exactly what TryParseExact accepts.
        return SnelleDatum(t, out datum)
            || DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out datum);
    }

    private static bool SnelleDatum(ReadOnlySpan<char> t, out DateOnly datum)
    {
        datum = default;
        if (t.Length != 10 || t[4] != '-' || t[7] != '-')
        {
            return false;
        }
        int jaar = 0, maand = 0, dag = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }
            var cijfer = t[i] - '0';
            if ((uint)cijfer > 9)
            {
                return false;
            }
            if (i < 4)
            {
                jaar = (jaar * 10) + cijfer;
            }
            else if (i < 7)
            {
                maand = (maand * 10) + cijfer;
            }
            else
            {
                dag = (dag * 10) + cijfer;
            }
        }
        if (jaar < 1 || maand is < 1 or > 12 || dag < 1 || dag > DateTime.DaysInMonth(jaar, maand))
        {
            return false;
        }
        datum = new DateOnly(jaar, maand, dag);
        return true;
    }

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
