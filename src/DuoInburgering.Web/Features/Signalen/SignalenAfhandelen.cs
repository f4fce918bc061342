using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>
/// Mark signals handled, or open them again. <paramref name="Terugdraaien"/> makes it the undo of one
/// earlier action: only the signals that action changed (same user, same moment) are reopened, not
/// ones that were already handled before.
/// </summary>
public sealed record AfhandelOpdracht(Regime Regime, SignaalActie Actie, IReadOnlyCollection<long> Ids, DateTimeOffset? Terugdraaien = null);

/// <summary><see cref="Gewijzigd"/> counts the signals that really changed; ids of other municipalities or in the wrong state count nothing.</summary>
public sealed record AfhandelUitkomst(int Gewijzigd, DateTimeOffset Tijdstip, string? Fout = null);

public sealed class SignalenAfhandelen(GemeenteSessies sessies, TimeProvider klok)
{
    /// <summary>A selection is at most a few pages; a larger one is a mistake, not a task.</summary>
    public const int MaxPerKeer = 1_000;

    public async Task<AfhandelUitkomst> VoerUitAsync(PibGebruiker gebruiker, AfhandelOpdracht opdracht, CancellationToken ct = default)
    {
        // PostgreSQL keeps microseconds: truncate, so an undo finds this exact moment back.
        var nu = klok.GetUtcNow();
        nu = nu.AddTicks(-(nu.Ticks % TimeSpan.TicksPerMicrosecond));
        if (SignaalAfhandeling.Weigering(opdracht.Regime) is { } weigering)
        {
            return new AfhandelUitkomst(0, nu, weigering);
        }
        if (opdracht.Ids.Count > MaxPerKeer)
        {
            return new AfhandelUitkomst(0, nu, $"Kies hoogstens {SignaalFilter.Aantal(MaxPerKeer)} signalen tegelijk.");
        }
        if (opdracht.Ids.Count == 0)
        {
            return new AfhandelUitkomst(0, nu);
        }

        var (van, naar) = SignaalAfhandeling.Overgang(opdracht.Actie);
        var regime = opdracht.Regime.ToString();
        var ids = opdracht.Ids.Distinct().ToArray();
        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        var signalen = sessie.Db.Signalen
            .Where(GemeenteToegang.MagSignaalZien(sessie.GemeenteCode))
            .Where(s => s.Regime == regime && ids.Contains(s.Id));
        signalen = van == SignaalStatus.Open ? signalen.Where(s => s.AfgehandeldOp == null) : signalen.Where(s => s.AfgehandeldOp != null);
        if (opdracht.Terugdraaien is { } moment)
        {
            signalen = signalen.Where(s => s.AfgehandeldOp == moment && s.AfgehandeldDoor == gebruiker.Id);
        }

        var gewijzigd = naar == SignaalStatus.Afgehandeld
            ? await signalen.ExecuteUpdateAsync(s => s.SetProperty(x => x.AfgehandeldOp, nu).SetProperty(x => x.AfgehandeldDoor, gebruiker.Id), ct)
            : await signalen.ExecuteUpdateAsync(s => s.SetProperty(x => x.AfgehandeldOp, (DateTimeOffset?)null).SetProperty(x => x.AfgehandeldDoor, (string?)null), ct);
        await sessie.CommitAsync(ct);
        return new AfhandelUitkomst(gewijzigd, nu);
    }
}
