namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>
/// One fact message as it arrives, JSON or CSV row alike: every field text, so a bad value is a
/// validation error with a Dutch reason rather than a parse exception. Field names are the CSV
/// headers and, in JSON, snake_case (bericht_id, bsn, …).
/// </summary>
public abstract class FeitBericht
{
    public string? BerichtId { get; set; }

    public string? Bsn { get; set; }

    /// <summary>The values in <see cref="FeitSchema.Kolommen"/> order, for the staging table.</summary>
    public abstract string?[] Waarden();
}

/// <summary>IND: verblijfsrecht.</summary>
public sealed class IndBericht : FeitBericht
{
    public string? VNummer { get; set; }
    public string? Naam { get; set; }
    public string? Geboortedatum { get; set; }
    public string? Nationaliteit { get; set; }
    public string? Verblijfsdoel { get; set; }
    public string? DatumIngangVerblijfsrecht { get; set; }
    public string? DatumBeschikking { get; set; }
    public string? DatumBekendmakingBeschikking { get; set; }
    public string? DatumUitreikingDocument { get; set; }
    public string? DatumKennisgeving { get; set; }
    public string? DatumIntrekking { get; set; }

    public override string?[] Waarden() =>
    [
        BerichtId, Bsn, VNummer, Naam, Geboortedatum, Nationaliteit, Verblijfsdoel, DatumIngangVerblijfsrecht,
        DatumBeschikking, DatumBekendmakingBeschikking, DatumUitreikingDocument, DatumKennisgeving, DatumIntrekking,
    ];

    public static IndBericht Van(string?[] v) => new()
    {
        BerichtId = v[0], Bsn = v[1], VNummer = v[2], Naam = v[3], Geboortedatum = v[4], Nationaliteit = v[5],
        Verblijfsdoel = v[6], DatumIngangVerblijfsrecht = v[7], DatumBeschikking = v[8],
        DatumBekendmakingBeschikking = v[9], DatumUitreikingDocument = v[10], DatumKennisgeving = v[11],
        DatumIntrekking = v[12],
    };
}

/// <summary>COA: location, linked municipality, uitstroom.</summary>
public sealed class CoaBericht : FeitBericht
{
    public string? CoaLocatie { get; set; }
    public string? GekoppeldeGemeente { get; set; }
    public string? DatumGekoppeld { get; set; }
    public string? DatumUitstroom { get; set; }

    public override string?[] Waarden() => [BerichtId, Bsn, CoaLocatie, GekoppeldeGemeente, DatumGekoppeld, DatumUitstroom];

    public static CoaBericht Van(string?[] v) => new()
    {
        BerichtId = v[0], Bsn = v[1], CoaLocatie = v[2], GekoppeldeGemeente = v[3], DatumGekoppeld = v[4], DatumUitstroom = v[5],
    };
}

/// <summary>BRP: municipality of registration, COA address, settlement, departure, death.</summary>
public sealed class BrpBericht : FeitBericht
{
    public string? Gemeente { get; set; }
    public string? AdresIsCoaLocatie { get; set; }
    public string? DatumVestiging { get; set; }
    public string? DatumVertrekBuitenland { get; set; }
    public string? DatumOverlijden { get; set; }

    public override string?[] Waarden() =>
        [BerichtId, Bsn, Gemeente, AdresIsCoaLocatie, DatumVestiging, DatumVertrekBuitenland, DatumOverlijden];

    public static BrpBericht Van(string?[] v) => new()
    {
        BerichtId = v[0], Bsn = v[1], Gemeente = v[2], AdresIsCoaLocatie = v[3], DatumVestiging = v[4],
        DatumVertrekBuitenland = v[5], DatumOverlijden = v[6],
    };
}
