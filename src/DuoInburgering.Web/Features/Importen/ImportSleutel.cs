using System.Globalization;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Infrastructure;

namespace DuoInburgering.Web.Features.Importen;

/// <summary>
/// What the imports page lists: a file import (a row of import_run), or the messages one source sent one
/// by one through POST /api/feiten on one Dutch calendar day. Those messages are not grouped when they
/// arrive (bericht and afwijzing have no import_id for them), so their "batch" is the source and the day.
/// </summary>
public abstract record ImportSleutel(FeitBron Bron)
{
    /// <summary>The detail page.</summary>
    public abstract string Pad { get; }

    /// <summary>The rejects as CSV.</summary>
    public string CsvPad => Pad + "/afwijzingen.csv";

    public sealed record Run(long Id, FeitBron Bron) : ImportSleutel(Bron)
    {
        public override string Pad => $"/duo/importen/{Id.ToString(CultureInfo.InvariantCulture)}";
    }

    public sealed record Berichten(FeitBron Bron, DateOnly Dag) : ImportSleutel(Bron)
    {
        public override string Pad => $"/duo/importen/berichten/{Bron.Naam()}/{Dag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

        /// <summary>The day as a half-open UTC range, so the query can use the index on ontvangen_op.</summary>
        public (DateTimeOffset Van, DateTimeOffset Tot) Bereik() =>
            (Middernacht(Dag), Middernacht(Dag.AddDays(1)));

        private static DateTimeOffset Middernacht(DateOnly dag) =>
            new(TimeZoneInfo.ConvertTimeToUtc(dag.ToDateTime(TimeOnly.MinValue), PibVandaag.Amsterdam), TimeSpan.Zero);

        /// <summary>The route's parts, or null when they name no source or no date (the page answers 404).</summary>
        public static Berichten? Lees(string? bron, string? dag) =>
            bron is not null && bron.All(char.IsAsciiLetterLower) && FeitBronTekst.TryParse(bron, out var b)
            && DateOnly.TryParseExact(dag, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new Berichten(b, d)
                : null;
    }
}

/// <summary>
/// One line of the imports page. <paramref name="Dubbel"/> is null for single messages: a repeated
/// message id is answered "dubbel" but not stored, so it cannot be counted afterwards.
/// </summary>
/// <param name="Naam">The file name of an import; null for single messages.</param>
/// <param name="Moment">Start of the import, or the last message of the day.</param>
public sealed record ImportRegel(ImportSleutel Sleutel, string? Naam, DateTimeOffset Moment, int Rijen, int Verwerkt, int Afgewezen, int? Dubbel, string? Door = null)
{
    /// <summary>Who started it as the pages show it: a file import's starter (import_run.gestart_door), a source for single messages.</summary>
    public string GestartDoor => Sleutel is ImportSleutel.Berichten b ? b.Bron.Code() : Door ?? "– (niet vastgelegd)";

    public string Omschrijving => Sleutel switch
    {
        ImportSleutel.Run r => $"Import {r.Id.ToString(CultureInfo.InvariantCulture)}: {Naam}",
        ImportSleutel.Berichten b => $"Berichten {b.Bron.Code()} van {Components.Weergave.Datum(b.Dag)}",
        _ => "",
    };

    public string Soort => Sleutel is ImportSleutel.Run ? "Bestand" : "Losse berichten";
}

/// <summary>A rejected line or message as the detail page and the CSV show it.</summary>
public sealed record AfwijzingRegel(int? Regel, string? BerichtId, string Reden, string Inhoud, DateTimeOffset OntvangenOp);

/// <summary>One page of a list and the total it is part of.</summary>
public sealed record Pagina<T>(IReadOnlyList<T> Rijen, int Totaal);
