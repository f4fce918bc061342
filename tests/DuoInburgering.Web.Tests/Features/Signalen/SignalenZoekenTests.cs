using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>The signal list against an in-memory oracle: every filter, sort and page, two municipalities with overlapping people.</summary>
public sealed class SignalenZoekenTests(SignalenZoekenTests.Gevuld gevuld) : IClassFixture<SignalenZoekenTests.Gevuld>
{
    /// <summary>One seeded database for the read-only tests of this class.</summary>
    public sealed class Gevuld : IAsyncLifetime
    {
        public TestDatabase Database { get; } = new();

        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            await VulAsync(Database);
        }

        public Task DisposeAsync() => Database.DisposeAsync();
    }

    private TestDatabase Db => gevuld.Database;

    public static TheoryData<string> Filters() =>
    [
        "", "code=SS190", "code=SS101", "van=2026-10-20", "tot=2026-10-20", "van=2026-10-01&tot=2026-10-31",
        "afgehandeld=ja", "afgehandeld=nee", "doelgroep=Asielstatushouder", "doelgroep=OverigeMigrant",
        "zoek=an", "zoek=A_B", "zoek=0%", "zoek=JOE", "sorteer=code", "sorteer=code&richting=oplopend", "sorteer=bsn",
        "sorteer=bsn&richting=oplopend", "richting=oplopend", "code=SS139&afgehandeld=nee&sorteer=bsn",
        "regime=wi2013", "regime=wi2007", "regime=wi2013&sorteer=code",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_page_of_every_filter_and_sort_equals_the_oracle(string query)
    {
        var filter = FilterUit(query) with { PaginaGrootte = 7 };
        var verwacht = await OrakelAsync(Db, Eigen, filter);
        var zoeken = Zoeken(Db, Klok());

        var gekregen = new List<SignaalRij>();
        for (var pagina = 0; ; pagina++)
        {
            var uitkomst = await zoeken.ZoekAsync(Klantmanager, filter with { Pagina = pagina });
            Assert.Equal(verwacht.Count, uitkomst.Totaal);
            Assert.False(uitkomst.MeerDan);
            Assert.True(uitkomst.Rijen.Count <= 7);
            gekregen.AddRange(uitkomst.Rijen);
            if (uitkomst.Rijen.Count < 7)
            {
                break;
            }
        }
        Assert.Equal(verwacht, gekregen);
    }

    [Fact]
    public async Task The_seed_exercises_the_awkward_cases_the_oracle_tests_rely_on()
    {
        var alle = await OrakelAsync(Db, Eigen, new SignaalFilter(Regime.Wi2021));
        Assert.True(alle.Count > 30);
        Assert.Contains(alle, r => r.Naam is null);
        Assert.Contains(alle, r => r.Code == "SS190");
        Assert.Contains(alle, r => r.Afgehandeld);
        // "_" and "%" are literal in a name search, not wildcards.
        var onderstreept = await OrakelAsync(Db, Eigen, FilterUit("zoek=A_B"));
        Assert.NotEmpty(onderstreept);
        Assert.All(onderstreept, r => Assert.Contains("a_B", r.Naam, StringComparison.Ordinal));
        Assert.All(await OrakelAsync(Db, Eigen, FilterUit("zoek=0%")), r => Assert.Contains("0%", r.Naam, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_municipalitys_signals_never_appear_and_a_person_who_moved_away_keeps_our_signal_without_a_name()
    {
        await using var db = Db.CreateContext();
        var anderIds = await db.Signalen.Where(s => s.GemeenteCode == Ander).Select(s => s.Id).ToListAsync();
        var weg = await db.Personen.Where(p => p.PubGemeenteCode == Ander).Select(p => p.Bsn).ToListAsync();
        Assert.NotEmpty(anderIds);

        var zoeken = Zoeken(Db, Klok());
        var uitkomst = await zoeken.ZoekAsync(Klantmanager, new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 100 });
        Assert.DoesNotContain(uitkomst.Rijen, r => anderIds.Contains(r.Id));
        var vertrokken = uitkomst.Rijen.Where(r => weg.Contains(r.Bsn)).ToList();
        Assert.NotEmpty(vertrokken);
        Assert.All(vertrokken, r => Assert.Null(r.Naam));

        // The same person, seen from the municipality they moved to: only that municipality's signals, with the name.
        var ander = await zoeken.ZoekAsync(AnderKlantmanager, new SignaalFilter(Regime.Wi2021) { Zoekterm = vertrokken[0].Bsn });
        Assert.NotEmpty(ander.Rijen);
        Assert.All(ander.Rijen, r => Assert.Contains(r.Id, anderIds));
        Assert.All(ander.Rijen, r => Assert.NotNull(r.Naam));
    }

    [Fact]
    public async Task The_page_shown_is_recorded_as_a_disclosure_with_exactly_its_bsns_and_a_search_as_zoeken()
    {
        var zoeken = Zoeken(Db, Klok());
        var lijst = await zoeken.ZoekAsync(Klantmanager, new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 5, Pagina = 1 });
        var gezocht = await zoeken.ZoekAsync(Klantmanager, new SignaalFilter(Regime.Wi2021) { Zoekterm = "an" });

        var vastgelegd = (await AuditRijen.VerstrekkingenAsync(Db.ConnectionString)).TakeLast(2).Reverse().ToList();
        Assert.Equal(VerstrekkingKanaal.Zoeken, vastgelegd[0].Kanaal);
        Assert.Equal(AuditRijen.Pseudoniemen(gezocht.Rijen.Select(r => r.Bsn)), vastgelegd[0].Betrokkenen);
        Assert.Equal(VerstrekkingKanaal.Scherm, vastgelegd[1].Kanaal);
        Assert.Equal(AuditRijen.Pseudoniemen(lijst.Rijen.Select(r => r.Bsn)), vastgelegd[1].Betrokkenen);
        Assert.Equal(("km.amsterdam", Eigen, "signalenlijst Wi2021"), (vastgelegd[1].Gebruiker, vastgelegd[1].Gemeente, vastgelegd[1].Omschrijving));
    }

    [Fact]
    public async Task A_page_whose_disclosure_cannot_be_recorded_is_not_shown_even_though_its_count_came_first()
    {
        // The count and the record go in one batch, the count first: a failing insert behind it must still fail the page.
        var zoeken = Zoeken(Db, Klok());
        var filter = new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 2 };
        var verstrekkingenVoor = (await AuditRijen.VerstrekkingenAsync(Db.ConnectionString)).Count;
        await using (var db = Db.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync($"revoke insert on audit.wachtrij from {DuoInburgering.Web.Security.GemeenteSessie.DatabaseRol}");
        }
        try
        {
            var fout = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => zoeken.ZoekAsync(Klantmanager, filter));
            Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
        }
        finally
        {
            await using var db = Db.CreateContext();
            await db.Database.ExecuteSqlRawAsync($"grant insert on audit.wachtrij to {DuoInburgering.Web.Security.GemeenteSessie.DatabaseRol}");
        }

        Assert.Equal(verstrekkingenVoor, (await AuditRijen.VerstrekkingenAsync(Db.ConnectionString)).Count);
        var getoond = await zoeken.ZoekAsync(Klantmanager, filter);
        Assert.Equal((await OrakelAsync(Db, Eigen, filter)).Count, getoond.Totaal);
    }

    [Fact]
    public async Task The_grouped_view_has_one_row_per_person_with_count_open_and_latest_date_and_is_paged()
    {
        var filter = new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 4 };
        var verwacht = await PerPersoonOrakelAsync(Db, Eigen, filter);
        var zoeken = Zoeken(Db, Klok());
        var gekregen = new List<PersoonGroep>();
        for (var pagina = 0; pagina * 4 < verwacht.Count; pagina++)
        {
            var uitkomst = await zoeken.ZoekPerPersoonAsync(Klantmanager, filter with { Pagina = pagina });
            Assert.Equal(verwacht.Count, uitkomst.Totaal);
            gekregen.AddRange(uitkomst.Rijen);
        }
        Assert.Equal(verwacht, gekregen);
        Assert.Contains(gekregen, g => g.Aantal > 1);
    }

    [Theory]
    [InlineData("van=2026-11-01&tot=2026-10-01", "De begindatum ligt na de einddatum.")]
    [InlineData("zoek=12345", "Een BSN bestaat uit 9 cijfers en moet de elfproef doorstaan.")]
    [InlineData("zoek=123456789", "Een BSN bestaat uit 9 cijfers en moet de elfproef doorstaan.")]
    [InlineData("zoek=a", "Zoek op een BSN van 9 cijfers of op minstens 2 tekens van de naam.")]
    [InlineData("code=SS999", "Onbekende signaalcode.")]
    public async Task A_bad_filter_is_refused_with_a_Dutch_reason_before_anything_is_read(string query, string melding)
    {
        var filter = FilterUit(query);
        var fouten = SignaalFilterValidator.Instantie.Validate(filter).Errors.Select(e => e.ErrorMessage);
        Assert.Contains(melding, fouten);
        await Assert.ThrowsAsync<ValidationException>(() => Zoeken(Db, Klok()).ZoekAsync(Klantmanager, filter));
    }

    [Theory]
    [InlineData(101, 0, "Het aantal rijen per pagina ligt tussen 1 en 100.")]
    [InlineData(100, 100, "Verder dan 10.000 signalen bladeren kan niet; verfijn het filter.")]
    public void Paging_is_bounded(int grootte, int pagina, string melding)
    {
        var fouten = SignaalFilterValidator.Instantie.Validate(new SignaalFilter(Regime.Wi2021) { PaginaGrootte = grootte, Pagina = pagina });
        Assert.Contains(melding, fouten.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public async Task Counting_stops_at_ten_thousand_and_says_so()
    {
        const string denHaag = "GM0518";
        await using (var db = Db.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync($"""
                insert into signaal (bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op)
                select lpad(g::text, 9, '0'), 'SS101', '{denHaag}', 'Wi2021', date '2026-01-01' + (g % 300), 'test', now()
                from generate_series(1, 10050) g
                """);
        }
        var gebruiker = Klantmanager with { Id = "km.denhaag", GemeenteCode = GemeenteCode.Parse(denHaag) };
        var uitkomst = await Zoeken(Db, Klok()).ZoekAsync(gebruiker, new SignaalFilter(Regime.Wi2021));
        Assert.Equal((SignalenZoeken.TelLimiet, true, 25), (uitkomst.Totaal, uitkomst.MeerDan, uitkomst.Rijen.Count));
    }
}
