using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

using DuoInburgering.Web.Downloads;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>
/// Mark signals handled, or open them again. <paramref name="Terugdraaien"/> makes it the undo of one
/// earlier action: only the signals that action changed (same user, same moment) are reopened, not
/// ones that were already handled before.
/// </summary>
public sealed record AfhandelOpdracht(Regime Regime, SignaalActie Actie, IReadOnlyCollection<long> Ids, DateTimeOffset? Terugdraaien = null);

/// <summary><see cref="Gewijzigd"/> counts the signals that really changed; ids of other municipalities or in the wrong state count nothing.</summary>
public sealed record AfhandelUitkomst(int Gewijzigd, DateTimeOffset Tijdstip, string? Fout = null);

/// <summary>
/// Handles or reopens signals in one municipal session; each signal changed is an audit entry (kind
/// SignaalAfgehandeld, the caseworker as actor, <c>actie</c> afhandelen, heropenen or ongedaan-maken) in the same transaction.
/// </summary>
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
        var regime = opdracht.Regime;
        var ids = opdracht.Ids.Distinct().ToArray();
        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        var signalen = sessie.Db.Signalen
            .Where(GemeenteToegang.MagSignaalZien(sessie.Gemeente.Waarde))
            .Where(s => s.Regime == regime && ids.Contains(s.Id));
        signalen = van == SignaalStatus.Open ? signalen.Where(s => s.AfgehandeldOp == null) : signalen.Where(s => s.AfgehandeldOp != null);
        if (opdracht.Terugdraaien is { } moment)
        {
            signalen = signalen.Where(s => s.AfgehandeldOp == moment && s.AfgehandeldDoor == gebruiker.Id);
        }

        // Lock the chosen rows first, so what is read for the audit log is exactly what the update changes, also
        // when a colleague handles the same signals at the same moment.
        await sessie.Db.Database.ExecuteSqlAsync(
            $"select 1 from signaal where id = any({ids}) and regime = {regime.ToString()} order by id for update", ct);
        var betrokken = await signalen.Select(s => new { s.Id, s.Bsn, s.Code, s.Regime, s.Datum, s.GemeenteCode }).ToListAsync(ct);
        var gewijzigd = naar == SignaalStatus.Afgehandeld
            ? await signalen.ExecuteUpdateAsync(s => s.SetProperty(x => x.AfgehandeldOp, nu).SetProperty(x => x.AfgehandeldDoor, gebruiker.Id), ct)
            : await signalen.ExecuteUpdateAsync(s => s.SetProperty(x => x.AfgehandeldOp, (DateTimeOffset?)null).SetProperty(x => x.AfgehandeldDoor, (string?)null), ct);
        if (gewijzigd != betrokken.Count)
        {
            throw new InvalidOperationException("De signalen veranderden onder de vergrendeling.");
        }

        var actie = opdracht.Terugdraaien is not null ? "ongedaan-maken" : opdracht.Actie == SignaalActie.Afhandelen ? "afhandelen" : "heropenen";
        await sessie.Auditlog.SchrijfAsync(sessie.Db, betrokken.Select(x =>
        {
            var gegevens = Verwerkingsaudit.SignaalGegevens(x.Code.ToString(), x.Regime.ToString(), x.Datum, x.Id);
            gegevens["actie"] = actie;
            return new AuditRegel(AuditSoort.SignaalAfgehandeld, Verwerkingsactiviteiten.SignaalAfhandelen, gebruiker.Id)
            {
                Bsn = x.Bsn, Rol = gebruiker.Rol.ToString(), GemeenteCode = x.GemeenteCode, Tijdstip = nu, Gegevens = gegevens,
            };
        }), ct);
        await sessie.CommitAsync(ct);
        return new AfhandelUitkomst(gewijzigd, nu);
    }
}
