using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>
/// Two municipalities with overlapping people: some moved from the other one to us (signals in both),
/// some moved away from us (our signals stay, their name is no longer ours to see), and withdrawn
/// signals. Names carry the awkward characters a CSV must survive. The oracle answers the same
/// questions as the handler in plain LINQ over everything, read as the owner (no row-level security).
/// </summary>
public static class SignalenTestdata
{
    public const string Eigen = "GM0363";
    public const string Ander = "GM0599";
    public static readonly DateOnly Vandaag = new(2026, 11, 23);
    public static readonly PibGebruiker Klantmanager = new("km.amsterdam", "Klantmanager Amsterdam", Rol.Gemeente, GemeenteCode.Parse(Eigen));
    public static readonly PibGebruiker AnderKlantmanager = new("km.rotterdam", "Klantmanager Rotterdam", Rol.Gemeente, GemeenteCode.Parse(Ander));

    private static readonly string[] Namen =
    [
        "Anna de Vries", "Bilal Haddad", "Chen Li", "Dara Ahmadi", "Eva_Bel", "Farah 100%", "=HYPERLINK(\"http://x\")",
        "Jan;Piet", "Yusuf \"Joe\" Kaya", "+31 Omar", "-Sara", "@Lina", "Mehmet Öztürk", "Nadia Mansour",
    ];

    private static readonly string[] Codes = ["SS101", "SS139", "SS120", "SS122", "SS190", "SS102", "SS126"];
    private static readonly string[] Doelgroepen = ["Asielstatushouder", "Gezinsmigrant", "OverigeMigrant"];

