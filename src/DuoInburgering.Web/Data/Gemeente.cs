namespace DuoInburgering.Web.Data;

/// <summary>A municipality by its CBS code (GM + 4 digits), from data/gemeenten.csv.</summary>
public sealed class Gemeente
{
    public required string Code { get; init; }
    public required string Naam { get; set; }
}
