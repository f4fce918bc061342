using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

using DuoInburgering.Web.Downloads;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>One row of the signal list. <see cref="Naam"/> and <see cref="Doelgroep"/> are null when the person is no longer visible to this municipality.</summary>
public sealed record SignaalRij(long Id, string Bsn, string? Naam, string? Doelgroep, string Code, DateOnly Datum, DateTimeOffset? AfgehandeldOp)
{
    public string Omschrijving => Kolomwaarden.SignaalNaam(Code);
    public bool Afgehandeld => AfgehandeldOp is not null;
}

/// <summary>One person in the grouped view: how many signals match the filter, how many are open, and the latest date.</summary>
public sealed record PersoonGroep(string Bsn, string? Naam, string? Doelgroep, int Aantal, int Open, DateOnly LaatsteDatum);

/// <summary>
/// The filter as one EF query, shared by the list, the grouped view and the downloads. It applies
/// <see cref="GemeenteToegang.MagSignaalZien"/> itself even though row-level security already does
/// (defence in depth). The doelgroep filter reads the doelgroep stored with each signal; the name search
/// first looks up the matching people this municipality may see (row-level security limits
/// <c>persoon</c> to them) and filters the signals on their BSNs. The person's name is joined only for
/// the rows shown, so counting never touches <c>persoon</c>, and a person the municipality may no
/// longer see leaves the name empty, not the signal out.
/// </summary>
internal static class SignalenQuery
{
    /// <summary>Built with an initializer, not a constructor: EF Core translates member access through initializers only.</summary>
    private sealed class Paar
    {
        public required SignaalRecord S { get; init; }
        public Persoon? P { get; init; }
    }

    private static IQueryable<SignaalRecord> Gefilterd(AppDbContext db, string gemeente, SignaalFilter f, IReadOnlyCollection<string>? naamTreffers)
    {
        var regime = f.Regime;
        var signalen = db.Signalen.AsNoTracking()
            .Where(GemeenteToegang.MagSignaalZien(gemeente))
            .Where(s => s.Regime == regime);
        if (f.Code is { } tekst)
        {
            var code = Kolomwaarden.Herken<SignaalCode>(tekst);
            signalen = signalen.Where(s => s.Code == code);
        }
        if (f.Van is { } van)
        {
            signalen = signalen.Where(s => s.Datum >= van);
        }
        if (f.Tot is { } tot)
        {
            signalen = signalen.Where(s => s.Datum <= tot);
        }
        if (f.Afgehandeld is { } afgehandeld)
        {
            signalen = afgehandeld ? signalen.Where(s => s.AfgehandeldOp != null) : signalen.Where(s => s.AfgehandeldOp == null);
        }
        if (f.ZoekBsn is { } bsn)
        {
            signalen = signalen.Where(s => s.Bsn == bsn);
        }
        if (f.Doelgroep is { } doelgroep)
        {
            // The doelgroep the signal was received with (IX_signaal_lijst_doelgroep), not a join on persons.
            signalen = signalen.Where(s => s.Doelgroep == doelgroep);
        }
        if (f.ZoekNaam is not null)
        {
            var treffers = naamTreffers ?? throw new InvalidOperationException("Zoeken op naam vraagt eerst NaamTreffersAsync.");
            signalen = signalen.Where(s => treffers.Contains(s.Bsn));
        }
        return signalen;
    }

    /// <summary>The name search's BSNs when the filter searches a name, else null (see <see cref="NaamTreffersAsync"/>).</summary>
    public static async Task<IReadOnlyCollection<string>?> TreffersAsync(AppDbContext db, string gemeente, SignaalFilter f, CancellationToken ct) =>
        f.ZoekNaam is { } naam ? await NaamTreffersAsync(db, gemeente, naam, ct) : null;

    /// <summary>
    /// The BSNs of the people this municipality may see whose name contains the search term, looked up
    /// before the signals: one index-only scan of the people registered here (the covering
    /// IX_persoon_pub_gemeente_code, on lower(naam)) plus the two PIP ways to be visible. The signal
    /// query then takes them as one array, so it walks its date index and stops at the page, instead of
    /// probing the signals of every matching person (benchmark "signalen": name search).
    /// </summary>
    public static Task<List<string>> NaamTreffersAsync(AppDbContext db, string gemeente, string naam, CancellationToken ct) =>
        NaamBsns(db, gemeente, NaamPatroon(naam)).ToListAsync(ct);

