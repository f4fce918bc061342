namespace DuoInburgering.Web.Audit;

/// <summary>
/// Which categories of personal data a contact with a municipality involved, for the breach report (AVG art. 33
/// lid 3 onder a: "de categorieën van persoonsgegevens"). Derived from what the audit log says was sent or
/// shown: the code of a signal received, the screen or download of a disclosure. The one place this mapping
/// lives; a new signal or screen adds its line here. Unknown codes and screens get a broad set, never none.
/// </summary>
public static class Gegevenscategorieen
{
    public const string Bsn = "BSN";
    public const string Naam = "Naam";
    public const string Geboortedatum = "Geboortedatum of leeftijd";
    public const string Regime = "Inburgeringsplicht en regime (verblijfsstatus)";
    public const string Doelgroep = "Doelgroep (verblijfsgrond)";
    public const string Datums = "Datums (peildatum, start, signaaldatum)";
    public const string Gemeente = "Woon- of verblijfsgemeente";
    public const string Pip = "PIP en inburgeringsaanbod";
    public const string VertrekOverlijden = "Vertrek of overlijden";
    public const string Examen = "Diploma, vrijstelling of ontheffing";

    /// <summary>The order in which reports list them.</summary>
    public static readonly IReadOnlyList<string> Alle =
        [Bsn, Naam, Geboortedatum, Regime, Doelgroep, Datums, Gemeente, Pip, VertrekOverlijden, Examen];

    // Every signal names the person by BSN and tells the municipality that the person is (or was) its concern;
    // SS190 carries the BSN and nothing else (docs/domain.md signal catalogue).
    private static readonly IReadOnlyList<string> Aankondiging = [Bsn, Regime, Doelgroep, Datums, Gemeente];
    private static readonly IReadOnlyList<string> OnbekendSignaal = [Bsn, Regime, Doelgroep, Datums];

    /// <summary>A list or download of signals shows BSN, name, code and description, date and doelgroep (SignaalKolommen).</summary>
    private static readonly IReadOnlyList<string> Signalenlijst = [Bsn, Naam, Regime, Doelgroep, Datums];

    /// <summary>The person page (PersoonWeergave): everything the municipality may see of one person.</summary>
    private static readonly IReadOnlyList<string> Persoonspagina = [Bsn, Naam, Geboortedatum, Regime, Doelgroep, Datums, Gemeente, Pip];

    public static IReadOnlyList<string> VoorSignaal(string? code) => code switch
    {
        "SS190" => [Bsn],
        "SS101" or "SS139" => Aankondiging,
        "SS128" => [.. Aankondiging, Geboortedatum],
        "SS120" => [Bsn, Regime, Datums, Gemeente],
        "SS121" => [Bsn, Regime, Datums, Gemeente, Pip],
        "SS122" or "SS123" => [Bsn, Datums, Gemeente, VertrekOverlijden],
        "SS124" or "SS125" => [Bsn, Doelgroep, Datums],
        "SS102" or "SS126" => [Bsn, Pip, Datums],
        "SS127" => [Bsn, Doelgroep, Pip, Datums],
        "SS110" => [Bsn, Regime, Datums],
        "SS111" => [Bsn, VertrekOverlijden, Datums],
        "SS106" or "SS107" or "SS108" => [Bsn, Examen, Datums],
        _ => OnbekendSignaal,
    };

    /// <summary>By the description <see cref="Security.Verstrekkingen"/> recorded ("signalenlijst Wi2021", "persoonspagina", …).</summary>
    public static IReadOnlyList<string> VoorVerstrekking(string? omschrijving)
    {
        var o = omschrijving?.Trim() ?? "";
        bool Begint(string prefix) => o.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        return o switch
        {
            _ when Begint("download ss190") => [Bsn],
            _ when Begint("signalenlijst") || Begint("signalen per persoon") || Begint("download ") => Signalenlijst,
            _ when Begint("persoonspagina") => Persoonspagina,
            _ when Begint("startpagina gemeente") => [Bsn, Naam, Datums],
            _ => Persoonspagina,
        };
    }

    /// <summary>The union, in the order of <see cref="Alle"/>.</summary>
    public static IReadOnlyList<string> Samen(IEnumerable<string> codes, IEnumerable<string> omschrijvingen)
    {
        var set = codes.SelectMany(VoorSignaal).Concat(omschrijvingen.SelectMany(VoorVerstrekking)).ToHashSet(StringComparer.Ordinal);
        return [.. Alle.Where(set.Contains)];
    }
}
