using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Audit;
using System.Net;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Features.Start;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Start;

/// <summary>
/// The municipality's start page for Amsterdam, Rotterdam and Cranendonck over people that overlap:
/// one moved from Amsterdam to Rotterdam, one lives at an AZC in Cranendonck linked by COA to Amsterdam.
/// Each sees its own counts, weeks and terms and nothing of the others'.
/// </summary>
public sealed class GemeenteStartTests : PersonenTestdata
{
    private static readonly DateOnly Vandaag15Juni = new(2026, 6, 15); // a Monday, ISO week 2026-W25
    private static readonly DeadlineOpties Deadlines = new(false, new TimeOnly(2, 0), DeadlineInstellingen.Standaard);

    private readonly string _eigen1 = Bsn(1);   // Amsterdam, term from 4 May
    private readonly string _verhuisd = Bsn(2); // Amsterdam 4 May, Rotterdam from 18 May
    private readonly string _inAzc = Bsn(3);    // AZC Budel (Cranendonck), linked to Amsterdam
    private readonly string _wi2013 = Bsn(4);   // Amsterdam, Wi2013
    private readonly string _eigen2 = Bsn(5);   // Amsterdam, term from 11 May
    private readonly string _oud = Bsn(6);      // Amsterdam since January: SS126 sent, its SS139 handled

    private async Task ZetKlaarAsync()
    {
        var document = new DateOnly(2026, 3, 1);
        await VerwerkAsync(Gezinsmigrant(_oud, new DateOnly(2025, 12, 1)), Amsterdam, new DateOnly(2026, 1, 5));
        await VerwerkAsync(Gezinsmigrant(_eigen1, document), Amsterdam, new DateOnly(2026, 5, 4));
        await VerwerkAsync(Gezinsmigrant(_verhuisd, document), Amsterdam, new DateOnly(2026, 5, 4));
        await VerwerkAsync(Gezinsmigrant(_verhuisd, document), Rotterdam, new DateOnly(2026, 5, 18));
        await VerwerkAsync(Asielstatushouder(_inAzc, document),
            new BrpFeit { Bsn = _inAzc, Gemeente = Cranendonck, AdresIsCoaLocatie = true, BerichtId = "B-azc" },
            new CoaFeit { Bsn = _inAzc, Locatie = "AZC Budel", GekoppeldeGemeente = Amsterdam, DatumGekoppeld = new DateOnly(2026, 5, 1), BerichtId = "C-azc" },
            new DateOnly(2026, 5, 11));
        await VerwerkAsync(Gezinsmigrant(_wi2013, new DateOnly(2021, 6, 1)), Amsterdam, new DateOnly(2026, 5, 11));
        await VerwerkAsync(Gezinsmigrant(_eigen2, document), Amsterdam, new DateOnly(2026, 5, 11));
        await DeadlineVerwerking.RunAsync(DataSource, KlokOp(Vandaag15Juni), DeadlineInstellingen.Standaard, TestAudit.Log(), CancellationToken.None);
        await SqlAsync("update signaal set afgehandeld_op = now(), afgehandeld_door = 'km' where bsn = $1 and code = 'SS139'", _oud);
        ZetKlok(Vandaag15Juni);
    }

    private Task<StartGegevens> LaadAsync(string gemeente) =>
        new StartOverzicht(Sessies(), Klok, Deadlines).LaadAsync(Klantmanager(gemeente));

    private static List<string> Tellingen(StartGegevens s) =>
        [.. s.Omgevingen.SelectMany(o => o.Codes.Select(c => $"{o.Regime} {c.Code} {c.Open}/{c.Totaal}"))];

