namespace DuoInburgering.Web.Audit;

/// <summary>
/// The audit entry of an action by DUO staff (correction, rule-set switch, single-person correction, release,
/// choice): the user's name as actor, role Duo, and a payload with at least <c>actie</c> and <c>reden</c> plus the
/// ids that tie it to its record (<c>correctie_id</c>, <c>persoonscorrectie_id</c>, …). About a person: one entry
/// each, <c>regel.VoorBetrokkenen(bsns)</c>, or <c>regel with { Bsn = bsn }</c>.
/// </summary>
public static class DuoActies
{
    public const string Rol = nameof(Data.Rol.Duo);

    /// <param name="meer">Further payload: ids and facts of the action, never a name or a BSN.</param>
    public static AuditRegel Regel(string activiteit, string door, string actie, string? reden, DateTimeOffset tijdstip,
        params (string Sleutel, string? Waarde)[] meer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(door);
        ArgumentNullException.ThrowIfNull(meer);
        var gegevens = new Dictionary<string, string?>(2 + meer.Length, StringComparer.Ordinal)
        {
            ["actie"] = actie,
            ["reden"] = reden?.Trim(),
        };
        foreach (var (sleutel, waarde) in meer)
        {
            gegevens[sleutel] = waarde;
        }
        return new AuditRegel(AuditSoort.DuoActie, activiteit, door.Trim()) { Rol = Rol, Tijdstip = tijdstip, Gegevens = gegevens };
    }
}
