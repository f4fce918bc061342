using System.Globalization;

using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>
/// The breach report's form as typed, on the page and as the posted form of the CSV download: the kind of scope and its
/// fields. <see cref="Lees"/> gives the scope, or Dutch errors per field (for a BSN list: one per bad line).
/// </summary>
public sealed class LekrapportFormulier
{
    public const string SoortCorrectierun = "correctierun";
    public const string SoortBsns = "bsns";
    public const string SoortPeriode = "periode";

    public const string VeldSoort = "soort";
    public const string VeldCorrectie = "correctie";
    public const string VeldBsns = "bsns";
    public const string VeldVan = "van";
    public const string VeldTot = "tot";

    public string? Soort { get; set; } = SoortCorrectierun;

    /// <summary>The id of a correction run.</summary>
    public string? Correctie { get; set; }

    /// <summary>BSNs, one per line (also separated by commas, semicolons or spaces).</summary>
    public string? Bsns { get; set; }

    /// <summary>yyyy-MM-dd, as an input of type date sends it.</summary>
    public string? Van { get; set; }

    public string? Tot { get; set; }

    public (LekrapportBereik? Bereik, IReadOnlyDictionary<string, string> Fouten, IReadOnlyList<string> BsnFouten) Lees()
    {
        var fouten = new Dictionary<string, string>();
        switch (Soort?.Trim().ToLowerInvariant())
        {
            case SoortCorrectierun:
                if (long.TryParse(Correctie?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                {
                    return (new LekrapportBereik.Correctierun(id), fouten, []);
                }
                fouten[VeldCorrectie] = "Kies een correctierun.";
                return (null, fouten, []);

            case SoortBsns:
                var (lijst, bsnFouten) = LekrapportBereik.LeesBsns(Bsns);
                if (lijst is null)
                {
                    fouten[VeldBsns] = bsnFouten.Count == 1 ? bsnFouten[0]
                        : $"{bsnFouten.Count.ToString(CultureInfo.InvariantCulture)} regels zijn niet in orde; zie de lijst hieronder.";
                }
                return (lijst, fouten, bsnFouten);

            case SoortPeriode:
                var (periode, foutVan, foutTot) = LekrapportBereik.LeesPeriode(Van, Tot);
                if (foutVan is not null)
                {
                    fouten[VeldVan] = foutVan;
                }
                if (foutTot is not null)
                {
                    fouten[VeldTot] = foutTot;
                }
                return (periode, fouten, []);

            default:
                fouten[VeldSoort] = "Kies een bereik: een correctierun, een lijst van BSN's of een periode.";
                return (null, fouten, []);
        }
    }
}
