using System.Security.Claims;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The server side of a session (table <c>sessie</c>): started at sign-in, its last activity kept, ended by
/// sign-out, 15 minutes of inactivity or the absolute lifetime. The cookie (<see cref="PibSessie"/>) and every
/// open circuit (<see cref="PibAuthenticatieStatus"/>) ask here whether the session still holds, so an end is
/// an end in every tab.
/// </summary>
public sealed class SessieRegister(IDbContextFactory<AppDbContext> dbFactory, TimeProvider klok, SessieOpties opties)
{
    /// <summary>The claim in the cookie that names the session record.</summary>
    public const string Claim = "pib_sessie";

    public static Guid? IdVan(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(Claim), out var id) ? id : null;

    /// <summary>A new session for this user; the id goes into the cookie.</summary>
    public async Task<Guid> BeginAsync(string gebruiker, CancellationToken ct = default)
    {
        var nu = klok.GetUtcNow();
        var sessie = new Sessie { Id = Guid.CreateVersion7(nu), Gebruiker = gebruiker, Begonnen = nu, LaatstGezien = nu };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Sessies.Add(sessie);
        await db.SaveChangesAsync(ct);
        return sessie.Id;
    }

    /// <summary>
    /// Whether the session still holds. A session past its idle time or its absolute lifetime is ended here,
    /// whoever asks first. <paramref name="activiteit"/>: the request counts as the user's activity, so the
    /// idle time starts again.
    /// </summary>
    public async Task<bool> ControleerAsync(Guid id, bool activiteit, CancellationToken ct = default)
    {
        var nu = klok.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessie = await db.Sessies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (sessie is null || sessie.Beeindigd is not null)
        {
            return false;
        }
        SessieEinde? einde = nu - sessie.LaatstGezien >= PibSessie.Duur ? SessieEinde.Inactief
            : nu - sessie.Begonnen >= opties.AbsoluteLevensduur ? SessieEinde.Levensduur
            : null;
        if (einde is { } reden)
        {
            await BeeindigAsync(db, id, reden, nu, ct);
            return false;
        }
        if (activiteit)
        {
            // Only while still open: a sign-out in another tab between the read and this write wins.
            return await db.Sessies.Where(s => s.Id == id && s.Beeindigd == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LaatstGezien, nu), ct) == 1;
        }
        return true;
    }

    /// <summary>Ends the session (sign-out); ending an ended session changes nothing.</summary>
    public async Task BeeindigAsync(Guid id, SessieEinde reden, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await BeeindigAsync(db, id, reden, klok.GetUtcNow(), ct);
    }

    private static Task<int> BeeindigAsync(AppDbContext db, Guid id, SessieEinde reden, DateTimeOffset nu, CancellationToken ct) =>
        db.Sessies.Where(s => s.Id == id && s.Beeindigd == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Beeindigd, nu).SetProperty(x => x.Einde, reden), ct);
}
