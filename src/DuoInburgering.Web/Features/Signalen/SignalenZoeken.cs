using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>A page of the list with its count; <see cref="MeerDan"/> means "more than <see cref="Totaal"/>".</summary>
public sealed record SignalenUitkomst<T>(IReadOnlyList<T> Rijen, int Totaal, bool MeerDan);

/// <summary>
/// The signal list and the grouped view of one PIB environment for the signed-in municipal user.
/// Always inside a <see cref="GemeenteSessie"/>, and what is shown is recorded as a disclosure in the
/// same transaction (DOMAIN.md "Privacy").
/// </summary>
public sealed class SignalenZoeken(GemeenteSessies sessies, TimeProvider klok)
{
    /// <summary>Counts stop here; the screen says "meer dan 10.000" and paging stops with it.</summary>
    public const int TelLimiet = 10_000;

    public Task<SignalenUitkomst<SignaalRij>> ZoekAsync(PibGebruiker gebruiker, SignaalFilter filter, CancellationToken ct = default) =>
        VoerUitAsync(gebruiker, filter, $"signalenlijst {filter.Regime}", (db, g, f, t) => SignalenQuery.Rijen(db, g, f, t),
            (db, g, f, t) => SignalenQuery.TelAsync(db, g, f, t, TelLimiet, ct), r => r.Bsn, ct);

    public Task<SignalenUitkomst<PersoonGroep>> ZoekPerPersoonAsync(PibGebruiker gebruiker, SignaalFilter filter, CancellationToken ct = default) =>
        VoerUitAsync(gebruiker, filter, $"signalen per persoon {filter.Regime}", SignalenQuery.PerPersoon,
            (db, g, f, t) => SignalenQuery.TelPersonenAsync(db, g, f, t, TelLimiet, ct), g => g.Bsn, ct);

    private async Task<SignalenUitkomst<T>> VoerUitAsync<T>(PibGebruiker gebruiker, SignaalFilter filter, string omschrijving,
        Func<Data.AppDbContext, string, SignaalFilter, IReadOnlyCollection<string>?, IQueryable<T>> query,
        Func<Data.AppDbContext, string, SignaalFilter, IReadOnlyCollection<string>?, Task<int>> tel,
        Func<T, string> bsn, CancellationToken ct)
    {
        SignaalFilterValidator.Instantie.ValidateAndThrow(filter);
        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        var treffers = await SignalenQuery.TreffersAsync(sessie.Db, sessie.GemeenteCode, filter, ct);
        // The query cuts the page itself: the person is joined after the cut. A name nobody here has needs no signal query.
        var rijen = treffers is { Count: 0 } ? [] : await query(sessie.Db, sessie.GemeenteCode, filter, treffers).ToListAsync(ct);
        // A short first page is its own count; otherwise count, up to the limit.
        var totaal = filter.Pagina == 0 && rijen.Count < filter.PaginaGrootte
            ? rijen.Count
            : await tel(sessie.Db, sessie.GemeenteCode, filter, treffers);
        var kanaal = string.IsNullOrWhiteSpace(filter.Zoekterm) ? VerstrekkingKanaal.Scherm : VerstrekkingKanaal.Zoeken;
        await Verstrekkingen.RegistreerAsync(sessie, kanaal, omschrijving, rijen.Select(bsn), klok.GetUtcNow(), ct);
        await sessie.CommitAsync(ct);
        return new SignalenUitkomst<T>(rijen, Math.Min(totaal, TelLimiet), totaal > TelLimiet);
    }
}
