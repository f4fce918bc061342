using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Pip;

/// <summary>A PIP a municipality wants to register (fields as in DUO's M2M PIP API, schema PIP).</summary>
public sealed record PipAanvraag(
    DateOnly Dagtekening,
    Leerroute Leerroute,
    PipNiveau? Niveau = null,
    int? GeschatteIntensiteitB1Route = null);

/// <summary>What DUO already knows about the person when a PIP comes in.</summary>
/// <param name="Uitkomst">Current regime outcome; a PIP exists only under Wi2021.</param>
/// <param name="StartInburgeringsplicht">Start of the obligation (regime decision's startdatum).</param>
/// <param name="DatumVestigingGemeente">Date the person settled in the submitting municipality.</param>
/// <param name="DagtekeningInitielePip">Dagtekening of the first PIP ever (any municipality); null = this is the first PIP.</param>
/// <param name="DagtekeningActuelePip">Dagtekening of the current PIP, if any.</param>
public sealed record PipContext(
    RegimeUitkomst Uitkomst,
    Doelgroep? Doelgroep,
    DateOnly? StartInburgeringsplicht,
    DateOnly? DatumVestigingGemeente,
    DateOnly? DagtekeningInitielePip,
    DateOnly? DagtekeningActuelePip);

/// <summary>One rejected field with a Dutch message (M2M: Foutmelding.fouttekst, max 200 characters).</summary>
public sealed record PipFout(string Veld, string Melding);
