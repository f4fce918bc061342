using System.Globalization;
using DuoInburgering.Domain.Evaluatie;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;

namespace DuoInburgering.Domain.Tests.Synthetisch;

/// <summary>The three generated files as text, and a small parser back into domain facts.</summary>
internal sealed record SyntheseUitvoer(string Ind, string Coa, string Brp, SyntheseResultaat Resultaat)
{
    public static SyntheseUitvoer Maak(int personen, int seed = 20220119, DateOnly? vandaag = null)
    {
        using var ind = new StringWriter(CultureInfo.InvariantCulture);
        using var coa = new StringWriter(CultureInfo.InvariantCulture);
        using var brp = new StringWriter(CultureInfo.InvariantCulture);
        SyntheseResultaat r = SynthetischePopulatie.Schrijf(new SyntheseOpties(personen, seed, vandaag), ind, coa, brp);
        return new(ind.ToString(), coa.ToString(), brp.ToString(), r);
    }

    public static string[] Regels(string tekst)
    {
        Assert.EndsWith("\n", tekst, StringComparison.Ordinal);
        return tekst[..^1].Split('\n');
    }

    /// <summary>Data rows (header skipped), each split into fields.</summary>
    public static List<List<string>> Rijen(string tekst) =>
        Regels(tekst).Skip(1).Select(CsvVeld.Splits).ToList();

    public IndexedPersonen Personen() => new(Rijen(Ind), Rijen(Coa), Rijen(Brp));
}

/// <summary>IND, COA and BRP rows joined by BSN.</summary>
internal sealed class IndexedPersonen
{
    public IndexedPersonen(List<List<string>> ind, List<List<string>> coa, List<List<string>> brp)
    {
        IndRijen = ind;
        CoaPerBsn = coa.ToDictionary(r => r[1], StringComparer.Ordinal);
        BrpPerBsn = brp.ToDictionary(r => r[1], StringComparer.Ordinal);
    }

    public List<List<string>> IndRijen { get; }

    public Dictionary<string, List<string>> CoaPerBsn { get; }

    public Dictionary<string, List<string>> BrpPerBsn { get; }

    /// <summary>IND row (bericht_id,bsn,v_nummer,naam,geboortedatum,…,datum_intrekking) → facts for the rule set.</summary>
    public static IndFeiten Feiten(List<string> ind)
    {
        string[] invoer = [ind[1], .. ind.GetRange(4, 8)];
        IndFeiten? f = RegimeCsvRij.Lees(invoer, out string? fout);
        Assert.True(f is not null, fout);
        return f;
    }

    public CoaFeiten? Coa(string bsn) =>
        CoaPerBsn.TryGetValue(bsn, out List<string>? r)
            ? new CoaFeiten(Leeg(r[2]), Gemeente(r[3]), Datum(r[4]), Datum(r[5]))
            : null;

    public BrpFeiten? Brp(string bsn) =>
        BrpPerBsn.TryGetValue(bsn, out List<string>? r)
            ? new BrpFeiten(Gemeente(r[2]), bool.Parse(r[3]), Datum(r[4]), Datum(r[5]), Datum(r[6]))
            : null;

    public GemeenteKoppeling Koppeling(string bsn) => Koppelingsregel.BepaalGemeente(Coa(bsn), Brp(bsn));

    public static DateOnly? Datum(string s) =>
        s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Leeg(string s) => s.Length == 0 ? null : s;

    private static GemeenteCode? Gemeente(string s) => s.Length == 0 ? null : GemeenteCode.Parse(s);
}
