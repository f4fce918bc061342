namespace DuoInburgering.Web.Data.Entities;

/// <summary>How personal data left the portal to a user.</summary>
public enum VerstrekkingKanaal
{
    Scherm,
    Zoeken,
    Download,
    Endpoint,
}

/// <summary>
/// One disclosure: which user of which municipality received which BSNs, through which screen,
/// search, download or endpoint, and when. Written by <see cref="Security.Verstrekkingen"/> only,
/// in the same transaction as the read it records.
/// </summary>
public sealed class Verstrekking
{
    public long Id { get; init; }
    public DateTimeOffset Tijdstip { get; init; }
    public required string GebruikerId { get; init; }
    public required string Rol { get; init; }
    public string? GemeenteCode { get; init; }
    public VerstrekkingKanaal Kanaal { get; init; }

    /// <summary>What was shown, e.g. "signalenlijst Wi2021" or "download csv"; never a BSN or a name.</summary>
    public required string Omschrijving { get; init; }

    public required string[] Bsns { get; init; }
    public string? TraceId { get; init; }
}
