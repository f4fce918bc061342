namespace DuoInburgering.Web.Audit;

/// <summary>What kind of processing an audit entry records (stored by name in <c>audit.regel.soort</c>).</summary>
public enum AuditSoort
{
    /// <summary>A fact message from IND, COA, BRP or a municipality was received and stored.</summary>
    FeitOntvangen,

    /// <summary>A person's regime, municipality or state was derived (rule-set version and explanation in the payload).</summary>
    Bepaling,

    SignaalVerzonden,
    SignaalIngetrokken,
    SignaalAfgehandeld,

    /// <summary>An action by DUO staff: pause, resume, correction, approval, release.</summary>
    DuoActie,

    /// <summary>Personal data shown to or downloaded by a user (screen, search, download, endpoint).</summary>
    Verstrekking,
}

public static class AuditSoortNamen
{
    /// <summary>The Dutch name on the auditor's screens.</summary>
    public static string Naam(this AuditSoort soort) => soort switch
    {
        AuditSoort.FeitOntvangen => "Feit ontvangen",
        AuditSoort.Bepaling => "Bepaling",
        AuditSoort.SignaalVerzonden => "Signaal verzonden",
        AuditSoort.SignaalIngetrokken => "Signaal ingetrokken",
        AuditSoort.SignaalAfgehandeld => "Signaal afgehandeld",
        AuditSoort.DuoActie => "DUO-actie",
        AuditSoort.Verstrekking => "Verstrekking",
        _ => soort.ToString(),
    };
}

/// <summary>
/// The processing activities of the register of processing activities (AVG art. 30) that the audit log
/// refers to (Logboek Dataverwerkingen: <c>dpl.core.processing_activity_id</c>). Short stable names, so a
/// report can group on them; a new producer adds its own here.
/// </summary>
public static class Verwerkingsactiviteiten
{
    public const string FeitOntvangen = "feit-ontvangen";
    public const string RegimeBepalen = "regime-bepalen";
    public const string SignaalVersturen = "signaal-versturen";
    public const string SignaalIntrekken = "signaal-intrekken";
    public const string SignaalAfhandelen = "signaal-afhandelen";
    public const string BepalingPauzeren = "bepaling-pauzeren";
    public const string BepalingHervatten = "bepaling-hervatten";
    public const string Correctie = "correctie";
    public const string RegelsetWijzigen = "regelset-wijzigen";
    public const string CorrectieVoorstellen = "correctie-voorstellen";
    public const string CorrectieGoedkeuren = "correctie-goedkeuren";
    public const string CorrectieAfwijzen = "correctie-afwijzen";
    public const string GroepVrijgeven = "groep-vrijgeven";
    public const string KeuzeRegistreren = "keuze-registreren";
    public const string ImportStarten = "import-starten";
    public const string VerstrekkingGemeente = "verstrekking-gemeente";
    public const string InzageDuo = "inzage-duo";
    public const string InzageAudit = "inzage-audit";
}

/// <summary>
/// One entry to write to the audit log, about at most one person. Time, trace and span are filled in by
/// <see cref="Auditlog"/>. An event about many persons is one entry per person:
/// <c>regel.VoorBetrokkenen(bsns)</c>.
/// </summary>
/// <param name="Actor">Who did it: the user's id, "systeem", or the source ("IND").</param>
public sealed record AuditRegel(AuditSoort Soort, string Verwerkingsactiviteit, string Actor)
{
    /// <summary>The data subject; stored only as its keyed hash (<see cref="Auditlog.Pseudoniem"/>).</summary>
    public string? Bsn { get; init; }

    /// <summary>Gemeente, Duo, Auditor, Systeem or Bron.</summary>
    public string? Rol { get; init; }

    /// <summary>The municipality concerned: the receiving one for a disclosure or signal.</summary>
    public string? GemeenteCode { get; init; }

    /// <summary>
    /// A few facts about the event (rule-set version, explanation, signal code, channel, …), stored as a JSON
    /// object. Never a name, never a BSN: a 9-digit number that passes the elfproef is masked when written.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Gegevens { get; init; }

    /// <summary>When it happened; default the <see cref="Auditlog"/>'s clock at the moment of writing.</summary>
    public DateTimeOffset? Tijdstip { get; init; }

    /// <summary>This event once for every person concerned (duplicates kept once).</summary>
    public IEnumerable<AuditRegel> VoorBetrokkenen(IEnumerable<string> bsns) =>
        bsns.Distinct(StringComparer.Ordinal).Select(bsn => this with { Bsn = bsn });
}
