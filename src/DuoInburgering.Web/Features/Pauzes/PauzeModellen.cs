using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Web.Features.Pauzes;

/// <summary>A paused regime and doelgroep, with the number of persons waiting in it as uitgesteld.</summary>
public sealed record PauzeOverzichtRegel(Regime Regime, Doelgroep Doelgroep, DateTimeOffset Sinds, string Door, string Reden, int Wachtend);

/// <summary>One regime and doelgroep as DUO staff see it: its pause (null when running) and the persons waiting in it.</summary>
public sealed record PauzeStand(Regime Regime, Doelgroep Doelgroep, PauzeOverzichtRegel? Pauze, int Wachtend)
{
    public bool Gepauzeerd => Pauze is not null;
}

/// <summary>One pause or resume as recorded in pauze_historie.</summary>
public sealed record PauzeHistorieRegel(
    Regime Regime, Doelgroep Doelgroep, string Actie, DateTimeOffset Op, string Door, string Reden, int AantalVerwerkt);

/// <summary>
/// What a resume processed. <paramref name="NogUitgesteld"/> counts persons whose re-derivation put
/// them in another group that is still paused: they were processed and keep waiting there.
/// </summary>
public readonly record struct HervatResultaat(int Verwerkt, int Signalen, int NogUitgesteld);

/// <summary>A pause or resume that cannot be done as asked; the message is Dutch and meant for DUO staff.</summary>
public sealed class PauzeException(string message) : Exception(message);
