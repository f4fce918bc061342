using System.Globalization;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Infrastructure;

/// <summary>
/// Reads filter parameters from a query string (downloads, lists): absent or blank is null, and a value
/// that cannot be read leaves a Dutch error per parameter in <see cref="Fouten"/> instead of throwing.
/// </summary>
public sealed class UrlLezer(IQueryCollection query)
{
    public Dictionary<string, string[]> Fouten { get; } = [];

    public string? Waarde(string naam) =>
        query.TryGetValue(naam, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    public DateOnly? Datum(string naam)
    {
        var w = Waarde(naam);
        if (w is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        Fouten[naam] = ["Geen geldige datum; gebruik jjjj-mm-dd."];
        return null;
    }

    /// <summary>A value <paramref name="lees"/> recognises, or null with <paramref name="fout"/> recorded.</summary>
    public T? Keuze<T>(string naam, Func<string, T?> lees, string fout) where T : struct
    {
        var w = Waarde(naam);
        if (w is null)
        {
            return null;
        }
        var r = lees(w);
        if (r is null)
        {
            Fouten[naam] = [fout];
        }
        return r;
    }

    /// <summary>An enum member by name (any case); numbers are refused, so "1" is not a doelgroep.</summary>
    public T? Enum<T>(string naam, string fout) where T : struct, System.Enum =>
        Keuze(naam, w => Kolomwaarden.Herken<T>(w, hoofdletterOngevoelig: true), fout);
}