    /// <summary><c>%term%</c> in lower case, with LIKE's own characters escaped.</summary>
    private static string NaamPatroon(string naam) =>
        "%" + naam.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The people this municipality may see whose name matches, each way to be visible on its own index and the ways
    /// made disjoint (<see cref="GemeenteToegang.WegenOnderRls"/>), so every person comes once and UNION ALL needs no
    /// step to remove duplicates. Row-level security adds the rest of the rule.
    /// </summary>
    private static IQueryable<string> NaamBsns(AppDbContext db, string gemeente, string patroon)
    {
        var personen = db.Personen.AsNoTracking().Where(p => EF.Functions.Like(p.Zoeknaam!, patroon, "\\"));
        return GemeenteToegang.WegenOnderRls(gemeente, disjunct: true).Select(weg => personen.Where(weg).Select(p => p.Bsn))
            .Aggregate((a, b) => a.Concat(b));
    }

    /// <summary>
    /// Past this many rows into a common name's list the page takes the array instead. A name counted past the limit
    /// matches at least 10,001 of at most some 400,000 signals of a municipality (the largest in the benchmark), so the
    /// walk looks up at most 40 signals per row wanted: up to here no more than the array costs, and usually far less.
    /// </summary>
    private const int LangsIndexTot = 1_000;

    /// <summary>
    /// A page of a name search and its count (up to <paramref name="limiet"/> + 1), the way that costs least for the
    /// name (benchmark "signalen", name search). First the BSN of every matching signal, from the matching people to
    /// their signals (IX_signaal_lijst_bsn), stopping after the limit: a common name reads a few thousand people, not
    /// all of them. Past the limit the name is common enough to walk the sort's own index, looking each signal's
    /// person up by primary key until the page is full: a few hundred look-ups. Below it those BSNs are all the
    /// people with a matching signal, and the page takes them as one array. A page deep into a common name also
    /// takes the array, of all matching people, as the downloads do.
    /// </summary>
    /// <param name="langsIndexTot">Tests only: where the walk along the index gives way to the array (rows into the list).</param>
    public static async Task<(List<SignaalRij> Rijen, int Totaal)> NaamPaginaAsync(AppDbContext db, string gemeente, SignaalFilter f, string naam,
        int limiet, CancellationToken ct, int langsIndexTot = LangsIndexTot)
    {
        var patroon = NaamPatroon(naam);
        var zonderNaam = Gefilterd(db, gemeente, f with { Zoekterm = null }, null);
        var signaalBsns = await NaamBsns(db, gemeente, patroon).Join(zonderNaam, b => b, s => s.Bsn, (b, s) => s.Bsn)
            .Take(limiet + 1).ToListAsync(ct);
        if (signaalBsns.Count == 0)
        {
            return ([], 0);
        }
        IQueryable<SignaalRecord> signalen;
        if (signaalBsns.Count <= limiet)
        {
            signalen = Gefilterd(db, gemeente, f, signaalBsns.Distinct(StringComparer.Ordinal).ToList());
        }
        else if (f.Pagina * f.PaginaGrootte < langsIndexTot)
        {
            // A correlated subquery with LIMIT 1, which PostgreSQL evaluates per signal walked rather than joining all people.
            var zichtbaar = GemeenteToegang.EenWegOnderRls(gemeente);
            signalen = zonderNaam.Where(s => EF.Functions.Like(
                db.Personen.Where(p => p.Bsn == s.Bsn).Where(zichtbaar).Select(p => p.Zoeknaam).FirstOrDefault()!, patroon, "\\"));
        }
        else
        {
            signalen = Gefilterd(db, gemeente, f, await NaamBsns(db, gemeente, patroon).ToListAsync(ct));
        }
        return (await Rijen(db, gemeente, f, signalen, alles: false).ToListAsync(ct), signaalBsns.Count);
    }

    /// <summary>The name of every person this municipality may see; UNION, not UNION ALL, so a person visible twice joins once.</summary>
    private static IQueryable<Persoon> ZichtbarePersonen(AppDbContext db, string gemeente) =>
        GemeenteToegang.WegenOnderRls(gemeente, disjunct: false)
            .Select(weg => db.Personen.AsNoTracking().Where(weg).Select(p => new Persoon
            {
                Bsn = p.Bsn, Naam = p.Naam, Nationaliteit = "", Verblijfsdoel = "", Uitkomst = default,
                RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
            }))
            .Aggregate((a, b) => a.Union(b));

