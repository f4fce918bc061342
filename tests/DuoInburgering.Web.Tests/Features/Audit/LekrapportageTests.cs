using System.Text;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Features.Audit;

/// <summary>
/// The breach report (<see cref="Lekrapportage"/>) on real PostgreSQL: each scope, who was responsible and who was not,
/// what is recorded about the auditor's own use, bad input, and the CSV. Every test writes its own persons (BSNs from its
/// own range) and, for the period, its own year, so the tests of this class share one database without touching each other.
/// </summary>
public sealed class LekrapportageTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Ede = "GM0228";
    private const string Groningen = "GM0014";
    private const string Rotterdam = "GM0599";
    private const string Amsterdam = "GM0363";
    private const string Westerwolde = "GM1950";

    private static readonly PibGebruiker Auditor = new("fg.auditor", "Functionaris gegevensbescherming", Rol.Auditor, null);
    private NpgsqlDataSource _db = null!;
    private LekrapportTestdata _data = null!;
    private readonly FakeTimeProvider _klok = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(database.ConnectionString);
        _data = new LekrapportTestdata(database, _db);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Lekrapportage Dienst() => new(
        new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(database.ConnectionString).Options),
        TestAudit.Log(_klok), _klok);

    private static DateTimeOffset Op(int jaar, int maand, int dag, int uur = 9) => new(jaar, maand, dag, uur, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Five persons in year <paramref name="jaar"/> (January: placement, February: corrections, March: after):
    /// 1 shown to Ede (the AZC) instead of Groningen, corrected by COA; 2 wrongly under Wi2021 in Rotterdam (right
    /// municipality), taken out by a correction run; 3 rightly in Amsterdam; 4 shown to Westerwolde while COA had linked
    /// nobody, and wrongly under Wi2021, parked by the run; 5 never received or viewed by anyone.
    /// </summary>
    private async Task<(string[] P, long Run)> ScenarioAsync(int basis, int jaar)
    {
        var p = Enumerable.Range(basis, 5).Select(Bsn).ToArray();
        DateTimeOffset jan10 = Op(jaar, 1, 10), jan12 = Op(jaar, 1, 12), correctie = Op(jaar, 2, 21), mrt1 = Op(jaar, 3, 1), mrt26 = Op(jaar, 3, 26);

        await _data.SignaalAsync(Ede, jan10, "SS101", "Wi2021", p[0]);
        await _data.SignaalAsync(Rotterdam, jan10, "SS101", "Wi2021", p[1]);
        await _data.SignaalAsync(Amsterdam, jan10, "SS101", "Wi2021", p[2]);
        await _data.SignaalAsync(Westerwolde, jan10, "SS139", "Wi2021", p[3]);
        await _data.ZagAsync(Ede, "km.ede", jan12, "signalenlijst Wi2021", p[0]);
        await _data.ZagAsync(Ede, "km.ede.2", jan12.AddHours(2), "persoonspagina", p[0]);
        await _data.ZagAsync(Rotterdam, "km.rotterdam", jan12, "download csv Wi2021", p[1]);
        await _data.ZagAsync(Amsterdam, "km.amsterdam", jan12, "signalenlijst Wi2021", p[2]);
        await _data.DuoZagAsync(jan12, p[0], p[4]);

        // Corrections: COA corrects person 1's link; a run takes 2 out of Wi2021 (same municipality) and parks 4 (no municipality).
        await _data.MisplaatsingAsync(p[0], Ede, Groningen, jan10, correctie);
        await _data.SignaalAsync(AuditSoort.SignaalIngetrokken, Ede, correctie, "SS101", "Wi2021", p[0]);
        var run = await _data.CorrectierunAsync(correctie,
            new(p[1], "VerlaatWi2021", "Wi2021", "Wi2013", Rotterdam, Rotterdam, correctie),
            new(p[3], "VerlaatWi2021", "Wi2021", "Wi2013", Westerwolde, null, correctie));
        await _data.SignaalAsync(Rotterdam, correctie, "SS190", "Wi2021", p[1]);
        await _data.SignaalAsync(Westerwolde, correctie, "SS190", "Wi2021", p[3]);

        // After: the right municipalities receive and view them.
        await _data.SignaalAsync(Groningen, mrt1, "SS101", "Wi2021", p[0]);
        await _data.ZagAsync(Groningen, "km.groningen", mrt26, "persoonspagina", p[0]);
        await _data.SignaalAsync(Rotterdam, mrt26, "SS101", "Wi2013", p[1]);
        await _data.ZagAsync(Rotterdam, "km.rotterdam", mrt26, "signalenlijst Wi2013", p[1]);
        await _data.SignaalAsync(AuditSoort.SignaalAfgehandeld, Amsterdam, mrt26, "SS101", "Wi2021", p[2]);
        return (p, run);
    }

    [Fact]
    public async Task A_list_of_bsns_names_every_municipality_that_received_or_viewed_them_and_which_were_not_responsible()
    {
        var (p, _) = await ScenarioAsync(100, 2022);

        var rapport = await Dienst().MaakAsync(new LekrapportBereik.Bsns(p));

        Assert.Equal((5, 4, 3), (rapport.Personen, rapport.PersonenVerstrekt, rapport.PersonenOnterecht));
        // Not responsible first, then by name.
        Assert.Equal([Ede, Rotterdam, Westerwolde, Amsterdam, Groningen], rapport.Gemeenten.Select(g => g.Code));
        var g = rapport.Gemeenten.ToDictionary(x => x.Code);
        // Ede: one signal (the withdrawal is no contact), two views by two users, before COA's correction.
        Assert.Equal(("Ede", false, 1, 1, 1, 2, Op(2022, 1, 10), Op(2022, 1, 12, 11)), (g[Ede].Naam, g[Ede].Verantwoordelijk, g[Ede].Personen,
            g[Ede].PersonenOnterecht, g[Ede].Ontvangen, g[Ede].Ingezien, g[Ede].Eerste, g[Ede].Laatste));
        Assert.Equal(["km.ede", "km.ede.2"], g[Ede].Gebruikers);
        // Groningen only after the correction: responsible.
        Assert.Equal((true, 1, 1, 1), (g[Groningen].Verantwoordelijk, g[Groningen].Ontvangen, g[Groningen].Ingezien, g[Groningen].Personen));
        Assert.Equal(["km.groningen"], g[Groningen].Gebruikers);
        // Rotterdam saw person 2 under the wrong regime before the run (not responsible), the SS190 at the run and Wi2013 after.
        Assert.Equal((false, 1, 3, 2, Op(2022, 1, 10), Op(2022, 3, 26)), (g[Rotterdam].Verantwoordelijk, g[Rotterdam].PersonenOnterecht,
            g[Rotterdam].Ontvangen, g[Rotterdam].Ingezien, g[Rotterdam].Eerste, g[Rotterdam].Laatste));
        // Westerwolde had a person COA had linked to nobody; only signals, no user looked.
        Assert.Equal((false, 2, 0, 0), (g[Westerwolde].Verantwoordelijk, g[Westerwolde].Ontvangen, g[Westerwolde].Ingezien, g[Westerwolde].Gebruikers.Count));
        // Amsterdam rightly had person 3; handling a signal is not a contact.
        Assert.Equal((true, 1, 1), (g[Amsterdam].Verantwoordelijk, g[Amsterdam].Ontvangen, g[Amsterdam].Ingezien));
        Assert.Equal(Op(2022, 1, 10), rapport.Eerste);
        Assert.Equal(Op(2022, 3, 26), rapport.Laatste);
        // Art. 19: every recipient, the ones that were not responsible first.
        Assert.Equal([Ede, Rotterdam, Westerwolde, Amsterdam, Groningen], rapport.Rectificatieontvangers.Select(x => x.Code));
    }

    [Fact]
    public async Task The_categories_follow_the_signals_received_and_the_screens_shown()
    {
        var (p, _) = await ScenarioAsync(200, 2022);

        var rapport = await Dienst().MaakAsync(new LekrapportBereik.Bsns(p));

        var g = rapport.Gemeenten.ToDictionary(x => x.Code);
        // Westerwolde received an announcement and an SS190 and saw no screen: no name, no birth date.
        Assert.Equal([Gegevenscategorieen.Bsn, Gegevenscategorieen.Regime, Gegevenscategorieen.Doelgroep, Gegevenscategorieen.Datums,
            Gegevenscategorieen.Gemeente], g[Westerwolde].Categorieen);
        // Ede's users opened the person page: name and birth date too.
        Assert.Contains(Gegevenscategorieen.Naam, g[Ede].Categorieen);
        Assert.Contains(Gegevenscategorieen.Geboortedatum, g[Ede].Categorieen);
        Assert.Equal(Gegevenscategorieen.Alle.Where(c => rapport.Gemeenten.Any(x => x.Categorieen.Contains(c))), rapport.Categorieen);
        Assert.Equal([Gegevenscategorieen.Bsn], Gegevenscategorieen.VoorSignaal("SS190"));
        Assert.Equal([Gegevenscategorieen.Bsn], Gegevenscategorieen.VoorVerstrekking("download ss190-lijst"));
        Assert.Contains(Gegevenscategorieen.Naam, Gegevenscategorieen.VoorVerstrekking("een scherm dat nog niemand kent"));
    }

    [Fact]
    public async Task A_correction_run_reports_its_own_persons_only()
    {
        var (_, run) = await ScenarioAsync(300, 2022);

        var rapport = await Dienst().MaakAsync(new LekrapportBereik.Correctierun(run));

        Assert.Equal((2, 2, 2), (rapport.Personen, rapport.PersonenVerstrekt, rapport.PersonenOnterecht));
        Assert.Equal([Rotterdam, Westerwolde], rapport.Gemeenten.Select(g => g.Code));
        Assert.All(rapport.Gemeenten, g => Assert.False(g.Verantwoordelijk));
        Assert.Equal($"Correctierun {run}: regelset 2021-12 → 2022-03, toegepast op 21-02-2022 10:00 door duo.beheer", rapport.Omschrijving);
    }

    [Fact]
    public async Task A_run_that_has_not_reached_a_person_keeps_every_contact_of_the_old_municipality_without_ground()
    {
        var p = Bsn(350);
        await _data.SignaalAsync(Ede, Op(2023, 1, 10), "SS101", "Wi2021", p);
        await _data.ZagAsync(Ede, "km.ede", Op(2023, 4, 1), "persoonspagina", p);
        await _data.SignaalAsync(Groningen, Op(2023, 4, 2), "SS101", "Wi2021", p);
        var run = await _data.CorrectierunAsync(Op(2023, 2, 1), new LekrapportTestdata.RunPersoon(p, "Herbepalen", "Wi2021", "Wi2021", Ede, Groningen, null));

        var rapport = await Dienst().MaakAsync(new LekrapportBereik.Correctierun(run));

        Assert.EndsWith("(nog niet afgerond)", rapport.Omschrijving, StringComparison.Ordinal);
        Assert.Equal([(Ede, false), (Groningen, true)], rapport.Gemeenten.Select(g => (g.Code, g.Verantwoordelijk)));
    }

    [Fact]
    public async Task A_period_finds_the_persons_whose_wrong_municipality_episode_overlaps_it()
    {
        await ScenarioAsync(400, 2031);
        // A run that moved a person away from the municipality that had its first signal on 5 February: an episode without misplaatsing row.
        var q = Bsn(410);
        await _data.SignaalRecordAsync(q, Westerwolde, Op(2031, 2, 5));
        await _data.SignaalAsync(Westerwolde, Op(2031, 2, 5), "SS101", "Wi2021", q);
        await _data.CorrectierunAsync(Op(2031, 2, 21), new LekrapportTestdata.RunPersoon(q, "VerlaatWi2021", "Wi2021", "Geen", Westerwolde, null, Op(2031, 2, 21)));

        // Person 1 was at Ede from 10 January until 21 February; q at Westerwolde from 5 to 21 February.
        var januari = await Dienst().MaakAsync(new LekrapportBereik.Periode(new(2031, 1, 1), new(2031, 1, 31)));
        Assert.Equal(1, januari.Personen);
        Assert.Equal([(Ede, false), (Groningen, true)], januari.Gemeenten.Select(g => (g.Code, g.Verantwoordelijk)));
        Assert.Equal("Personen bij een verkeerde gemeente tussen 01-01-2031 en 31-01-2031", januari.Omschrijving);

        var februari = await Dienst().MaakAsync(new LekrapportBereik.Periode(new(2031, 2, 10), new(2031, 2, 21)));
        Assert.Equal(2, februari.Personen);
        Assert.Contains(februari.Gemeenten, g => g.Code == Westerwolde && !g.Verantwoordelijk);

        // The last day counts in full (Amsterdam time); the day after the corrections nobody was wrongly placed.
        Assert.Equal(0, (await Dienst().MaakAsync(new LekrapportBereik.Periode(new(2031, 2, 22), new(2031, 12, 31)))).Personen);
        Assert.Equal(0, (await Dienst().MaakAsync(new LekrapportBereik.Periode(new(2030, 1, 1), new(2031, 1, 9)))).Personen);
        Assert.Equal(1, (await Dienst().MaakAsync(new LekrapportBereik.Periode(new(2030, 1, 1), new(2031, 1, 10)))).Personen);
    }

    [Fact]
    public async Task A_list_of_bsns_is_recorded_as_a_disclosure_to_the_auditor_and_a_run_as_one_row_without_a_person()
    {
        var (p, run) = await ScenarioAsync(500, 2022);
        var hashes = p.Select(b => Convert.ToHexString(TestAudit.Log().Pseudoniem(b))).ToHashSet();
        var vanaf = await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel");

        await Dienst().MaakAsync(new LekrapportBereik.Bsns(p));
        Assert.Equal(vanaf, await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel"));

        await Dienst().MaakVoorAsync(Auditor, new LekrapportBereik.Bsns(p), VerstrekkingKanaal.Scherm);
        var rijen = await RijenAsync(vanaf);
        Assert.Equal(hashes, rijen.Select(r => r.Betrokkene ?? "").ToHashSet());
        Assert.All(rijen, r => Assert.Equal(("fg.auditor", "Auditor", "inzage-audit", "Zoeken", "audit: lekrapport bsn-lijst"),
            (r.Actor, r.Rol, r.Activiteit, r.Kanaal, r.Omschrijving)));
        // One disclosure to the auditor, of no municipality, naming exactly the persons asked for.
        var verstrekking = Assert.Single(await AuditRijen.VerstrekkingenAsync(database.ConnectionString, vanaf));
        Assert.Equal(("fg.auditor", (string?)null), (verstrekking.Gebruiker, verstrekking.Gemeente));
        Assert.Equal(AuditRijen.Pseudoniemen(p), verstrekking.Betrokkenen);

        vanaf = await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel");
        await Dienst().MaakVoorAsync(Auditor, new LekrapportBereik.Correctierun(run), VerstrekkingKanaal.Download);
        var regel = Assert.Single(await RijenAsync(vanaf));
        Assert.Equal((null, "fg.auditor", "Download", $"audit: lekrapport correctierun {run}", "2"),
            (regel.Betrokkene, regel.Actor, regel.Kanaal, regel.Omschrijving, regel.Personen));
    }

    private sealed record AuditRij(string? Betrokkene, string Actor, string? Rol, string Activiteit, string? Kanaal, string? Omschrijving, string? Personen);

    private async Task<List<AuditRij>> RijenAsync(long vanaf)
    {
        await AuditWachtrij.VerwerkAsync(_db);
        await using var cmd = _db.CreateCommand("""
            select encode(betrokkene, 'hex'), actor, rol, verwerkingsactiviteit, gegevens->>'kanaal', gegevens->>'omschrijving', gegevens->>'personen'
            from audit.regel where id > @vanaf order by id
            """);
        cmd.Parameters.AddWithValue("vanaf", vanaf);
        var uit = new List<AuditRij>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            string? T(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            uit.Add(new AuditRij(T(0)?.ToUpperInvariant(), r.GetString(1), T(2), r.GetString(3), T(4), T(5), T(6)));
        }
        return uit;
    }

    [Fact]
    public async Task Bad_scopes_get_a_Dutch_message_and_nothing_is_reported_or_recorded()
    {
        var vanaf = await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel");

        var onbekend = await Assert.ThrowsAsync<LekrapportException>(() =>
            Dienst().MaakVoorAsync(Auditor, new LekrapportBereik.Correctierun(987_654), VerstrekkingKanaal.Scherm));
        Assert.Equal("Correctierun 987654 bestaat niet.", onbekend.Message);
        var omgekeerd = await Assert.ThrowsAsync<LekrapportException>(() =>
            Dienst().MaakAsync(new LekrapportBereik.Periode(new(2022, 3, 1), new(2022, 2, 1))));
        Assert.Equal("De datum 'tot en met' ligt vóór de datum 'vanaf'.", omgekeerd.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => Dienst().MaakAsync(new LekrapportBereik.Bsns(["123456789"])));

        Assert.Equal(vanaf, await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel"));
    }

    [Fact]
    public void A_pasted_list_gets_a_message_per_bad_line_and_keeps_each_good_bsn_once()
    {
        var goed1 = Bsn(600);
        var goed2 = Bsn(601);
        var (bereik, fouten) = LekrapportBereik.LeesBsns($"{goed1}\n12345\n\n123456789\r\nabc, {goed2}; {goed1}\n000000000");

        Assert.Null(bereik);
        Assert.Equal(
            [
                "Regel 2 ('12345'): BSN moet uit precies 9 cijfers bestaan.",
                "Regel 4 ('123456789'): BSN voldoet niet aan de elfproef.",
                "Regel 5 ('abc'): BSN moet uit precies 9 cijfers bestaan.",
                "Regel 6 ('000000000'): BSN 000000000 is ongeldig.",
            ], fouten);

        (bereik, fouten) = LekrapportBereik.LeesBsns($" {goed1}\n\n{goed2},{goed1}\n");
        Assert.Empty(fouten);
        Assert.Equal([goed1, goed2], bereik!.Lijst);

        Assert.Equal(["Geef ten minste één BSN, één per regel."], LekrapportBereik.LeesBsns(" \n ").Fouten);
    }

    [Fact]
    public void The_form_names_the_field_that_is_wrong()
    {
        Assert.Equal("Kies een correctierun.", new LekrapportFormulier { Soort = "correctierun", Correctie = "" }.Lees().Fouten["correctie"]);
        Assert.Equal("Kies een correctierun.", new LekrapportFormulier { Soort = "correctierun", Correctie = "-3" }.Lees().Fouten["correctie"]);
        Assert.Equal("Vul de datum 'vanaf' in.", new LekrapportFormulier { Soort = "periode", Tot = "2022-01-31" }.Lees().Fouten["van"]);
        Assert.Equal("Geen geldige datum; gebruik dd-mm-jjjj.", new LekrapportFormulier { Soort = "periode", Van = "31-01-2022", Tot = "2022-01-31" }.Lees().Fouten["van"]);
        Assert.Equal("De datum 'tot en met' ligt vóór de datum 'vanaf'.",
            new LekrapportFormulier { Soort = "periode", Van = "2022-02-01", Tot = "2022-01-31" }.Lees().Fouten["tot"]);
        Assert.Equal("Kies een bereik: een correctierun, een lijst van BSN's of een periode.", new LekrapportFormulier { Soort = "x" }.Lees().Fouten["soort"]);
        var (_, fouten, bsnFouten) = new LekrapportFormulier { Soort = "bsns", Bsns = "1\n2" }.Lees();
        Assert.Equal("2 regels zijn niet in orde; zie de lijst hieronder.", fouten["bsns"]);
        Assert.Equal(2, bsnFouten.Count);
        Assert.IsType<LekrapportBereik.Periode>(new LekrapportFormulier { Soort = "periode", Van = "2022-01-01", Tot = "2022-01-01" }.Lees().Bereik);
    }

    [Fact]
    public async Task The_csv_has_a_total_row_and_one_row_per_municipality_and_no_bsn()
    {
        var (p, _) = await ScenarioAsync(700, 2022);
        var rapport = await Dienst().MaakAsync(new LekrapportBereik.Bsns(p));

        using var uit = new MemoryStream();
        await LekrapportCsv.SchrijfAsync(uit, rapport, CancellationToken.None);
        var bytes = uit.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var regels = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("gemeente_code;gemeente;verantwoordelijk;personen;personen_niet_verantwoordelijk;signalen_ontvangen;keren_ingezien;" +
            "gebruikers;eerste;laatste;categorieen;personen_bij_andere_gemeente;art19_rectificatie", regels[0]);
        Assert.StartsWith(";\"Totaal: Lijst van 5 BSN's; 5 personen in het bereik\";;4;3;", regels[1], StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 5, regels.Length);
        Assert.StartsWith("GM0228;Ede;nee;1;1;1;2;km.ede, km.ede.2;2022-01-10 10:00:00;2022-01-12 12:00:00;BSN, Naam,", regels.Single(r => r.StartsWith("GM0228;", StringComparison.Ordinal)),
            StringComparison.Ordinal);
        Assert.EndsWith("Melden dat de gegevens ten onrechte zijn verstrekt, de rectificatie doorgeven en vragen wat zij nog hebben te verwijderen.",
            regels.Single(r => r.StartsWith("GM0228;", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("GM0014;Groningen;ja;1;0;", regels.Single(r => r.StartsWith("GM0014;", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(p, b => Assert.DoesNotContain(b, string.Join("\n", regels), StringComparison.Ordinal));
        Assert.Equal("lekrapport-bsn-lijst-20261123.csv", LekrapportCsv.Bestandsnaam(rapport));
    }
}
