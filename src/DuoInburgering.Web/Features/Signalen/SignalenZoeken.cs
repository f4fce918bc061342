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

    /// <summary>
    /// Only the signal benchmark turns this off, to measure what recording the disclosure adds to the list
    /// page's server time (issue 6: under 10%). Internal and not configurable: the portal always records.
    /// </summary>
    internal bool VerstrekkingenVastleggen { get; init; } = true;

    public Task<SignalenUitkomst<SignaalRij>> ZoekAsync(PibGebruiker gebruiker, SignaalFilter filter, CancellationToken ct = default) =>
        VoerUitAsync(gebruiker, filter, $"signalenlijst {filter.Regime}", (db, g, f) => f.ZoekNaam is { } naam
            ? SignalenQuery.NaamPaginaAsync(db, g, f, naam, TelLimiet, ct)
            : PaginaDanTotaalAsync(SignalenQuery.Rijen(db, g, f, null), f, () => SignalenQuery.TelAsync(db, g, f, null, TelLimiet, ct), ct),
            r => r.Bsn, ct);

    public Task<SignalenUitkomst<PersoonGroep>> ZoekPerPersoonAsync(PibGebruiker gebruiker, SignaalFilter filter, CancellationToken ct = default) =>
        VoerUitAsync(gebruiker, filter, $"signalen per persoon {filter.Regime}", async (db, g, f) =>
        {
            // A name nobody here has needs no signal query.
            var treffers = await SignalenQuery.TreffersAsync(db, g, f, ct);
            return treffers is { Count: 0 }
                ? ([], 0)
                : await PaginaDanTotaalAsync(SignalenQuery.PerPersoon(db, g, f, treffers), f,
                    () => SignalenQuery.TelPersonenAsync(db, g, f, treffers, TelLimiet, ct), ct);
        }, g => g.Bsn, ct);

    /// <summary>The page, then the count up to the limit unless a short first page is its own count.</summary>
    private static async Task<(List<T> Rijen, int Totaal)> PaginaDanTotaalAsync<T>(IQueryable<T> pagina, SignaalFilter f, Func<Task<int>> tel,
        CancellationToken ct)
    {
        var rijen = await pagina.ToListAsync(ct);
        return (rijen, f.Pagina == 0 && rijen.Count < f.PaginaGrootte ? rijen.Count : await tel());
    }

    private async Task<SignalenUitkomst<T>> VoerUitAsync<T>(PibGebruiker gebruiker, SignaalFilter filter, string omschrijving,
        Func<Data.AppDbContext, string, SignaalFilter, Task<(List<T> Rijen, int Totaal)>> laad,
        Func<T, string> bsn, CancellationToken ct)
    {
        SignaalFilterValidator.Instantie.ValidateAndThrow(filter);
        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        // The query cuts the page itself: the person is joined after the cut.
        var (rijen, totaal) = await laad(sessie.Db, sessie.GemeenteCode, filter);
        if (VerstrekkingenVastleggen)
        {
            var kanaal = string.IsNullOrWhiteSpace(filter.Zoekterm) ? VerstrekkingKanaal.Scherm : VerstrekkingKanaal.Zoeken;
            await Verstrekkingen.RegistreerAsync(sessie, kanaal, omschrijving, rijen.Select(bsn), klok.GetUtcNow(), ct);
        }
        await sessie.CommitAsync(ct);
        return new SignalenUitkomst<T>(rijen, Math.Min(totaal, TelLimiet), totaal > TelLimiet);
    }
}
