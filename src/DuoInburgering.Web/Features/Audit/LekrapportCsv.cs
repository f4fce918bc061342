using System.Globalization;
using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Infrastructure;

using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>
/// The breach report as CSV for Dutch Excel (<see cref="CsvUitvoer{TRij}"/>): a first row "Totaal" for the whole scope,
/// then one row per municipality that received or viewed its persons. No BSN: the same facts as the printed page.
/// </summary>
public static class LekrapportCsv
{
    private static readonly string[] Koppen =
    [
        "gemeente_code", "gemeente", "verantwoordelijk", "personen", "personen_niet_verantwoordelijk", "signalen_ontvangen",
        "keren_ingezien", "gebruikers", "eerste", "laatste", "categorieen", "personen_bij_andere_gemeente", "art19_rectificatie",
    ];

    private static readonly Func<LekrapportGemeente, string?>[] Velden =
    [
        g => g.Code, g => g.Naam, g => g.Code.Length == 0 ? "" : g.Verantwoordelijk ? "ja" : "nee",
        g => Getal(g.Personen), g => Getal(g.PersonenOnterecht), g => Getal(g.Ontvangen), g => Getal(g.Ingezien),
        g => string.Join(", ", g.Gebruikers), g => Tijd(g.Eerste), g => Tijd(g.Laatste), g => string.Join(", ", g.Categorieen),
        g => Getal(g.PersonenElders), g => g.Code.Length == 0 ? "" : g.Rectificatie,
    ];

    public static string Bestandsnaam(Lekrapport rapport)
    {
        ArgumentNullException.ThrowIfNull(rapport);
        var bereik = rapport.Bereik switch
        {
            LekrapportBereik.Correctierun c => $"correctierun-{c.CorrectieId.ToString(CultureInfo.InvariantCulture)}",
            LekrapportBereik.Periode p => $"periode-{p.Van:yyyyMMdd}-{p.TotEnMet:yyyyMMdd}",
            _ => "bsn-lijst",
        };
        return $"lekrapport-{bereik}-{PibVandaag.Op(rapport.OpgesteldOp):yyyyMMdd}.csv";
    }

    public static async Task SchrijfAsync(Stream uit, Lekrapport rapport, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rapport);
        var csv = new CsvUitvoer<LekrapportGemeente>(uit, Koppen, Velden);
        await csv.KopAsync(ct);
        // The scope as a whole: persons received or viewed by any municipality, and by any that was not responsible.
        await csv.RijAsync(new LekrapportGemeente("", $"Totaal: {rapport.Omschrijving}; {Getal(rapport.Personen)} personen in het bereik",
            rapport.PersonenVerstrekt, rapport.PersonenOnterecht, rapport.Gemeenten.Sum(g => g.Ontvangen), rapport.Gemeenten.Sum(g => g.Ingezien),
            [], rapport.Eerste ?? default, rapport.Laatste ?? default, rapport.Categorieen), ct);
        foreach (var g in rapport.Gemeenten)
        {
            await csv.RijAsync(g, ct);
        }
        await csv.AfsluitenAsync(ct);
    }

    private static string Getal(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Tijd(DateTimeOffset t) => t == default ? "" :
        TimeZoneInfo.ConvertTime(t, PibVandaag.Amsterdam).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
