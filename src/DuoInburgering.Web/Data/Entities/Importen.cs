using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Web.Data.Entities;

/// <summary>One bulk import of a file, or one batch of messages.</summary>
public sealed class ImportRun
{
    public long Id { get; init; }
    public required string Bron { get; init; }
    public required string Bestandsnaam { get; init; }
    public required string Sha256 { get; init; }
    public DateTimeOffset GestartOp { get; init; }

    /// <summary>Who started the import: the DUO user on the imports page, the CLI's <c>--door</c> or OS user; null before issue 17.</summary>
    public string? GestartDoor { get; init; }
    public DateTimeOffset? VoltooidOp { get; set; }
    public int AantalRijen { get; set; }
    public int AantalVerwerkt { get; set; }
    public int AantalAfgewezen { get; set; }
    public int AantalDubbel { get; set; }
}

/// <summary>A rejected row or message, with its line and the Dutch reason. Every good row is kept.</summary>
public sealed class Afwijzing
{
    public long Id { get; init; }
    public long? ImportId { get; init; }
    public required string Bron { get; init; }
    public int? Regel { get; init; }
    public string? BerichtId { get; init; }
    public required string Reden { get; init; }
    public required string Inhoud { get; init; }
    public DateTimeOffset OntvangenOp { get; init; }
}

/// <summary>A paused regime and doelgroep: facts are stored, persons wait as uitgesteld.</summary>
public sealed class Pauze
{
    public required Regime Regime { get; init; }
    public required Doelgroep Doelgroep { get; init; }
    public DateTimeOffset Sinds { get; init; }
    public required string Door { get; init; }
    public required string Reden { get; init; }
}

/// <summary>Every pause and resume: who, when, why.</summary>
public sealed class PauzeHistorie
{
    public long Id { get; init; }
    public required Regime Regime { get; init; }
    public required Doelgroep Doelgroep { get; init; }
    public required string Actie { get; init; }
    public DateTimeOffset Op { get; init; }
    public required string Door { get; init; }
    public required string Reden { get; init; }
    public int AantalVerwerkt { get; init; }
}
