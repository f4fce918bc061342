namespace DuoInburgering.Web.Security;

/// <summary>Authorization policy names: one per role, each also requiring a valid <see cref="PibGebruiker"/>.</summary>
public static class PibBeleid
{
    public const string Gemeente = "Gemeente";
    public const string Duo = "Duo";
    public const string Auditor = "Auditor";
}
