using DuoInburgering.Web.Security;

namespace DuoInburgering.Web.Components.Sessie;

public enum SessieFase
{
    Actief,
    Waarschuwing,
    Verlopen,
}

/// <summary>
/// The idle clock of one signed-in browser tab: 15 minutes after the last activity the session ends, with
/// a warning 2 minutes before (WCAG 2.2.1 Timing Adjustable). On the injected TimeProvider, so tests move time.
/// </summary>
public sealed class SessieKlok(TimeProvider tijd)
{
    private DateTimeOffset _laatsteActiviteit = tijd.GetUtcNow();

    public void Activiteit() => _laatsteActiviteit = tijd.GetUtcNow();

    public TimeSpan Resterend
    {
        get
        {
            var rest = _laatsteActiviteit + PibSessie.Duur - tijd.GetUtcNow();
            return rest > TimeSpan.Zero ? rest : TimeSpan.Zero;
        }
    }

    public SessieFase Fase => Resterend switch
    {
        { Ticks: 0 } => SessieFase.Verlopen,
        var r when r <= PibSessie.Waarschuwing => SessieFase.Waarschuwing,
        _ => SessieFase.Actief,
    };

    /// <summary>"1 minuut en 5 seconden": spelled out, as a screen reader reads it best.</summary>
    public static string Tekst(TimeSpan rest)
    {
        var seconden = (int)Math.Ceiling(rest.TotalSeconds);
        var (m, s) = (seconden / 60, seconden % 60);
        var minuten = m == 1 ? "1 minuut" : $"{m} minuten";
        var sec = s == 1 ? "1 seconde" : $"{s} seconden";
        return (m, s) switch
        {
            (0, _) => sec,
            (_, 0) => minuten,
            _ => $"{minuten} en {sec}",
        };
    }
}
