using System.Reflection;

namespace DuoInburgering.Web.Data;

/// <summary>The CBS municipality list (the 2022 set), shipped inside the assembly.</summary>
public static class GemeentenCsv
{
    private static readonly Lazy<IReadOnlyList<Gemeente>> Cache = new(Read);

    public static IReadOnlyList<Gemeente> Alle => Cache.Value;

    private static IReadOnlyList<Gemeente> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("gemeenten.csv")
            ?? throw new InvalidOperationException("gemeenten.csv ontbreekt in de assembly.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine();
        if (header != "code;name")
        {
            throw new InvalidOperationException($"Onverwachte kop in gemeenten.csv: '{header}'.");
        }
        var result = new List<Gemeente>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.Split(';');
            result.Add(new Gemeente { Code = parts[0], Naam = parts[1] });
        }
        return result;
    }
}
