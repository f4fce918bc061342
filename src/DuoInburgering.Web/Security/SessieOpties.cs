using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Security;

/// <summary>
/// Configuration section Sessie. <c>Sessie__AbsoluteLevensduur</c> (default 10 hours) ends a session however
/// active its user is; <c>Sessie__Hercontrole</c> (default and at most 1 minute) is how often an open tab's
/// circuit asks whether its session still holds.
/// </summary>
public sealed class SessieOpties
{
    public const string Sectie = "Sessie";

    public static readonly TimeSpan MaximaleHercontrole = TimeSpan.FromMinutes(1);

    public TimeSpan AbsoluteLevensduur { get; set; } = TimeSpan.FromHours(10);

    public TimeSpan Hercontrole { get; set; } = MaximaleHercontrole;

    internal static SessieOpties Lees(IConfiguration configuratie)
    {
        var opties = configuratie.GetSection(Sectie).Get<SessieOpties>() ?? new SessieOpties();
        if (opties.AbsoluteLevensduur <= TimeSpan.Zero)
        {
            throw new PibConfigurationException("Sessie__AbsoluteLevensduur moet groter dan nul zijn (bijvoorbeeld 10:00:00).");
        }
        if (opties.Hercontrole <= TimeSpan.Zero || opties.Hercontrole > MaximaleHercontrole)
        {
            throw new PibConfigurationException("Sessie__Hercontrole moet tussen 0 en 00:01:00 liggen: een open tabblad merkt het einde van de sessie binnen een minuut.");
        }
        return opties;
    }
}