    /// <summary>
    /// The page the filter asks for (or, with <paramref name="alles"/>, every row, for a download). The
    /// signals are ordered and cut to the page before the person is joined, so a page joins 25 people,
    /// not every match. A download joins the visible people once, as the union of the three ways to be
    /// visible (index-only for the large one), instead of one person lookup per signal.
    /// </summary>
    public static IQueryable<SignaalRij> Rijen(AppDbContext db, string gemeente, SignaalFilter f, IReadOnlyCollection<string>? naamTreffers,
        bool alles = false) =>
        Rijen(db, gemeente, f, Gefilterd(db, gemeente, f, naamTreffers), alles);

    private static IQueryable<SignaalRij> Rijen(AppDbContext db, string gemeente, SignaalFilter f, IQueryable<SignaalRecord> gefilterd, bool alles)
    {
        var signalen = Orden(gefilterd, f);
        IQueryable<SignaalRecord> deel = alles ? signalen : signalen.Skip(f.Pagina * f.PaginaGrootte).Take(f.PaginaGrootte);
        var personen = alles ? ZichtbarePersonen(db, gemeente) : db.Personen.AsNoTracking();
        // The page's order again after the join: a join does not keep it.
        var q = Orden(deel.LeftJoin(personen, s => s.Bsn, p => p.Bsn, (s, p) => new Paar { S = s, P = p }), x => x.S, f);
        return q.Select(x => new SignaalRij(x.S.Id, x.S.Bsn, x.P!.Naam, Kolomwaarden.Tekst(x.S.Doelgroep), Kolomwaarden.Tekst(x.S.Code), x.S.Datum, x.S.AfgehandeldOp));
    }

    /// <summary>Every sort ends on date and id in the same direction, so each one walks a single index and pages are stable.</summary>
    private static IOrderedQueryable<SignaalRecord> Orden(IQueryable<SignaalRecord> q, SignaalFilter f) => Orden(q, s => s, f);

    /// <summary>As above, for rows that carry the signal in <paramref name="signaal"/>.</summary>
    private static IOrderedQueryable<T> Orden<T>(IQueryable<T> q, Expression<Func<T, SignaalRecord>> signaal, SignaalFilter f)
    {
        var code = Via(signaal, s => s.Code);
        var bsn = Via(signaal, s => s.Bsn);
        var datum = Via(signaal, s => s.Datum);
        var id = Via(signaal, s => s.Id);
        var geordend = (f.Sorteer, f.Aflopend) switch
        {
            (SignaalSortering.Code, false) => q.OrderBy(code).ThenBy(datum),
            (SignaalSortering.Code, true) => q.OrderByDescending(code).ThenByDescending(datum),
            (SignaalSortering.Bsn, false) => q.OrderBy(bsn).ThenBy(datum),
            (SignaalSortering.Bsn, true) => q.OrderByDescending(bsn).ThenByDescending(datum),
            (_, false) => q.OrderBy(datum),
            _ => q.OrderByDescending(datum),
        };
        return f.Aflopend ? geordend.ThenByDescending(id) : geordend.ThenBy(id);
    }

    /// <summary>A signal's column read through <paramref name="signaal"/>: <c>x => x.S.Code</c> from <c>x => x.S</c> and <c>s => s.Code</c>.</summary>
    private static Expression<Func<T, TKolom>> Via<T, TKolom>(Expression<Func<T, SignaalRecord>> signaal, Expression<Func<SignaalRecord, TKolom>> kolom) =>
        Expression.Lambda<Func<T, TKolom>>(new Vervang(kolom.Parameters[0], signaal.Body).Visit(kolom.Body), signaal.Parameters);

