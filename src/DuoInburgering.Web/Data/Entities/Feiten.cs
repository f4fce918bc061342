namespace DuoInburgering.Web.Data.Entities;

/// <summary>COA's latest facts about a person: location, the linked municipality, uitstroom.</summary>
public sealed class CoaFeit
{
    public required string Bsn { get; init; }
    public string? Locatie { get; set; }
    public string? GekoppeldeGemeente { get; set; }
    public DateOnly? DatumGekoppeld { get; set; }
    public DateOnly? DatumUitstroom { get; set; }
    public required string BerichtId { get; set; }
}

/// <summary>The BRP's latest facts about a person.</summary>
public sealed class BrpFeit
{
    public required string Bsn { get; init; }
    public string? Gemeente { get; set; }
    public bool AdresIsCoaLocatie { get; set; }
    public DateOnly? DatumVestiging { get; set; }
    public DateOnly? DatumVertrekBuitenland { get; set; }
    public DateOnly? DatumOverlijden { get; set; }
    public required string BerichtId { get; set; }
}

/// <summary>A received message id: the same id twice is accepted once.</summary>
public sealed class Bericht
{
    public required string BerichtId { get; init; }
    public required string Bron { get; init; }
    public long? ImportId { get; init; }
    public DateTimeOffset OntvangenOp { get; init; }
}
