using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Start;

public sealed record CodeTelling(string Code, string Naam, int Open, int Totaal);

/// <summary>The signals of one PIB environment, per code.</summary>
public sealed record OmgevingTelling(Regime Regime, IReadOnlyList<CodeTelling> Codes)
{
    public int Open => Codes.Sum(c => c.Open);
    public int Totaal => Codes.Sum(c => c.Totaal);
}

/// <summary>Signals that arrived per ISO week (label "2026-W47"), one series per environment.</summary>
public sealed record Aankomsten(IReadOnlyList<string> Weken, IReadOnlyList<AankomstReeks> Reeksen);

public sealed record AankomstReeks(Regime Regime, IReadOnlyList<int> Aantallen);

/// <summary>A person whose 10-week term to set the leerroute ends on <paramref name="Einde"/> (SS126 is due then).</summary>
public sealed record TermijnRegel(string Bsn, string Naam, DateOnly TermijnStart, DateOnly Einde, int DagenOver);

public sealed record StartGegevens(
    string GemeenteNaam, DateOnly Vandaag, IReadOnlyList<OmgevingTelling> Omgevingen, Aankomsten Aankomsten, IReadOnlyList<TermijnRegel> Termijnen);

/// <summary>
/// The municipality's start page (issue 4 item 3): counts per signal code, arrivals per week and the
/// persons whose leerroute term ends soonest. One <see cref="GemeenteSessie"/>, the access rules stated
/// in every query, and the BSNs of the term list recorded as a disclosure in the same transaction.
/// </summary>
public sealed class StartOverzicht(GemeenteSessies sessies, TimeProvider klok, DeadlineOpties deadlines)
{
    public const int Weken = 12;
    public const int AantalTermijnen = 10;

    public async Task<StartGegevens> LaadAsync(PibGebruiker gebruiker, CancellationToken ct = default)
    {
        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        var g = sessie.Gemeente.Waarde;
        var vandaag = sessie.Vandaag;
        var signalen = sessie.Db.Signalen.AsNoTracking().Where(GemeenteToegang.MagSignaalZien(g));

        var tellingen = await signalen
            .GroupBy(s => new { s.Regime, s.Code })
            .Select(x => new { x.Key.Regime, x.Key.Code, Totaal = x.Count(), Open = x.Count(s => s.AfgehandeldOp == null) })
            .ToListAsync(ct);

        var eersteMaandag = Maandag(vandaag).AddDays(-7 * (Weken - 1));
        var perDag = await signalen
            .Where(s => s.Datum >= eersteMaandag && s.Datum <= vandaag)
            .GroupBy(s => new { s.Regime, s.Datum })
            .Select(x => new { x.Key.Regime, x.Key.Datum, Aantal = x.Count() })
            .ToListAsync(ct);

        var termijnen = await Termijnen(sessie, g, vandaag, ct);
        var naam = await sessie.Db.Gemeenten.Where(x => x.Code == g).Select(x => x.Naam).SingleOrDefaultAsync(ct) ?? g;

        await Verstrekkingen.RegistreerAsync(sessie, VerstrekkingKanaal.Scherm, "startpagina gemeente: termijn leerroute",
            termijnen.Select(t => t.Bsn), klok.GetUtcNow(), ct);
        await sessie.CommitAsync(ct);

        var omgevingen = Enum.GetValues<Regime>().OrderByDescending(r => r)
            .Select(r => new OmgevingTelling(r, [.. tellingen.Where(t => t.Regime == r)
                .OrderBy(t => t.Code.ToString(), StringComparer.Ordinal)
                .Select(t => new CodeTelling(t.Code.ToString(), SignaalCatalogus.Naam(t.Code), t.Open, t.Totaal))]))
            .ToList();
        var weken = Enumerable.Range(0, Weken).Select(i => eersteMaandag.AddDays(7 * i)).ToList();
        var reeksen = omgevingen.Where(o => o.Totaal > 0)
            .Select(o => new AankomstReeks(o.Regime, [.. weken.Select(maandag => perDag
                .Where(d => d.Regime == o.Regime && d.Datum >= maandag && d.Datum < maandag.AddDays(7))
                .Sum(d => d.Aantal))]))
            .ToList();
        return new StartGegevens(naam, vandaag, omgevingen, new Aankomsten([.. weken.Select(WeekLabel)], reeksen), termijnen);
    }

    /// <summary>
    /// The persons for whom SS126 would come to this municipality: the same conditions as
    /// <see cref="DeadlineRegels.EmitDue"/> (term started, no PIP, SS126 not yet sent, obligation running)
    /// and the person belongs to this municipality now, since SS126 goes there.
    /// </summary>
    private async Task<List<TermijnRegel>> Termijnen(GemeenteSessie sessie, string g, DateOnly vandaag, CancellationToken ct)
    {
        var rijen = await sessie.Db.Personen.AsNoTracking().Where(GemeenteToegang.MagPersoonZien(g, vandaag))
            .Where(p => p.PubGemeenteCode == g && p.TermijnLeerrouteStart != null && !p.Ss126Verzonden && p.EindReden == null
                        && (p.PipGemeenteCode == null || p.PipDagtekening == null || p.PipLeerroute == null))
            .OrderBy(p => p.TermijnLeerrouteStart).ThenBy(p => p.Bsn)
            .Take(AantalTermijnen)
            .Select(p => new { p.Bsn, p.Naam, Start = p.TermijnLeerrouteStart!.Value })
            .ToListAsync(ct);
        return [.. rijen.Select(r =>
        {
            var einde = DeadlineRegels.EindeLeerrouteTermijn(r.Start, deadlines.Instellingen);
            return new TermijnRegel(r.Bsn, r.Naam, r.Start, einde, einde.DayNumber - vandaag.DayNumber);
        })];
    }

    private static DateOnly Maandag(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static string WeekLabel(DateOnly maandag)
    {
        var dt = maandag.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):D2}");
    }
}