    [Fact]
    public async Task Amsterdam_sees_its_own_counts_weeks_and_terms_and_the_term_list_is_recorded()
    {
        await ZetKlaarAsync();

        var s = await LaadAsync(Amsterdam);

        Assert.Equal("Amsterdam", s.GemeenteNaam);
        Assert.Equal(
            ["Wi2021 SS101 1/1", "Wi2021 SS122 1/1", "Wi2021 SS126 1/1", "Wi2021 SS139 3/4", "Wi2013 SS101 1/1"],
            Tellingen(s));
        Assert.Equal([Regime.Wi2021, Regime.Wi2013, Regime.Wi2007], s.Omgevingen.Select(o => o.Regime));
        Assert.Equal(SignaalCatalogus.Naam(SignaalCode.SS126), s.Omgevingen[0].Codes.Single(c => c.Code == "SS126").Naam);

        Assert.Equal(12, s.Aankomsten.Weken.Count);
        Assert.Equal(("2026-W14", "2026-W25"), (s.Aankomsten.Weken[0], s.Aankomsten.Weken[^1]));
        var wi2021 = s.Aankomsten.Reeksen.Single(r => r.Regime == Regime.Wi2021).Aantallen;
        var wi2013 = s.Aankomsten.Reeksen.Single(r => r.Regime == Regime.Wi2013).Aantallen;
        Assert.Equal([0, 0, 0, 0, 0, 2, 2, 1, 0, 0, 0, 1], wi2021);  // W19: 2×SS139, W20: SS139 + SS101 (AZC), W21: SS122, W25: SS126
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], wi2013);
        Assert.DoesNotContain(s.Aankomsten.Reeksen, r => r.Regime == Regime.Wi2007);

        Assert.Equal(
            [(_eigen1, new DateOnly(2026, 7, 13), 28), (_eigen2, new DateOnly(2026, 7, 20), 35)],
            s.Termijnen.Select(t => (t.Bsn, t.Einde, t.DagenOver)));

        var v = Assert.Single(await VerstrekkingenAsync());
        Assert.Equal((VerstrekkingKanaal.Scherm, Amsterdam), (v.Kanaal, v.Gemeente));
        Assert.Equal(AuditRijen.Pseudoniemen([_eigen1, _eigen2]), v.Betrokkenen);
    }

    [Fact]
    public async Task Rotterdam_sees_only_the_person_who_moved_in_and_Cranendonck_sees_nothing_of_the_AZC()
    {
        await ZetKlaarAsync();

        var rotterdam = await LaadAsync(Rotterdam);
        Assert.Equal(["Wi2021 SS120 1/1"], Tellingen(rotterdam));
        Assert.Equal([(_verhuisd, new DateOnly(2026, 7, 13))], rotterdam.Termijnen.Select(t => (t.Bsn, t.Einde)));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0], Assert.Single(rotterdam.Aankomsten.Reeksen).Aantallen);

        var cranendonck = await LaadAsync(Cranendonck);
        Assert.Empty(Tellingen(cranendonck));
        Assert.Empty(cranendonck.Aankomsten.Reeksen);
        Assert.Empty(cranendonck.Termijnen);

        // Only Rotterdam was shown a BSN.
        var v = Assert.Single(await VerstrekkingenAsync());
        Assert.Equal(Rotterdam, v.Gemeente);
        Assert.Equal(AuditRijen.Pseudoniemen([_verhuisd]), v.Betrokkenen);
    }

    [Fact]
    public async Task The_page_shows_the_chart_as_a_table_too_links_the_terms_and_holds_no_other_municipalitys_BSN()
    {
        await ZetKlaarAsync();
        var web = Web();

        var antwoord = await web.GemeenteClient(Amsterdam).GetAsync(new Uri("/gemeente", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("Aantal nieuwe signalen per ISO-week en omgeving", html, StringComparison.Ordinal);
        Assert.Contains("data-week=\"2026-W19\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"gemeente/personen/{_eigen1}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"gemeente/signalen/wi2021\"", html, StringComparison.Ordinal);
        foreach (var ander in new[] { _verhuisd, _inAzc, _wi2013, _oud })
        {
            Assert.DoesNotContain(ander, html, StringComparison.Ordinal);
        }

        var cranendonck = await web.GemeenteClient(Cranendonck).GetStringAsync(new Uri("/gemeente", UriKind.Relative));
        foreach (var bsn in new[] { _eigen1, _verhuisd, _inAzc, _wi2013, _eigen2, _oud })
        {
            Assert.DoesNotContain(bsn, cranendonck, StringComparison.Ordinal);
        }
        Assert.Contains("Geen inburgeraars met een lopende termijn.", cranendonck, StringComparison.Ordinal);
    }
}
