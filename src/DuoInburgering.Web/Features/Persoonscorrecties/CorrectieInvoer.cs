using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;

namespace DuoInburgering.Web.Features.Persoonscorrecties;

/// <summary>
/// The correction form as typed: dates as yyyy-MM-dd (the browser's date field), municipalities as CBS
/// codes, blank meaning none. <see cref="Lees"/> turns it into facts or Dutch messages per field; the
/// domain (<see cref="Persoonscorrectie.Valideer"/>) then judges the proposal itself.
/// </summary>
public sealed class CorrectieInvoer
{
    public Verblijfsdoel? Verblijfsdoel { get; set; }
    public string? Bekendmaking { get; set; }
    public string? Uitreiking { get; set; }
    public string? CoaGemeente { get; set; }
    public string? BrpGemeente { get; set; }
    public string? Reden { get; set; }

    public static CorrectieInvoer Van(CorrigeerbareFeiten f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new()
        {
            Verblijfsdoel = f.Verblijfsdoel,
            Bekendmaking = CorrectieFeitenJson.Dag(f.DatumBekendmakingBeschikking),
            Uitreiking = CorrectieFeitenJson.Dag(f.DatumUitreikingDocument),
            CoaGemeente = f.CoaGekoppeldeGemeente?.Waarde,
            BrpGemeente = f.BrpGemeente?.Waarde,
        };
    }

    /// <summary>The facts the form states, or null with the messages in <paramref name="fouten"/>.</summary>
    public CorrigeerbareFeiten? Lees(List<CorrectieFout> fouten)
    {
        ArgumentNullException.ThrowIfNull(fouten);
        var aantal = fouten.Count;
        if (Verblijfsdoel is null)
        {
            fouten.Add(new("verblijfsdoel", "Kies een verblijfsdoel."));
        }
        var bekendmaking = Datum("bekendmaking", Bekendmaking, fouten);
        var uitreiking = Datum("uitreiking", Uitreiking, fouten);
        var coa = Gemeente("coa", CoaGemeente, fouten);
        var brp = Gemeente("brp", BrpGemeente, fouten);
        return fouten.Count > aantal ? null : new CorrigeerbareFeiten(Verblijfsdoel!.Value, bekendmaking, uitreiking, coa, brp);
    }

    private static DateOnly? Datum(string veld, string? tekst, List<CorrectieFout> fouten)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            return null;
        }
        if (DateOnly.TryParseExact(tekst.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        fouten.Add(new(veld, "Geen geldige datum; gebruik jjjj-mm-dd."));
        return null;
    }

    private static GemeenteCode? Gemeente(string veld, string? tekst, List<CorrectieFout> fouten)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            return null;
        }
        var code = tekst.Trim().ToUpperInvariant();
        if (GemeenteCode.Controleer(code) is { } fout)
        {
            fouten.Add(new(veld, fout));
            return null;
        }
        return new GemeenteCode(code);
    }
}
