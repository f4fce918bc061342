using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;

namespace DuoInburgering.Web.Features.Correcties;

/// <summary>
/// The correction form as typed: every field optional but the version. <see cref="Lees"/> turns it into a
/// version and a scope, or gives a Dutch error per field, shown beside that field.
/// </summary>
public sealed class CorrectieFormulier
{
    public const string VeldVersie = "versie";
    public const string VeldVan = "van";
    public const string VeldTot = "tot";
    public const string VeldGemeente = "gemeente";

    public string? Versie { get; set; } = RegimeRegelsets.Huidig.Versie;
    public Regime? Regime { get; set; }
    public Doelgroep? Doelgroep { get; set; }

    /// <summary>yyyy-MM-dd, as an input of type date sends it.</summary>
    public string? Van { get; set; }

    public string? Tot { get; set; }

    /// <summary>CBS code, e.g. GM0363; case does not matter.</summary>
    public string? Gemeente { get; set; }

    /// <param name="bekendeGemeenten">The CBS codes of table gemeente: a well-formed code that is not a municipality is refused too.</param>
    public (string? Versie, CorrectieScope? Scope, IReadOnlyDictionary<string, string> Fouten) Lees(IReadOnlySet<string> bekendeGemeenten)
    {
        ArgumentNullException.ThrowIfNull(bekendeGemeenten);
        var fouten = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Versie) || !RegimeRegelsets.TryGet(Versie, out _))
        {
            fouten[VeldVersie] = $"Kies een regelset: {string.Join(" of ", RegimeRegelsets.Alle.Select(r => r.Versie))}.";
        }
        var van = Datum(Van, VeldVan, fouten);
        var tot = Datum(Tot, VeldTot, fouten);
        if (van > tot)
        {
            fouten[VeldTot] = "De peildatum 'tot en met' ligt vóór de peildatum 'vanaf'.";
        }
        GemeenteCode? gemeente = null;
        if (!string.IsNullOrWhiteSpace(Gemeente))
        {
            var code = Gemeente.Trim().ToUpperInvariant();
            if (GemeenteCode.Controleer(code) is { } fout)
            {
                fouten[VeldGemeente] = fout;
            }
            else if (!bekendeGemeenten.Contains(code))
            {
                fouten[VeldGemeente] = $"{code} is geen bekende gemeente (CBS-lijst).";
            }
            else
            {
                gemeente = new GemeenteCode(code);
            }
        }
        return fouten.Count > 0
            ? (null, null, fouten)
            : (Versie!.Trim(), new CorrectieScope(Regime, Doelgroep, van, tot, gemeente), fouten);
    }

    private static DateOnly? Datum(string? tekst, string veld, Dictionary<string, string> fouten)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            return null;
        }
        if (DateOnly.TryParseExact(tekst.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        fouten[veld] = "Geen geldige datum; gebruik dd-mm-jjjj.";
        return null;
    }
}