    private sealed class Vervang(ParameterExpression oud, Expression nieuw) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == oud ? nieuw : node;
    }

    /// <summary>
    /// What the count counts, one row per signal; counting stops after <paramref name="limiet"/>: an exact count of
    /// hundreds of thousands of rows costs more than it tells.
    /// </summary>
    public static IQueryable<int> Telling(AppDbContext db, string gemeente, SignaalFilter f, IReadOnlyCollection<string>? naamTreffers, int limiet) =>
        Gefilterd(db, gemeente, f, naamTreffers).Take(limiet + 1).Select(_ => 1);

    private sealed class Groep
    {
        public required string Bsn { get; init; }
        public int Aantal { get; init; }
        public int Open { get; init; }
        public DateOnly Laatste { get; init; }
    }

    /// <summary>Grouped on the BSN alone (the bsn index).</summary>
    private static IQueryable<Groep> Groepen(IQueryable<SignaalRecord> signalen) =>
        signalen
            .GroupBy(s => s.Bsn)
            .Select(g => new Groep { Bsn = g.Key, Aantal = g.Count(), Open = g.Count(s => s.AfgehandeldOp == null), Laatste = g.Max(s => s.Datum) });

    /// <summary>As <see cref="Telling"/>, one row per person.</summary>
    public static IQueryable<int> PersonenTelling(AppDbContext db, string gemeente, SignaalFilter f, IReadOnlyCollection<string>? naamTreffers,
        int limiet) =>
        Groepen(Gefilterd(db, gemeente, f, naamTreffers)).Take(limiet + 1).Select(_ => 1);

    /// <summary>Signals read per step of the walk in <see cref="PerPersoonAsync"/>; each next step reads four times as many.</summary>
    private const int PerPersoonStap = 512;

    /// <summary>
    /// One page of people, newest signal first (then by BSN). The people of the page are found by walking the signals
    /// newest first in steps (the date index, keyset on date and id) until every person up to the page's end is seen and
    /// the date of the last of them is passed: their latest signals come before any other person's. Only their signals
    /// are then grouped and the person joined, instead of grouping every signal of the environment to sort the groups
    /// (about 100 ms for the 400,000 of the largest municipality).
    /// </summary>
    /// <param name="eersteStap">Signals in the walk's first step (tests take a few, to walk many steps on a small seed).</param>
    public static async Task<List<PersoonGroep>> PerPersoonAsync(AppDbContext db, string gemeente, SignaalFilter f,
        IReadOnlyCollection<string>? naamTreffers, CancellationToken ct, int eersteStap = PerPersoonStap)
    {
        var nodig = (f.Pagina + 1) * f.PaginaGrootte;
        var laatste = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        DateOnly? grens = null;
        (DateOnly Datum, long Id)? na = null;
        for (var stap = eersteStap; ; stap = Math.Min(stap * 4, 65_536))
        {
            var q = Gefilterd(db, gemeente, f, naamTreffers);
            if (na is { } k)
            {
                q = q.Where(s => s.Datum < k.Datum || (s.Datum == k.Datum && s.Id < k.Id));
            }
            var rijen = await q.OrderByDescending(s => s.Datum).ThenByDescending(s => s.Id)
                .Select(s => new { s.Bsn, s.Datum, s.Id }).Take(stap).ToListAsync(ct);
            var voorbij = false;
            foreach (var r in rijen)
            {
                if (grens is { } g && r.Datum < g)
                {
                    voorbij = true;
                    break;
                }
                if (laatste.TryAdd(r.Bsn, r.Datum) && laatste.Count == nodig)
                {
                    grens = r.Datum;
                }
            }
            if (voorbij || rijen.Count < stap)
            {
                break;
            }
            na = (rijen[^1].Datum, rijen[^1].Id);
        }
        List<string> pagina = [.. laatste.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Skip(f.Pagina * f.PaginaGrootte).Take(f.PaginaGrootte).Select(p => p.Key)];
        return await GroepenVanAsync(db, gemeente, f, naamTreffers, pagina, ct);
    }

    /// <summary>The groups of the given people, newest first (then by BSN); the person joined to each.</summary>
    private static async Task<List<PersoonGroep>> GroepenVanAsync(AppDbContext db, string gemeente, SignaalFilter f,
        IReadOnlyCollection<string>? naamTreffers, List<string> bsns, CancellationToken ct) =>
        bsns.Count == 0
            ? []
            : await Groepen(Gefilterd(db, gemeente, f, naamTreffers).Where(s => bsns.Contains(s.Bsn)))
                .LeftJoin(db.Personen.AsNoTracking(), g => g.Bsn, p => p.Bsn, (g, p) => new { g, p })
                .OrderByDescending(x => x.g.Laatste).ThenBy(x => x.g.Bsn)
                .Select(x => new PersoonGroep(x.g.Bsn, x.p!.Naam, Kolomwaarden.Tekst(x.p.PubDoelgroep), x.g.Aantal, x.g.Open, x.g.Laatste))
                .ToListAsync(ct);
}
