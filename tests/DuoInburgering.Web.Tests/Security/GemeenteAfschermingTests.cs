using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Signalen;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The wall between municipalities, twice: the access rule as a query (GemeenteToegang, whole and cut
/// into the ways the signal list reads) and row-level security underneath (GemeenteSessie) both equal
/// the domain rule Zichtbaarheid.MagZien, case by case, and a query that forgets every filter still sees only its own municipality.
/// </summary>
public sealed class GemeenteAfschermingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Eigen = "GM0363";
    private const string Ander = "GM0599";
    private static readonly string?[] Gemeenten = [Eigen, Ander, null];

    private sealed record Geval(string Bsn, string? Pub, string? Pip, DateOnly? Dagtekening, string? VorigePip)
    {
        public string? PubUitkomst { get; init; } = "Wi2021";
        public bool Geparkeerd { get; init; }
    }

    private static IReadOnlyList<Geval> Gevallen(DateOnly vandaag)
    {
        // The one-month boundary of the previous PIP, on an ordinary day and at a month's end.
        DateOnly?[] dagtekeningen = [vandaag.AddMonths(-1), vandaag.AddMonths(-1).AddDays(1), vandaag.AddMonths(-1).AddDays(-1), vandaag, vandaag.AddYears(-1)];
        var gevallen = new List<Geval>();
        var nummer = 100000000;
        foreach (var pub in Gemeenten)
        {
            foreach (var pip in Gemeenten)
            {
                foreach (var vorige in Gemeenten)
                {
                    foreach (var dag in pip is null ? [null] : dagtekeningen)
                    {
                        gevallen.Add(new Geval(SignalenTestdata.VolgendeBsn(ref nummer), pub, pip, dag, pip is null ? null : vorige));
                    }
                }
            }
        }
        // Seen by nobody, own municipality and own PIP notwithstanding: parked, or never announced under a regime.
        var eigenPip = vandaag.AddDays(-3);
        gevallen.Add(new Geval(SignalenTestdata.VolgendeBsn(ref nummer), Eigen, Eigen, eigenPip, null) { Geparkeerd = true });
        gevallen.Add(new Geval(SignalenTestdata.VolgendeBsn(ref nummer), Eigen, Eigen, eigenPip, null) { PubUitkomst = "Geen" });
        gevallen.Add(new Geval(SignalenTestdata.VolgendeBsn(ref nummer), Eigen, null, null, null) { PubUitkomst = "Onbepaald" });
        gevallen.Add(new Geval(SignalenTestdata.VolgendeBsn(ref nummer), Eigen, null, null, null) { PubUitkomst = null });
        return gevallen;
    }

    private static bool VolgensDomein(Geval g, DateOnly vandaag) =>
        !g.Geparkeerd && g.PubUitkomst is "Wi2007" or "Wi2013" or "Wi2021" && Zichtbaarheid.MagZien(
        GemeenteCode.Parse(Eigen),
        g.Pub is null ? null : GemeenteCode.Parse(g.Pub),
        g.Pip is null ? null : new PipInfo(GemeenteCode.Parse(g.Pip), g.Dagtekening!.Value, Leerroute.B1Route),
        g.VorigePip is null ? null : new PipInfo(GemeenteCode.Parse(g.VorigePip), g.Dagtekening!.Value.AddYears(-1), Leerroute.B1Route),
        vandaag);

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-03-31")]
    [InlineData("2026-02-28")]
    public async Task Query_rule_and_row_level_security_both_equal_the_domain_rule(string dag)
    {
        var vandaag = DateOnly.Parse(dag, System.Globalization.CultureInfo.InvariantCulture);
        var gevallen = await ZetKlaarAsync(dag[..4] + dag[5..7] + dag[8..], vandaag);
        var verwacht = gevallen.Where(g => VolgensDomein(g, vandaag)).Select(g => g.Bsn).Order().ToList();
        Assert.NotEmpty(verwacht);
        Assert.True(verwacht.Count < gevallen.Count);
        var bsns = gevallen.Select(g => g.Bsn).ToList();

        await using (var db = database.CreateContext())
        {
            var volgensQuery = await db.Personen.Where(p => bsns.Contains(p.Bsn))
                .Where(GemeenteToegang.MagPersoonZien(Eigen, vandaag)).Select(p => p.Bsn).OrderBy(b => b).ToListAsync();
            Assert.Equal(verwacht, volgensQuery);
        }

        await using var sessie = await OpenAsync(Eigen, vandaag);
        // No filter at all: row-level security alone decides.
        var volgensRls = await sessie.Db.Personen.Where(p => bsns.Contains(p.Bsn)).Select(p => p.Bsn).OrderBy(b => b).ToListAsync();
        Assert.Equal(verwacht, volgensRls);

        // The rule cut into its ways, as the signal list reads them (one index each): under row-level security exactly
        // the rule again, the disjoint ways each person once; outside it candidates that never miss anyone.
        foreach (var disjunct in new[] { false, true })
        {
            var perWeg = new List<string>();
            foreach (var weg in GemeenteToegang.WegenOnderRls(Eigen, disjunct))
            {
                perWeg.AddRange(await sessie.Db.Personen.Where(p => bsns.Contains(p.Bsn)).Where(weg).Select(p => p.Bsn).ToListAsync());
            }
            Assert.Equal(verwacht, (disjunct ? perWeg : perWeg.Distinct()).Order(StringComparer.Ordinal).ToList());
        }
        var eenWeg = await sessie.Db.Personen.Where(p => bsns.Contains(p.Bsn)).Where(GemeenteToegang.EenWegOnderRls(Eigen))
            .Select(p => p.Bsn).OrderBy(b => b).ToListAsync();
        Assert.Equal(verwacht, eenWeg);
        await using (var db = database.CreateContext())
        {
            var kandidaten = await db.Personen.Where(p => bsns.Contains(p.Bsn)).Where(GemeenteToegang.EenWegOnderRls(Eigen))
                .Select(p => p.Bsn).ToListAsync();
            Assert.Empty(verwacht.Except(kandidaten));
        }
    }

    [Fact]
    public async Task A_query_without_filter_sees_only_its_own_signals_and_never_withdrawn_ones()
    {
        var vandaag = new DateOnly(2026, 11, 23);
        await ZetKlaarAsync("sig", vandaag);

        await using var sessie = await OpenAsync(Eigen, vandaag);
        var gezien = await sessie.Db.Signalen.Select(s => new { s.GemeenteCode, s.IngetrokkenOp }).ToListAsync();
        Assert.NotEmpty(gezien);
        Assert.All(gezien, s => Assert.Equal(Eigen, s.GemeenteCode));
        Assert.All(gezien, s => Assert.Null(s.IngetrokkenOp));

        await using var db = database.CreateContext();
        var eigenZichtbaar = await db.Signalen.CountAsync(GemeenteToegang.MagSignaalZien(Eigen));
        Assert.Equal(eigenZichtbaar, gezien.Count);
    }

    [Fact]
    public async Task Without_a_municipality_in_the_operation_the_portal_role_sees_nothing()
    {
        await ZetKlaarAsync("leeg", new DateOnly(2026, 11, 23));
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var rol = new NpgsqlCommand("select set_config('role', 'pib_gemeente', true)", conn, tx))
        {
            await rol.ExecuteScalarAsync();
        }

        await using var tel = new NpgsqlCommand("select (select count(*) from persoon) + (select count(*) from signaal)", conn, tx);
        Assert.Equal(0L, await tel.ExecuteScalarAsync());
        await using var feiten = new NpgsqlCommand("select count(*) from coa_feit", conn, tx);
        var fout = await Assert.ThrowsAsync<PostgresException>(() => feiten.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
    }

    [Fact]
    public async Task A_municipality_cannot_handle_another_municipalitys_signal()
    {
        var vandaag = new DateOnly(2026, 11, 23);
        await ZetKlaarAsync("schrijf", vandaag);
        long anderSignaal;
        await using (var db = database.CreateContext())
        {
            anderSignaal = await db.Signalen.Where(s => s.GemeenteCode == Ander).Select(s => s.Id).FirstAsync();
        }

        await using (var sessie = await OpenAsync(Eigen, vandaag))
        {
            var bijgewerkt = await sessie.Db.Signalen.Where(s => s.Id == anderSignaal)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AfgehandeldDoor, "km.amsterdam"));
            Assert.Equal(0, bijgewerkt);
            await sessie.CommitAsync();
        }

        await using var controle = database.CreateContext();
        Assert.Null((await controle.Signalen.SingleAsync(s => s.Id == anderSignaal)).AfgehandeldDoor);
    }

    [Fact]
    public async Task A_disclosure_is_recorded_in_the_session_with_user_municipality_and_bsns()
    {
        var vandaag = new DateOnly(2026, 11, 23);
        var gebruiker = new PibGebruiker("km.amsterdam", "Klantmanager Amsterdam", Rol.Gemeente, GemeenteCode.Parse(Eigen));
        await using (var sessie = await GemeenteSessie.OpenAsync(Factory(), gebruiker, vandaag, TestAudit.Log()))
        {
            await Verstrekkingen.RegistreerAsync(sessie, VerstrekkingKanaal.Download, "download csv Wi2021",
                ["100000009", "100000022", "100000009"], new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
            await sessie.CommitAsync();
        }

        // Only in the audit log, pseudonymised: each BSN once, under its keyed hash.
        var v = Assert.Single(await AuditRijen.VerstrekkingenAsync(database.ConnectionString), x => x.Omschrijving == "download csv Wi2021");
        Assert.Equal(("km.amsterdam", Eigen, VerstrekkingKanaal.Download), (v.Gebruiker, v.Gemeente, v.Kanaal));
        Assert.Equal(AuditRijen.Pseudoniemen(["100000009", "100000022"]), v.Betrokkenen);
    }

    [Fact]
    public async Task Only_a_municipal_user_opens_a_municipal_session()
    {
        var duo = new PibGebruiker("duo.beheer", "DUO", Rol.Duo, null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => GemeenteSessie.OpenAsync(Factory(), duo, new DateOnly(2026, 11, 23), TestAudit.Log()));
    }

    private Task<GemeenteSessie> OpenAsync(string gemeente, DateOnly vandaag) =>
        GemeenteSessie.OpenAsync(Factory(), new PibGebruiker("km", "Klantmanager", Rol.Gemeente, GemeenteCode.Parse(gemeente)), vandaag, TestAudit.Log());

    private PooledDbContextFactory<AppDbContext> Factory() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(database.ConnectionString).Options);

    /// <summary>Every case as a person with one signal to its published municipality; a prefix keeps tests apart.</summary>
    private async Task<IReadOnlyList<Geval>> ZetKlaarAsync(string prefix, DateOnly vandaag)
    {
        var gevallen = Gevallen(vandaag);
        await using var db = database.CreateContext();
        // Each test uses its own BSN range: remove what an earlier test in this class wrote.
        await db.Signalen.ExecuteDeleteAsync();
        await db.Personen.ExecuteDeleteAsync();
        foreach (var g in gevallen)
        {
            db.Personen.Add(new Persoon
            {
                Bsn = g.Bsn, Naam = "Persoon " + prefix, Nationaliteit = "SYR", Verblijfsdoel = "asiel_bepaalde_tijd",
                Uitkomst = Domain.Regimes.RegimeUitkomst.Wi2021, RegelsetVersie = "2022-03", Reden = "test", KoppelingReden = "test",
                Status = Domain.Verwerking.Verwerkingsstatus.Bepaald,
                PubUitkomst = g.PubUitkomst is { } uitkomst ? Kolomwaarden.Uitkomst(uitkomst) : null, Geparkeerd = g.Geparkeerd, PubGemeenteCode = g.Pub, GemeenteCode = g.Pub,
                PipGemeenteCode = g.Pip, PipDagtekening = g.Dagtekening, VorigePipGemeenteCode = g.VorigePip,
            });
            foreach (var (gemeente, ingetrokken) in new[] { (Eigen, false), (Ander, false), (Eigen, true) })
            {
                db.Signalen.Add(new SignaalRecord
                {
                    Bsn = g.Bsn, Code = Domain.Signalen.SignaalCode.SS101, GemeenteCode = gemeente, Regime = Domain.Regimes.Regime.Wi2021, Datum = vandaag, Toelichting = "test",
                    AangemaaktOp = DateTimeOffset.UtcNow, IngetrokkenOp = ingetrokken ? DateTimeOffset.UtcNow : null,
                });
            }
        }
        await db.SaveChangesAsync();
        return gevallen;
    }
}
