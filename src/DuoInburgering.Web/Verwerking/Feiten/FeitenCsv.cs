using DuoInburgering.Domain.Evaluatie;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>One data line of an import file: the message, or why the line is not one.</summary>
/// <param name="Regel">Line number in the file (the header is line 1).</param>
public sealed record CsvRegel(int Regel, string Inhoud, FeitBericht? Bericht, string? Fout);

/// <summary>A file that cannot be imported at all (wrong header): nothing is written.</summary>
public sealed class FeitenCsvException(string message) : Exception(message);

/// <summary>
/// Reads an IND, COA or BRP file: comma-separated, UTF-8, a header naming the columns (in any order),
/// ISO dates, empty = unknown. Every line is validated with the source's FluentValidation rules.
/// </summary>
/// <remarks>
/// Why hand-written: a line is read whole and split in the parallel block, with the validation, so only ReadLine runs on one
/// thread. Libraries split faster on their own (IND file of 1,000,000 persons in memory, split only: Sylvan.Data.Csv 3.3 and
/// CsvHelper 3.4 million rows/s against 2.6 million), but they split on the reading thread, and the whole read (split, build,
/// validate, with line numbers and raw lines for rejects) then ran at 340,000 (Sylvan) and 347,000 (CsvHelper) rows/s, 480,000 with
/// CsvHelper's ParallelEnumerate, against 500,000 for this reader (medians of 7; min 265,000 / 240,000 / 347,000 against 351,000), with more
/// memory (peak heap 55 MB against 30 MB) (measured 2026-12-07, `dotnet run -c Release --project tests/DuoInburgering.Benchmarks --
/// bibliotheken --alleen lezen --keer 7`).
/// </remarks>
public static class FeitenCsv
{
    /// <summary>The data lines in file order; lines are split and validated in parallel, a block at a time.</summary>
    public static IEnumerable<CsvRegel> Lees(TextReader reader, FeitSchema schema)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(schema);
        var kop = reader.ReadLine()?.TrimStart('\uFEFF')
            ?? throw new FeitenCsvException("Het bestand is leeg: de kopregel ontbreekt.");
        var positie = Posities(CsvVeld.Splits(kop), schema);
        return Regels(reader).Chunk(8192)
            .SelectMany(blok => blok.AsParallel().AsOrdered().Select(r => LeesRegel(r.Nummer, r.Tekst, positie, schema)));
    }

    private static IEnumerable<(int Nummer, string Tekst)> Regels(TextReader reader)
    {
        var nummer = 1;
        while (reader.ReadLine() is { } regel)
        {
            nummer++;
            if (regel.Length > 0)
            {
                yield return (nummer, regel);
            }
        }
    }

    private static CsvRegel LeesRegel(int nummer, string regel, int[] positie, FeitSchema schema)
    {
        var velden = CsvVeld.Splits(regel);
        if (velden.Count != positie.Length)
        {
            return new(nummer, regel, null, $"Verwacht {positie.Length} kolommen, gevonden {velden.Count}.");
        }
        var waarden = new string?[positie.Length];
        for (var i = 0; i < positie.Length; i++)
        {
            waarden[i] = velden[positie[i]];
        }
        var bericht = schema.Bericht(waarden);
        return new(nummer, regel, bericht, BerichtValidatie.Controleer(bericht));
    }

    /// <summary>For each schema column, where it is in the file.</summary>
    private static int[] Posities(List<string> kop, FeitSchema schema)
    {
        var namen = kop.Select(k => k.Trim().ToLowerInvariant()).ToList();
        var ontbreekt = schema.Kolommen.Where(k => !namen.Contains(k)).ToList();
        var onbekend = namen.Where(n => !schema.Kolommen.Contains(n)).ToList();
        if (ontbreekt.Count > 0 || onbekend.Count > 0 || namen.Count != schema.Kolommen.Count)
        {
            var details = string.Join("; ", new[]
            {
                ontbreekt.Count > 0 ? "ontbrekend: " + string.Join(", ", ontbreekt) : null,
                onbekend.Count > 0 ? "onbekend: " + string.Join(", ", onbekend) : null,
            }.Where(d => d is not null));
            throw new FeitenCsvException(
                $"De kopregel past niet bij een {schema.Bron.Code()}-bestand ({(details.Length > 0 ? details : "dubbele kolommen")}). " +
                $"Verwacht: {schema.Kop}");
        }
        return schema.Kolommen.Select(k => namen.IndexOf(k)).ToArray();
    }
}
