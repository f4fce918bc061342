using System.Text;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Audit;
using Npgsql;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>
/// Fills a database with the synthetic population through the real import path: generate the three
/// files, then import COA and BRP before IND, so each person is derived once with all facts present.
/// </summary>
public static class SyntheseImport
{
    public static async Task<IReadOnlyList<ImportRapport>> ImportAsync(NpgsqlDataSource db, SyntheseOpties opties, TimeProvider clock,
        Auditlog auditlog, CancellationToken ct)
    {
        var map = Directory.CreateTempSubdirectory("pib-synthese-");
        try
        {
            string Pad(FeitBron bron) => Path.Combine(map.FullName, $"{bron.Naam()}.csv");
            await using (var ind = Schrijver(Pad(FeitBron.Ind)))
            await using (var coa = Schrijver(Pad(FeitBron.Coa)))
            await using (var brp = Schrijver(Pad(FeitBron.Brp)))
            {
                SynthetischePopulatie.Schrijf(opties, ind, coa, brp);
            }
            var rapporten = new List<ImportRapport>();
            foreach (var bron in new[] { FeitBron.Coa, FeitBron.Brp, FeitBron.Ind })
            {
                rapporten.Add(await FeitenImport.ImportAsync(db, bron, Pad(bron), clock, auditlog, ct));
            }
            return rapporten;
        }
        finally
        {
            map.Delete(recursive: true);
        }
    }

    private static StreamWriter Schrijver(string pad) => new(pad, false, new UTF8Encoding(false), 1 << 16);
}
