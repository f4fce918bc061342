using System.Text;

namespace DuoInburgering.Domain.Evaluatie;

/// <summary>Minimal RFC 4180 field handling for one line: split with quotes, quote on write.</summary>
public static class CsvVeld
{
    /// <summary>Splits one line on commas; fields may be quoted with "" as an escaped quote.</summary>
    public static List<string> Splits(string regel)
    {
        ArgumentNullException.ThrowIfNull(regel);
        if (!regel.Contains('"', StringComparison.Ordinal))
        {
            return SplitsZonderQuotes(regel);
        }

        var velden = new List<string>(9);
        var huidig = new StringBuilder();
        bool inQuotes = false;
        for (int i = 0; i < regel.Length; i++)
        {
            char c = regel[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < regel.Length && regel[i + 1] == '"')
                {
                    huidig.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    huidig.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                velden.Add(huidig.ToString());
                huidig.Clear();
            }
            else
            {
                huidig.Append(c);
            }
        }

        velden.Add(huidig.ToString());
        return velden;
    }

    /// <summary>The common case, a line without quotes: substrings between commas, no per-character copying.</summary>
    private static List<string> SplitsZonderQuotes(string regel)
    {
        var velden = new List<string>(16);
        int begin = 0;
        int komma;
        while ((komma = regel.IndexOf(',', begin)) >= 0)
        {
            velden.Add(regel[begin..komma]);
            begin = komma + 1;
        }

        velden.Add(regel[begin..]);
        return velden;
    }

    /// <summary>Quotes a value when it contains a comma, quote or line break.</summary>
    public static string Quote(string? waarde)
    {
        if (string.IsNullOrEmpty(waarde))
        {
            return string.Empty;
        }

        return waarde.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? waarde
            : string.Concat("\"", waarde.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");
    }
}
