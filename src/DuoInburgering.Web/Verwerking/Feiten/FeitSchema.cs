using DuoInburgering.Domain.Synthetisch;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>Per source: the columns of its CSV file (and staging table) and how a row becomes a message.</summary>
public sealed record FeitSchema(FeitBron Bron, IReadOnlyList<string> Kolommen, Func<string?[], FeitBericht> Bericht)
{
    public static readonly FeitSchema Ind = new(FeitBron.Ind, SynthetischePopulatie.IndKop.Split(','), IndBericht.Van);
    public static readonly FeitSchema Coa = new(FeitBron.Coa, SynthetischePopulatie.CoaKop.Split(','), CoaBericht.Van);
    public static readonly FeitSchema Brp = new(FeitBron.Brp, SynthetischePopulatie.BrpKop.Split(','), BrpBericht.Van);

    public static FeitSchema Voor(FeitBron bron) => bron switch
    {
        FeitBron.Ind => Ind,
        FeitBron.Coa => Coa,
        _ => Brp,
    };

    public string Kop => string.Join(',', Kolommen);
}
