using System.Collections.Frozen;

namespace DuoInburgering.Domain.Signalen;

/// <summary>Dutch names of the signals, as in docs/domain.md "Signal catalogue".</summary>
public static class SignaalCatalogus
{
    private static readonly FrozenDictionary<SignaalCode, string> Namen = new Dictionary<SignaalCode, string>
    {
        [SignaalCode.SS101] = "Persoon is inburgeringsplichtig",
        [SignaalCode.SS102] = "Inburgeringstermijn gestart",
        [SignaalCode.SS106] = "Diploma behaald",
        [SignaalCode.SS107] = "Gehele vrijstelling toegekend",
        [SignaalCode.SS108] = "Gehele ontheffing toegekend",
        [SignaalCode.SS110] = "Inburgeringsplicht ingetrokken",
        [SignaalCode.SS111] = "Persoon is overleden",
        [SignaalCode.SS120] = "In gemeente gevestigd zonder PIP",
        [SignaalCode.SS121] = "In gemeente gevestigd met PIP vorige gemeente",
        [SignaalCode.SS122] = "Vertrokken naar andere gemeente",
        [SignaalCode.SS123] = "Vertrokken uit Nederland",
        [SignaalCode.SS124] = "Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd",
        [SignaalCode.SS125] = "Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd",
        [SignaalCode.SS126] = "Geen leerroute na 10 weken",
        [SignaalCode.SS127] = "Nog geen inburgeringsaanbod ontvangen",
        [SignaalCode.SS128] = "Inburgeringsplichtig, bereikt AOW-leeftijd binnen 6 maanden",
        [SignaalCode.SS139] = "Inburgeringsplichtig, termijn 10 weken leerroute gestart",
        [SignaalCode.SS190] = "Correctie: persoon is inburgeringsplichtig onder de Wi2013",
    }.ToFrozenDictionary();

    public static string Naam(SignaalCode code) =>
        Namen.TryGetValue(code, out string? naam) ? naam : code.ToString();

    public static IReadOnlyDictionary<SignaalCode, string> Alle => Namen;

    /// <summary>SS190 must not be deletable by municipalities (docs/domain.md "Corrections").</summary>
    public static bool IsVerwijderbaarDoorGemeente(SignaalCode code) => code != SignaalCode.SS190;
}
