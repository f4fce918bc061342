using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>One row of the signal list. <see cref="Naam"/> and <see cref="Doelgroep"/> are null when the person is no longer visible to this municipality.</summary>
public sealed record SignaalRij(long Id, string Bsn, string? Naam, string? Doelgroep, string Code, DateOnly Datum, DateTimeOffset? AfgehandeldOp)
{
    public string Omschrijving => Enum.TryParse<SignaalCode>(Code, out var c) ? SignaalCatalogus.Naam(c) : Code;
    public bool Afgehandeld => AfgehandeldOp is not null;
}

/// <summary>One person in the grouped view: how many signals match the filter, how many are open, and the latest date.</summary>
public sealed record PersoonGroep(string Bsn, string? Naam, string? Doelgroep, int Aantal, int Open, DateOnly LaatsteDatum);

/// <summary>
/// The filter as one EF query, shared by the list, the grouped view and the downloads. It applies
/// <see cref="GemeenteToegang.MagSignaalZien"/> itself even though row-level security already does
/// (defence in depth). Filters on the person (doelgroep, name) are semi-joins on <c>persoon</c>, which
/// row-level security limits to the people this municipality may see; the person's name is joined
/// only for the rows shown, so counting never touches <c>persoon</c> unless a person filter asks for it,
/// and a person the municipality may no longer see leaves the name empty, not the signal out.
/// </summary>
internal static class SignalenQuery
{
    /// <summary>Built with an initializer, not a constructor: EF Core translates member access through initializers only.</summary>
    private sealed class Paar
    {
        public required SignaalRecord S { get; init; }
        public Persoon? P { get; init; }
    }

    private static IQueryable<SignaalRecord> Gefilterd(AppDbContext db, string gemeente, SignaalFilter f)
    {
        var regime = f.Regime.ToString();
        var signalen = db.Signalen.AsNoTracking()
            .Where(GemeenteToegang.MagSignaalZien(gemeente))
            .Where(s => s.Regime == regime);
        if (f.Code is { } code)
        {
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
            var dg = doelgroep.ToString();
            var personen = Zichtbaar(db, gemeente, p => p.PubDoelgroep == dg);
            signalen = signalen.Where(s => personen.Contains(s.Bsn));
        }
        if (f.ZoekNaam is { } naam)
        {
            var patroon = "%" + naam.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var personen = Zichtbaar(db, gemeente, p => EF.Functions.ILike(p.Naam, patroon, "\\"));
            signalen = signalen.Where(s => personen.Contains(s.Bsn));
        }
        return signalen;
    }

    /// <summary>
    /// The BSNs of the people this municipality may see that match <paramref name="voorwaarde"/>, as a
    /// union over the three ways a person becomes visible (GemeenteToegang.MagPersoonZien). Row-level
    /// security's OR over three columns forces a visit to every visible person's row; one branch per
    /// column lets the large one (registered here now) be an index-only scan of IX_persoon_pub_gemeente_code.
    /// </summary>
    private static IQueryable<string> Zichtbaar(AppDbContext db, string gemeente, System.Linq.Expressions.Expression<Func<Persoon, bool>> voorwaarde)
    {
        var personen = db.Personen.AsNoTracking().Where(voorwaarde);
        return personen.Where(p => p.PubGemeenteCode == gemeente).Select(p => p.Bsn)
            .Concat(personen.Where(p => p.PipGemeenteCode == gemeente).Select(p => p.Bsn))
            .Concat(personen.Where(p => p.VorigePipGemeenteCode == gemeente).Select(p => p.Bsn));
    }

    /// <summary>Name and doelgroep of every person this municipality may see; UNION, not UNION ALL, so a person visible twice joins once.</summary>
    private static IQueryable<Persoon> ZichtbarePersonen(AppDbContext db, string gemeente)
    {
        IQueryable<Persoon> Tak(System.Linq.Expressions.Expression<Func<Persoon, bool>> via) => db.Personen.AsNoTracking().Where(via)
            .Select(p => new Persoon
            {
                Bsn = p.Bsn, Naam = p.Naam, PubDoelgroep = p.PubDoelgroep, Nationaliteit = "", Verblijfsdoel = "", Uitkomst = "",
                RuleSetVersie = "", Reden = "", KoppelingReden = "", Status = "",
            });
        return Tak(p => p.PubGemeenteCode == gemeente).Union(Tak(p => p.PipGemeenteCode == gemeente)).Union(Tak(p => p.VorigePipGemeenteCode == gemeente));
    }

