namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>Where facts come from (docs/domain.md "The facts that come in").</summary>
public enum FeitBron
{
    Ind,
    Coa,
    Brp,
}

public static class FeitBronTekst
{
    /// <summary>The name in URLs and CLI arguments: ind, coa, brp.</summary>
    public static string Naam(this FeitBron bron) => bron.ToString().ToLowerInvariant();

    /// <summary>As stored in bericht.bron, import_run.bron and afwijzing.bron: IND, COA, BRP.</summary>
    public static string Code(this FeitBron bron) => bron.ToString().ToUpperInvariant();

    public static bool TryParse(string? tekst, out FeitBron bron)
    {
        switch (tekst?.Trim().ToLowerInvariant())
        {
            case "ind": bron = FeitBron.Ind; return true;
            case "coa": bron = FeitBron.Coa; return true;
            case "brp": bron = FeitBron.Brp; return true;
            default: bron = default; return false;
        }
    }
}
