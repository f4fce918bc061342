using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Tests;

/// <summary>Small builders so each test states only the facts it is about.</summary>
internal static class Testdata
{
    public static readonly Bsn GeldigBsn = Bsn.Parse("111222333");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Dn(string? iso) => iso is null ? null : D(iso);

    public static IndFeiten Asiel(string bekendmaking, string geboren = "1990-05-05", string nat = "SYR", string? kennisgeving = null) =>
        new(GeldigBsn, D(geboren), nat, Verblijfsdoel.Asiel, D(bekendmaking), D(bekendmaking), D(bekendmaking), null, Dn(kennisgeving));

    public static IndFeiten Gezin(string uitreiking, string geboren = "1990-05-05", string nat = "MAR", string? kennisgeving = null) =>
        new(GeldigBsn, D(geboren), nat, Verblijfsdoel.Gezinshereniging, D(uitreiking), D(uitreiking), null, D(uitreiking), Dn(kennisgeving));

    public static IndFeiten Met(Verblijfsdoel doel, string? bekendmaking, string? uitreiking, string geboren = "1990-05-05", string nat = "SYR") =>
        new(GeldigBsn, D(geboren), nat, doel, null, null, Dn(bekendmaking), Dn(uitreiking), null);

    /// <summary>Builds a valid BSN from 8 digits, or null when no check digit exists (sum mod 11 = 10).</summary>
    public static string? MaakBsn(int[] acht)
    {
        int som = 0;
        for (int i = 0; i < 8; i++)
        {
            som += (9 - i) * acht[i];
        }

        int d9 = som % 11;
        if (d9 == 10)
        {
            return null;
        }

        string s = string.Concat(acht.Select(d => d.ToString(CultureInfo.InvariantCulture))) + d9.ToString(CultureInfo.InvariantCulture);
        return s == "000000000" ? null : s;
    }
}