    /// <summary>Every sort ends on date and id in the same direction, so each one walks a single index and pages are stable.</summary>
    /// <summary>
    /// The page the filter asks for (or, with <paramref name="alles"/>, every row, for a download). The
    /// signals are ordered and cut to the page before the person is joined, so a page joins 25 people,
    /// not every match. A download joins the visible people once, as the union of the three ways to be
    /// visible (index-only for the large one), instead of one person lookup per signal.
    /// </summary>
    public static IQueryable<SignaalRij> Rijen(AppDbContext db, string gemeente, SignaalFilter f, bool alles = false)
    {
        var signalen = Orden(Gefilterd(db, gemeente, f), f);
        IQueryable<SignaalRecord> deel = alles ? signalen : signalen.Skip(f.Pagina * f.PaginaGrootte).Take(f.PaginaGrootte);
        var personen = alles ? ZichtbarePersonen(db, gemeente) : db.Personen.AsNoTracking();
        var q = deel.LeftJoin(personen, s => s.Bsn, p => p.Bsn, (s, p) => new Paar { S = s, P = p });
        IOrderedQueryable<Paar> geordend = (f.Sorteer, f.Aflopend) switch
        {
            (SignaalSortering.Code, false) => q.OrderBy(x => x.S.Code).ThenBy(x => x.S.Datum),
            (SignaalSortering.Code, true) => q.OrderByDescending(x => x.S.Code).ThenByDescending(x => x.S.Datum),
            (SignaalSortering.Bsn, false) => q.OrderBy(x => x.S.Bsn).ThenBy(x => x.S.Datum),
            (SignaalSortering.Bsn, true) => q.OrderByDescending(x => x.S.Bsn).ThenByDescending(x => x.S.Datum),
            (_, false) => q.OrderBy(x => x.S.Datum),
            _ => q.OrderByDescending(x => x.S.Datum),
        };
        geordend = f.Aflopend ? geordend.ThenByDescending(x => x.S.Id) : geordend.ThenBy(x => x.S.Id);
        return geordend.Select(x => new SignaalRij(x.S.Id, x.S.Bsn, x.P!.Naam, x.P.PubDoelgroep, x.S.Code, x.S.Datum, x.S.AfgehandeldOp));
    }

    /// <summary>Every sort ends on date and id in the same direction, so each one walks a single index and pages are stable.</summary>
    private static IOrderedQueryable<SignaalRecord> Orden(IQueryable<SignaalRecord> q, SignaalFilter f)
    {
        var geordend = (f.Sorteer, f.Aflopend) switch
        {
            (SignaalSortering.Code, false) => q.OrderBy(s => s.Code).ThenBy(s => s.Datum),
            (SignaalSortering.Code, true) => q.OrderByDescending(s => s.Code).ThenByDescending(s => s.Datum),
            (SignaalSortering.Bsn, false) => q.OrderBy(s => s.Bsn).ThenBy(s => s.Datum),
            (SignaalSortering.Bsn, true) => q.OrderByDescending(s => s.Bsn).ThenByDescending(s => s.Datum),
            (_, false) => q.OrderBy(s => s.Datum),
            _ => q.OrderByDescending(s => s.Datum),
        };
        return f.Aflopend ? geordend.ThenByDescending(s => s.Id) : geordend.ThenBy(s => s.Id);
    }

    /// <summary>Counting stops after <paramref name="limiet"/>: an exact count of hundreds of thousands of rows costs more than it tells.</summary>
    public static Task<int> TelAsync(AppDbContext db, string gemeente, SignaalFilter f, int limiet, CancellationToken ct) =>
        Gefilterd(db, gemeente, f).Take(limiet + 1).CountAsync(ct);

    private sealed class Groep
    {
        public required string Bsn { get; init; }
        public int Aantal { get; init; }
        public int Open { get; init; }
        public DateOnly Laatste { get; init; }
    }

    /// <summary>Grouped on the BSN alone (the bsn index).</summary>
    private static IQueryable<Groep> Groepen(AppDbContext db, string gemeente, SignaalFilter f) =>
        Gefilterd(db, gemeente, f)
            .GroupBy(s => s.Bsn)
            .Select(g => new Groep { Bsn = g.Key, Aantal = g.Count(), Open = g.Count(s => s.AfgehandeldOp == null), Laatste = g.Max(s => s.Datum) });

    public static Task<int> TelPersonenAsync(AppDbContext db, string gemeente, SignaalFilter f, int limiet, CancellationToken ct) =>
        Groepen(db, gemeente, f).Take(limiet + 1).CountAsync(ct);

    /// <summary>One page of people, newest signal first; the person is joined after the page is cut.</summary>
    public static IQueryable<PersoonGroep> PerPersoon(AppDbContext db, string gemeente, SignaalFilter f) =>
        Groepen(db, gemeente, f)
            .OrderByDescending(g => g.Laatste).ThenBy(g => g.Bsn)
            .Skip(f.Pagina * f.PaginaGrootte).Take(f.PaginaGrootte)
            .LeftJoin(db.Personen.AsNoTracking(), g => g.Bsn, p => p.Bsn, (g, p) => new { g, p })
            .OrderByDescending(x => x.g.Laatste).ThenBy(x => x.g.Bsn)
            .Select(x => new PersoonGroep(x.g.Bsn, x.p!.Naam, x.p.PubDoelgroep, x.g.Aantal, x.g.Open, x.g.Laatste));
}
