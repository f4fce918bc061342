using System.Globalization;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Evaluatie;

/// <summary>
/// The policy staff's rule evaluator: IND facts in, one regime decision per row out, in input order.
/// A bad row becomes a "fout" row with the Dutch reason; it never stops the run. A wrong header
/// stops it with <see cref="RegimeCsvException"/>.
/// </summary>
public static class RegimeCsv
{
    public const string InvoerKop =
        "bsn,geboortedatum,nationaliteit,verblijfsdoel,datum_ingang_verblijfsrecht,datum_beschikking,"
        + "datum_bekendmaking_beschikking,datum_uitreiking_document,datum_kennisgeving";

    public const string UitvoerKop = "bsn,regime,peildatum,startdatum,reden";

    /// <summary>Evaluates the whole input. Returns exit code 0; see <see cref="Verwerk"/> for counts.</summary>
    /// <exception cref="RegimeCsvException">The header is missing or not exactly <see cref="InvoerKop"/>.</exception>
    public static int Evaluate(TextReader input, TextWriter output, RegimeRegelset rules)
    {
        Verwerk(input, output, rules);
        return 0;
    }

    /// <summary>As <see cref="Evaluate"/>, returning how many rows were written and how many were "fout".</summary>
    public static RegimeCsvResultaat Verwerk(TextReader input, TextWriter output, RegimeRegelset rules)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rules);

        string? kop = input.ReadLine()?.TrimStart('\uFEFF').Trim();
        if (kop is null)
        {
            throw new RegimeCsvException("Het invoerbestand is leeg; verwacht een kopregel: " + InvoerKop);
        }

        if (!string.Equals(kop, InvoerKop, StringComparison.Ordinal))
        {
            throw new RegimeCsvException("Onverwachte kopregel. Verwacht precies: " + InvoerKop);
        }

        output.WriteLine(UitvoerKop);
        int rijen = 0, fouten = 0, legeRegels = 0;
        while (input.ReadLine() is { } regel)
        {
            if (regel.Trim().Length == 0)
            {
                // Trailing empty lines are not rows; an empty line between rows is reported below.
                legeRegels++;
                continue;
            }

            for (; legeRegels > 0; legeRegels--)
            {
                output.WriteLine(",fout,,,Lege regel.");
                rijen++;
                fouten++;
            }

            List<string> velden = CsvVeld.Splits(regel);
            IndFeiten? feiten = RegimeCsvRij.Lees(velden, out string? fout);
            string bsn = CsvVeld.Quote(velden[0].Trim());
            rijen++;
            if (feiten is null)
            {
                fouten++;
                output.WriteLine(string.Concat(bsn, ",fout,,,", CsvVeld.Quote(fout)));
                continue;
            }

            RegimeBesluit b = rules.DeriveRegime(feiten);
            output.WriteLine(string.Concat(bsn, ",", b.Uitkomst.AlsTekst(), ",", Iso(b.Peildatum), ",", Iso(b.Startdatum), ",", CsvVeld.Quote(b.Reden)));
        }

        return new RegimeCsvResultaat(rijen, fouten);
    }

    private static string Iso(DateOnly? d) =>
        d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>Rows written (excluding the header) and rows with regime "fout".</summary>
public readonly record struct RegimeCsvResultaat(int Rijen, int Fouten);
