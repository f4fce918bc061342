using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

using DuoInburgering.Web.Downloads;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>A page of the list with its count; <see cref="MeerDan"/> means "more than <see cref="Totaal"/>".</summary>
public sealed record SignalenUitkomst<T>(IReadOnlyList<T> Rijen, int Totaal, bool MeerDan);

/// <summary>
/// The signal list and the grouped view of one PIB environment for the signed-in municipal user.
/// Always inside a <see cref="GemeenteSessie"/>, and what is shown is recorded as a disclosure in the
/// same transaction (docs/domain.md "Privacy").
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
            ? Geteld(SignalenQuery.NaamPaginaAsync(db, g, f, naam, TelLimiet, ct))
            : PaginaAsync(SignalenQuery.Rijen(db, g, f, null).ToListAsync(ct), f, SignalenQuery.Telling(db, g, f, null, TelLimiet)),
            r => r.Bsn, ct);

    public Task<SignalenUitkomst<PersoonGroep>> ZoekPerPersoonAsync(PibGebruiker gebruiker, SignaalFilter filter, CancellationToken ct = default) =>
        VoerUitAsync(gebruiker, filter, $"signalen per persoon {filter.Regime}", async (db, g, f) =>
        {
            // A name nobody here has needs no signal query.
            var treffers = await SignalenQuery.TreffersAsync(db, g, f, ct);
            return treffers is { Count: 0 }
                ? new Gelezen<PersoonGroep>([], 0, null)
                : await PaginaAsync(SignalenQuery.PerPersoonAsync(db, g, f, treffers, ct), f,
                    SignalenQuery.PersonenTelling(db, g, f, treffers, TelLimiet));
        }, g => g.Bsn, ct);

    /// <summary>A page that came with its count (a name search counts while it searches).</summary>
    private static async Task<Gelezen<T>> Geteld<T>(Task<(List<T> Rijen, int Totaal)> pagina)
    {
        var (rijen, totaal) = await pagina;
        return new(rijen, totaal, null);
    }

    /// <summary>The page; the count up to the limit still to be made, unless a short first page is its own count.</summary>
    private static async Task<Gelezen<T>> PaginaAsync<T>(Task<List<T>> pagina, SignaalFilter f, IQueryable<int> telling)
    {
        var rijen = await pagina;
        return f.Pagina == 0 && rijen.Count < f.PaginaGrootte ? new(rijen, rijen.Count, null) : new(rijen, 0, telling);
    }

    private async Task<SignalenUitkomst<T>> VoerUitAsync<T>(PibGebruiker gebruiker, SignaalFilter filter, string omschrijving,
        Func<Data.AppDbContext, string, SignaalFilter, Task<Gelezen<T>>> laad,
        Func<T, string> bsn, CancellationToken ct)
    {
        SignaalFilterValidator.Instantie.ValidateAndThrow(filter);
        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        // The query cuts the page itself: the person is joined after the cut.
        var (rijen, totaal, telling) = await laad(sessie.Db, sessie.Gemeente.Waarde, filter);
        // The count, if still to be made, goes in the disclosure's round trip: recording the page costs no round trip of its own.
        var kanaal = string.IsNullOrWhiteSpace(filter.Zoekterm) ? VerstrekkingKanaal.Scherm : VerstrekkingKanaal.Zoeken;
        totaal = await Verstrekkingen.RegistreerEnTelAsync(sessie, kanaal, omschrijving, VerstrekkingenVastleggen ? rijen.Select(bsn) : [],
            klok.GetUtcNow(), telling, ct) ?? totaal;
        await sessie.CommitAsync(ct);
        return new SignalenUitkomst<T>(rijen, Math.Min(totaal, TelLimiet), totaal > TelLimiet);
    }

    /// <summary>A page as read, with its count or, when that is still to be made, what it counts.</summary>
    private sealed record Gelezen<T>(List<T> Rijen, int Totaal, IQueryable<int>? Telling);
}
