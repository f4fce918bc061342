using System.Diagnostics.CodeAnalysis;

namespace DuoInburgering.Domain.Identiteit;

/// <summary>
/// CBS municipality code: "GM" followed by 4 digits (docs/domain.md glossary, e.g. GM0363 Amsterdam).
/// </summary>
/// <remarks>
/// DUO's M2M API uses only the 4 digits (schema <c>gemeentecode</c>, pattern \d{4});
/// <see cref="Cijfers"/> gives that form, <see cref="VanCijfers"/> reads it.
/// </remarks>
public readonly record struct GemeenteCode(string Waarde)
{
    public string Cijfers => Waarde is null ? string.Empty : Waarde[2..];

    public static string? Controleer(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return "Gemeentecode ontbreekt.";
        }

        ReadOnlySpan<char> t = s.AsSpan().Trim();
        if (t.Length != 6 || t[0] != 'G' || t[1] != 'M')
        {
            return "Gemeentecode moet de vorm GM gevolgd door 4 cijfers hebben (bijvoorbeeld GM0363).";
        }

        for (int i = 2; i < 6; i++)
        {
            if (t[i] < '0' || t[i] > '9')
            {
                return "Gemeentecode moet de vorm GM gevolgd door 4 cijfers hebben (bijvoorbeeld GM0363).";
            }
        }

        return null;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out GemeenteCode code)
    {
        if (Controleer(s) is null)
        {
            code = new GemeenteCode(s!.Trim());
            return true;
        }

        code = default;
        return false;
    }

    /// <exception cref="FormatException">With a Dutch message when the value is not a GM code.</exception>
    public static GemeenteCode Parse(string s)
    {
        string? fout = Controleer(s);
        return fout is null ? new GemeenteCode(s.Trim()) : throw new FormatException(fout);
    }

    /// <summary>Reads the 4-digit form used by the DUO M2M API (e.g. "0363").</summary>
    public static GemeenteCode VanCijfers(string cijfers) => Parse("GM" + cijfers);

    public override string ToString() => Waarde ?? string.Empty;
}
