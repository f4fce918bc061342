using DuoInburgering.Web.Downloads;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>The signal lists (<see cref="SignaalKolommen"/>) as CSV.</summary>
internal sealed class SignaalCsv(Stream uit, IReadOnlyList<SignaalKolom> kolommen)
    : CsvUitvoer<SignaalRij>(uit, [.. kolommen.Select(k => k.Kop)], [.. kolommen.Select(k => k.Tekst)]);
