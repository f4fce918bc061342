using System.Diagnostics.CodeAnalysis;

namespace DuoInburgering.Domain.Identiteit;

/// <summary>
/// Burgerservicenummer. Only values that pass the elfproef can exist as a parsed <see cref="Bsn"/>
/// (docs/domain.md glossary: 9·d1+8·d2+…+2·d8−1·d9 divisible by 11; 000000000 is invalid).
/// </summary>
/// <remarks>
/// Error messages never contain the number itself: they end up in logs and rejected-message
/// screens, and docs/domain.md "Privacy" forbids a BSN in the application log.
/// </remarks>
public readonly record struct Bsn(string Waarde)
{
    public const int Lengte = 9;

    /// <summary>Returns a Dutch error message, or null when <paramref name="s"/> is a valid BSN.</summary>
    public static string? Controleer(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return "BSN ontbreekt.";
        }

        ReadOnlySpan<char> t = s.AsSpan().Trim();
        if (t.Length != Lengte)
        {
            return "BSN moet uit precies 9 cijfers bestaan.";
        }

        int som = 0;
        bool alleenNullen = true;
        for (int i = 0; i < Lengte; i++)
        {
            char c = t[i];
            if (c < '0' || c > '9')
            {
                return "BSN mag alleen cijfers bevatten.";
            }

            int d = c - '0';
            alleenNullen &= d == 0;
            // Weights 9..2 for d1..d8 and −1 for d9 (elfproef for the BSN, not the bank-account variant).
            som += i < Lengte - 1 ? (Lengte - i) * d : -d;
        }

        if (alleenNullen)
        {
            return "BSN 000000000 is ongeldig.";
        }

        return som % 11 == 0 ? null : "BSN voldoet niet aan de elfproef.";
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out Bsn bsn)
    {
        if (Controleer(s) is null)
        {
            bsn = new Bsn(s!.Trim());
            return true;
        }

        bsn = default;
        return false;
    }

    /// <exception cref="FormatException">With a Dutch message when the value is not a valid BSN.</exception>
    public static Bsn Parse(string s)
    {
        string? fout = Controleer(s);
        return fout is null ? new Bsn(s.Trim()) : throw new FormatException(fout);
    }

    public override string ToString() => Waarde ?? string.Empty;
}
