using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;

namespace DuoInburgering.Web.Data;

/// <summary>
/// The one place where a stored text column becomes a domain value. The database keeps enum names as text
/// (readable in SQL); EF maps them on the entities, and every raw SQL reader converts here, so a wrong
/// value fails loudly in one place instead of being parsed differently in many.
/// </summary>
public static class Kolomwaarden
{
    // The three read for every person on the bulk paths: a switch, no reflection.
    public static Regime Regime(string waarde) => waarde switch
    {
        "Wi2021" => Domain.Regimes.Regime.Wi2021,
        "Wi2013" => Domain.Regimes.Regime.Wi2013,
        "Wi2007" => Domain.Regimes.Regime.Wi2007,
        _ => Naam<Regime>(waarde),
    };

    public static RegimeUitkomst Uitkomst(string waarde) => waarde switch
    {
        "Wi2021" => RegimeUitkomst.Wi2021,
        "Wi2013" => RegimeUitkomst.Wi2013,
        "Wi2007" => RegimeUitkomst.Wi2007,
        "Geen" => RegimeUitkomst.Geen,
        "Onbepaald" => RegimeUitkomst.Onbepaald,
        _ => Naam<RegimeUitkomst>(waarde),
    };

    public static Doelgroep Doelgroep(string waarde) => waarde switch
    {
        "Asielstatushouder" => Domain.Regimes.Doelgroep.Asielstatushouder,
        "Gezinsmigrant" => Domain.Regimes.Doelgroep.Gezinsmigrant,
        "OverigeMigrant" => Domain.Regimes.Doelgroep.OverigeMigrant,
        _ => Naam<Doelgroep>(waarde),
    };

    /// <summary>A nullable doelgroep column (null for SS190 and for undecided persons).</summary>
    public static Doelgroep? OptioneleDoelgroep(string? waarde) => waarde is null ? null : Doelgroep(waarde);

    public static SignaalCode SignaalCode(string waarde) => Naam<SignaalCode>(waarde);
    public static Verwerkingsstatus Status(string waarde) => Naam<Verwerkingsstatus>(waarde);
    public static CorrectieActie CorrectieActie(string waarde) => Naam<CorrectieActie>(waarde);
    public static KeuzeSoort KeuzeSoort(string waarde) => Naam<KeuzeSoort>(waarde);
    public static KoppelingBron KoppelingBron(string waarde) => Naam<KoppelingBron>(waarde);
    public static Leerroute Leerroute(string waarde) => Naam<Leerroute>(waarde);

    /// <summary>A stored enum name, read back; anything else is a broken row, not user input.</summary>
    public static T Naam<T>(string waarde) where T : struct, Enum => Enum.Parse<T>(waarde);

    /// <summary>The same for a nullable column: null (or DBNull) stays null.</summary>
    public static T? Optioneel<T>(object? waarde) where T : struct, Enum =>
        waarde is string s ? Enum.Parse<T>(s) : null;

    /// <summary>
    /// Text from outside (a URL, an older row, a CLI argument) that may or may not name a member: the exact,
    /// case-sensitive name of a defined member, never a number.
    /// </summary>
    public static T? Herken<T>(string? waarde, bool hoofdletterOngevoelig = false) where T : struct, Enum =>
        !string.IsNullOrEmpty(waarde) && !char.IsDigit(waarde[0])
        && Enum.TryParse<T>(waarde, hoofdletterOngevoelig, out var e) && Enum.IsDefined(e)
            ? e
            : null;

    /// <summary>A value as its column holds it (for rows and files that show the stored text).</summary>
    public static string Tekst<T>(T waarde) where T : struct, Enum => waarde.ToString();
    public static string? Tekst<T>(T? waarde) where T : struct, Enum => waarde?.ToString();

    /// <summary>Signal code as stored, or the text itself when it names no code this system makes (shown as is).</summary>
    public static string SignaalNaam(string code) =>
        Herken<SignaalCode>(code) is { } c ? SignaalCatalogus.Naam(c) : code;
}
