using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Evaluatie;

/// <summary>Reads one data row of the evaluator's input into <see cref="IndFeiten"/>, or Dutch reasons why not.</summary>
public static class RegimeCsvRij
{
    public const int AantalKolommen = 9;

    /// <returns>The facts, or null with <paramref name="fout"/> set (all problems joined by "; ").</returns>
    public static IndFeiten? Lees(IReadOnlyList<string> v, out string? fout)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Count != AantalKolommen)
        {
            fout = $"Verwacht {AantalKolommen} kolommen, gevonden {v.Count}.";
            return null;
        }

        var fouten = new List<string>();
        string? bsnFout = Bsn.Controleer(v[0]);
        if (bsnFout is not null)
        {
            fouten.Add(bsnFout);
        }

        DateOnly? geboortedatum = Datum(v[1], "geboortedatum", fouten);
        if (string.IsNullOrWhiteSpace(v[1]))
        {
            fouten.Add("Geboortedatum ontbreekt.");
        }

        string nationaliteit = v[2].Trim().ToUpperInvariant();
        if (nationaliteit.Length == 0)
        {
            fouten.Add("Nationaliteit ontbreekt.");
        }
        else if (!Nationaliteit.IsGeldigeCode(nationaliteit))
        {
            fouten.Add($"Nationaliteit '{v[2].Trim()}' is geen ISO 3166 alpha-3-code.");
        }

        if (!VerblijfsdoelTekst.TryParse(v[3], out Verblijfsdoel doel))
        {
            fouten.Add(string.IsNullOrWhiteSpace(v[3]) ? "Verblijfsdoel ontbreekt." : $"Onbekend verblijfsdoel '{v[3].Trim()}'.");
        }

        DateOnly? ingang = Datum(v[4], "datum_ingang_verblijfsrecht", fouten);
        DateOnly? beschikking = Datum(v[5], "datum_beschikking", fouten);
        DateOnly? bekendmaking = Datum(v[6], "datum_bekendmaking_beschikking", fouten);
        DateOnly? uitreiking = Datum(v[7], "datum_uitreiking_document", fouten);
        DateOnly? kennisgeving = Datum(v[8], "datum_kennisgeving", fouten);

        if (fouten.Count > 0 || geboortedatum is not DateOnly geboren)
        {
            fout = string.Join(" ", fouten);
            return null;
        }

        fout = null;
        return new IndFeiten(
            Bsn.Parse(v[0]), geboren, nationaliteit, doel, ingang, beschikking, bekendmaking, uitreiking, kennisgeving);
    }

    /// <summary>ISO yyyy-MM-dd; empty means unknown; impossible dates such as 2021-02-30 are errors.</summary>
    private static DateOnly? Datum(string tekst, string kolom, List<string> fouten)
    {
        string t = tekst.Trim();
        if (t.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
        {
            return d;
        }

        fouten.Add($"Ongeldige datum in {kolom}: '{t}' (verwacht jjjj-mm-dd).");
        return null;
    }
}
