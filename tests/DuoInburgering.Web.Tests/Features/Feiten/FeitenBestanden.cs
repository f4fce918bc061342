using System.Text;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>Import files in a temporary folder: the incident cohort, or hand-made lines.</summary>
public sealed class FeitenBestanden : IDisposable
{
    private readonly DirectoryInfo _map = Directory.CreateTempSubdirectory("pib-feiten-test-");

    /// <summary>The incident cohort alone (0 synthetic persons) as ind.csv, coa.csv and brp.csv.</summary>
    public static FeitenBestanden Cohort()
    {
        var bestanden = new FeitenBestanden();
        using (var ind = Schrijver(bestanden.Pad(FeitBron.Ind)))
        using (var coa = Schrijver(bestanden.Pad(FeitBron.Coa)))
        using (var brp = Schrijver(bestanden.Pad(FeitBron.Brp)))
        {
            SynthetischePopulatie.Schrijf(new SyntheseOpties(0), ind, coa, brp);
        }
        return bestanden;
    }

    public string Pad(FeitBron bron) => Path.Combine(_map.FullName, $"{bron.Naam()}.csv");

    public string Pad(string naam) => Path.Combine(_map.FullName, naam);

    /// <summary>Writes a file with the given lines (header included), LF line ends, UTF-8 without BOM.</summary>
    public string Schrijf(string naam, params string[] regels)
    {
        var pad = Pad(naam);
        File.WriteAllText(pad, string.Join("\n", regels) + "\n", new UTF8Encoding(false));
        return pad;
    }

    public void Dispose() => _map.Delete(recursive: true);

    private static StreamWriter Schrijver(string pad) => new(pad, false, new UTF8Encoding(false));
}