    public static FakeTimeProvider Klok() => new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public static PooledDbContextFactory<AppDbContext> Factory(TestDatabase db) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(db.ConnectionString).Options);

    public static SignalenZoeken Zoeken(TestDatabase db, TimeProvider klok) => new(new GemeenteSessies(Factory(db), klok, TestAudit.Log(klok)), klok);

    public static SignalenAfhandelen Afhandelen(TestDatabase db, TimeProvider klok) => new(new GemeenteSessies(Factory(db), klok, TestAudit.Log(klok)), klok);

    public static async Task VulAsync(TestDatabase database, int personen = 42)
    {
        await using var db = database.CreateContext();
        var nummer = 200000000;
        var nu = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < personen; i++)
        {
            var bsn = VolgendeBsn(ref nummer);
            // i % 6: 0..3 ours now, 4 moved away to Ander, 5 moved from Ander to us.
            var pub = i % 6 == 4 ? Ander : Eigen;
            db.Personen.Add(new Persoon
            {
                Bsn = bsn, Naam = Namen[i % Namen.Length] + (i >= Namen.Length ? " " + i.ToString(CultureInfo.InvariantCulture) : ""),
                Nationaliteit = "SYR", Verblijfsdoel = "asiel", Uitkomst = RegimeUitkomst.Wi2021, RegelsetVersie = "2022-03", Reden = "test",
                KoppelingReden = "test", Status = Verwerkingsstatus.Bepaald, PubUitkomst = RegimeUitkomst.Wi2021, PubGemeenteCode = pub, GemeenteCode = pub,
                Doelgroep = Kolomwaarden.Doelgroep(Doelgroepen[i % 3]), PubDoelgroep = Kolomwaarden.Doelgroep(Doelgroepen[i % 3]),
            });
            var aantal = 1 + (i % 5);
            for (var j = 0; j < aantal; j++)
            {
                var regime = (i + j) % 7 == 0 ? "Wi2013" : (i + j) % 11 == 0 ? "Wi2007" : "Wi2021";
                // Signals keep the doelgroep they were made with: the first signal of every fourth person predates a change of doelgroep.
                var doelgroep = j == 0 && i % 4 == 0 ? Doelgroepen[(i + 1) % 3] : Doelgroepen[i % 3];
                Signaal(db, bsn, Codes[(i * 3 + j) % Codes.Length], Eigen, regime, Vandaag.AddDays(-((i * 7 + j * 13) % 60)),
                    afgehandeld: (i + j) % 3 == 0 ? nu : null, ingetrokken: (i + j) % 13 == 0 ? nu : null, doelgroep);
            }
            if (i % 6 is 4 or 5 || i % 10 == 0)
            {
                Signaal(db, bsn, "SS101", Ander, "Wi2021", Vandaag.AddDays(-(i % 30)), null, null, Doelgroepen[i % 3]);
                Signaal(db, bsn, "SS190", Ander, "Wi2021", Vandaag.AddDays(-(i % 20)), null, null, Doelgroepen[i % 3]);
            }
        }
        await db.SaveChangesAsync();
    }

    private static void Signaal(AppDbContext db, string bsn, string code, string gemeente, string regime, DateOnly datum,
        DateTimeOffset? afgehandeld, DateTimeOffset? ingetrokken, string doelgroep) =>
        db.Signalen.Add(new SignaalRecord
        {
            Bsn = bsn, Code = Kolomwaarden.SignaalCode(code), GemeenteCode = gemeente, Regime = Kolomwaarden.Regime(regime), Datum = datum, Toelichting = "test",
            Doelgroep = code == "SS190" ? null : Kolomwaarden.Doelgroep(doelgroep),
            AangemaaktOp = DateTimeOffset.UtcNow, AfgehandeldOp = afgehandeld, AfgehandeldDoor = afgehandeld is null ? null : "eerder",
            IngetrokkenOp = ingetrokken,
        });

    public static string VolgendeBsn(ref int nummer)
    {
        while (Bsn.Controleer((++nummer).ToString(CultureInfo.InvariantCulture)) is not null)
        {
        }
        return nummer.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The whole ordered list the filter asks for, without paging, computed in memory.</summary>
    /// <summary>A filter as the list's URL gives it (<c>regime=wi2013&amp;code=…</c>; Wi2021 without a regime), read without errors.</summary>
    public static SignaalFilter FilterUit(string query)
    {
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        var regime = q.TryGetValue("regime", out var r) ? SignaalFilterUrl.RegimeUitPad(r)!.Value : Domain.Regimes.Regime.Wi2021;
        var (filter, fouten) = SignaalFilterUrl.Lees(regime, new Microsoft.AspNetCore.Http.QueryCollection(q));
        Assert.Empty(fouten);
        return filter!;
    }

    /// <summary>
    /// The grouped view from the oracle: one group per person, newest signal first, then by BSN; a group shows the
    /// person's current doelgroep while the municipality may see them (a name), not a signal's.
    /// </summary>
    public static async Task<List<PersoonGroep>> PerPersoonOrakelAsync(TestDatabase database, string gemeente, SignaalFilter f)
    {
        Dictionary<string, string?> doelgroepNu;
        await using (var db = database.CreateContext())
        {
            doelgroepNu = await db.Personen.ToDictionaryAsync(p => p.Bsn, p => p.PubDoelgroep?.ToString());
        }
        return [.. (await OrakelAsync(database, gemeente, f))
            .GroupBy(r => (r.Bsn, r.Naam))
            .Select(g => new PersoonGroep(g.Key.Bsn, g.Key.Naam, g.Key.Naam is null ? null : doelgroepNu[g.Key.Bsn], g.Count(),
                g.Count(r => !r.Afgehandeld), g.Max(r => r.Datum)))
            .OrderByDescending(g => g.LaatsteDatum).ThenBy(g => g.Bsn, StringComparer.Ordinal)];
    }

    public static async Task<List<SignaalRij>> OrakelAsync(TestDatabase database, string gemeente, SignaalFilter f)
    {
        await using var db = database.CreateContext();
        var personen = await db.Personen.AsNoTracking().ToListAsync();
        var zichtbaar = GemeenteToegang.MagPersoonZien(gemeente, Vandaag).Compile();
        var perBsn = personen.Where(zichtbaar).ToDictionary(p => p.Bsn);
        var signalen = await db.Signalen.AsNoTracking().ToListAsync();
        var rijen = signalen
            .Where(s => s.GemeenteCode == gemeente && s.IngetrokkenOp is null && s.Regime == f.Regime)
            .Where(s => f.Code is null || s.Code.ToString() == f.Code)
            .Where(s => f.Van is null || s.Datum >= f.Van)
            .Where(s => f.Tot is null || s.Datum <= f.Tot)
            .Where(s => f.Afgehandeld is null || (s.AfgehandeldOp is not null) == f.Afgehandeld)
            .Where(s => f.ZoekBsn is null || s.Bsn == f.ZoekBsn)
            .Select(s => (S: s, P: perBsn.GetValueOrDefault(s.Bsn)))
            .Where(x => f.Doelgroep is null || x.S.Doelgroep == f.Doelgroep)
            .Where(x => f.ZoekNaam is null || (x.P?.Naam.Contains(f.ZoekNaam, StringComparison.OrdinalIgnoreCase) ?? false))
            .Select(x => new SignaalRij(x.S.Id, x.S.Bsn, x.P?.Naam, x.S.Doelgroep?.ToString(), x.S.Code.ToString(), x.S.Datum, x.S.AfgehandeldOp));
        Func<SignaalRij, string> sleutel = f.Sorteer switch
        {
            SignaalSortering.Code => r => r.Code,
            SignaalSortering.Bsn => r => r.Bsn,
            _ => _ => "",
        };
        var geordend = f.Aflopend
            ? rijen.OrderByDescending(sleutel, StringComparer.Ordinal).ThenByDescending(r => r.Datum).ThenByDescending(r => r.Id)
            : rijen.OrderBy(sleutel, StringComparer.Ordinal).ThenBy(r => r.Datum).ThenBy(r => r.Id);
        return geordend.ToList();
    }
}
