namespace DuoInburgering.Web.Data.Entities;

/// <summary>
/// How personal data left the portal to a user: recorded with every disclosure in the audit log (payload key
/// <c>kanaal</c>, <see cref="Security.Verstrekkingen"/>) and filtered on by the auditor's screens.
/// </summary>
public enum VerstrekkingKanaal
{
    Scherm,
    Zoeken,
    Download,
    Endpoint,
}
