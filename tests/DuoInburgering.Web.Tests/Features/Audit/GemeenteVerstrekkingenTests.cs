using System.Text;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Features.Audit;

/// <summary>
/// One municipality's disclosures over a period (<see cref="GemeenteVerstrekkingen"/>) on real PostgreSQL: one line per
/// event with user, time, channel and number of persons, the filters, the days in Dutch time, paging, the CSV, the
/// form's Dutch messages, and the index that keeps it a range scan.
/// </summary>
public sealed class GemeenteVerstrekkingenTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Utrecht = "GM0344";
    private NpgsqlDataSource _db = null!;
    private LekrapportTestdata _data = null!;

    private static readonly IReadOnlySet<string> Gemeenten = new HashSet<string>(StringComparer.Ordinal) { "GM0344", "GM0363" };

    public async Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(database.ConnectionString);
        _data = new LekrapportTestdata(database, _db);
        if (await ScalarAsync<long>(_db, "select count(*) from audit.regel where gemeente_code = 'GM0344'") == 0)
        {
            await VulAsync();
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static DateTimeOffset Utc(int dag, int uur, int minuut = 0) => new(2022, 1, dag, uur, minuut, 0, TimeSpan.Zero);

    /// <summary>January 2022 in Utrecht, one event of each kind, and around it what must not show.</summary>
    private async Task VulAsync()
    {
        var p = Enumerable.Range(800, 6).Select(Bsn).ToArray();
        // 31 January 22:30 UTC is 23:30 in the Netherlands: still January. 23:30 UTC is 1 February there.
        await _data.ZagAsync(Utrecht, "km.utrecht", Utc(31, 22, 30), "signalenlijst Wi2021", p[0], p[1], p[2]);
        await _data.ZagAsync(Utrecht, "km.utrecht.2", Utc(20, 14), "download csv Wi2021", p[3], p[4]);
        await _data.SignaalAsync(Utrecht, Utc(17, 9), "SS101", "Wi2021", p[0], p[1], p[2], p[3]);
        await _data.SignaalAsync(Utrecht, Utc(18, 9), "SS190", "Wi2021", p[5]);
        await _data.ZagAsync(Utrecht, "km.utrecht", Utc(5, 8), "persoonspagina", p[5]);
        // Not in it: another municipality, another month (in Dutch time), a withdrawal, a DUO user's look.
        await _data.ZagAsync("GM0363", "km.amsterdam", Utc(20, 14), "signalenlijst Wi2021", p[0]);
        await _data.ZagAsync(Utrecht, "km.utrecht", Utc(31, 23, 30), "signalenlijst Wi2021", p[0]);
        await _data.ZagAsync(Utrecht, "km.utrecht", new DateTimeOffset(2021, 12, 31, 22, 59, 0, TimeSpan.Zero), "signalenlijst Wi2021", p[0]);
        await _data.SignaalAsync(AuditSoort.SignaalIngetrokken, Utrecht, Utc(19, 9), "SS101", "Wi2021", p[0]);
        await _data.DuoZagAsync(Utc(21, 9), p[0]);
    }

    private static VerstrekkingenFilter Januari(bool verstrekkingen = true, bool signalen = true, VerstrekkingKanaal? kanaal = null,
        string? gebruiker = null, string? omschrijving = null) =>
        new(Utrecht, new(2022, 1, 1), new(2022, 1, 31), verstrekkingen, signalen, kanaal, gebruiker, omschrijving);

    private GemeenteVerstrekkingen Dienst() => new(_db);

    [Fact]
    public async Task Each_event_is_one_line_with_user_time_channel_and_number_of_persons_newest_first()
    {
        var pagina = await Dienst().ZoekAsync(Januari(), 0, 25);

        Assert.Equal((5, false), (pagina.Totaal, pagina.MeerDan));
        Assert.Equal(
            [
                (Utc(31, 22, 30), AuditSoort.Verstrekking, "km.utrecht", "Scherm", "signalenlijst Wi2021", 3),
                (Utc(20, 14), AuditSoort.Verstrekking, "km.utrecht.2", "Download", "download csv Wi2021", 2),
                (Utc(18, 9), AuditSoort.SignaalVerzonden, "systeem", null, "SS190 Wi2021", 1),
                (Utc(17, 9), AuditSoort.SignaalVerzonden, "systeem", null, "SS101 Wi2021", 4),
                (Utc(5, 8), AuditSoort.Verstrekking, "km.utrecht", "Scherm", "persoonspagina", 1),
            ],
            pagina.Regels.Select(r => (r.Tijdstip, r.Soort, r.Gebruiker, r.Kanaal, r.Omschrijving, r.Personen)));
        Assert.All(pagina.Regels, r => Assert.Matches("^[0-9a-f]{32}$", r.TraceId));
    }

    [Fact]
    public async Task The_filters_narrow_by_kind_channel_user_and_screen()
    {
        async Task<List<string?>> Omschrijvingen(VerstrekkingenFilter f) =>
            [.. (await Dienst().ZoekAsync(f, 0, 25)).Regels.Select(r => r.Omschrijving)];

        Assert.Equal(["signalenlijst Wi2021", "download csv Wi2021", "persoonspagina"], await Omschrijvingen(Januari(signalen: false)));
        Assert.Equal(["SS190 Wi2021", "SS101 Wi2021"], await Omschrijvingen(Januari(verstrekkingen: false)));
        Assert.Equal(["download csv Wi2021"], await Omschrijvingen(Januari(kanaal: VerstrekkingKanaal.Download)));
        Assert.Equal(["signalenlijst Wi2021", "persoonspagina"], await Omschrijvingen(Januari(gebruiker: "km.utrecht")));
        Assert.Equal(["SS190 Wi2021"], await Omschrijvingen(Januari(omschrijving: "ss190")));
        Assert.Equal(["persoonspagina"], await Omschrijvingen(Januari(omschrijving: "PERSOON")));
        // 31 January 23:30 UTC is 1 February in the Netherlands.
        var februari = await Dienst().ZoekAsync(Januari() with { Van = new(2022, 2, 1), TotEnMet = new(2022, 2, 1) }, 0, 25);
        Assert.Equal(Utc(31, 23, 30), Assert.Single(februari.Regels).Tijdstip);
    }

    [Fact]
    public async Task Pages_come_from_the_server_and_the_count_covers_them_all()
    {
        var eerste = await Dienst().ZoekAsync(Januari(), 0, 2);
        var derde = await Dienst().ZoekAsync(Januari(), 2, 2);

        Assert.Equal((2, 5), (eerste.Regels.Count, eerste.Totaal));
        Assert.Equal((1, 5), (derde.Regels.Count, derde.Totaal));
        Assert.Equal("persoonspagina", derde.Regels[0].Omschrijving);
    }

    [Fact]
    public async Task The_csv_has_every_event_and_no_bsn()
    {
        using var uit = new MemoryStream();
        await GemeenteVerstrekkingen.SchrijfCsvAsync(uit, Januari(), Dienst().AllesAsync(Januari()), CancellationToken.None);
        var tekst = Encoding.UTF8.GetString(uit.ToArray()[3..]);
        var regels = tekst.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("gemeente;tijdstip;soort;gebruiker;rol;kanaal;omschrijving;personen;trace_id", regels[0]);
        Assert.Equal(6, regels.Length);
        Assert.StartsWith("GM0344;2022-01-31 23:30:00;Verstrekking;km.utrecht;Gemeente;Scherm;signalenlijst Wi2021;3;", regels[1], StringComparison.Ordinal);
        Assert.StartsWith("GM0344;2022-01-17 10:00:00;Signaal verzonden;systeem;Systeem;;SS101 Wi2021;4;", regels[4], StringComparison.Ordinal);
        Assert.All(Enumerable.Range(800, 6).Select(Bsn), b => Assert.DoesNotContain(b, tekst, StringComparison.Ordinal));
        Assert.Equal("verstrekkingen-GM0344-20220101-20220131.csv", GemeenteVerstrekkingen.Bestandsnaam(Januari()));
    }

    [Fact]
    public async Task The_statement_can_use_the_municipality_and_time_index()
    {
        // On a handful of rows the planner rightly prefers a scan; with scans off it must still find the partial index usable.
        var plan = await PlanZonderSeqScanAsync();
        Assert.Contains("regel_gemeente_tijdstip", plan, StringComparison.Ordinal);
        Assert.Contains("regel_gemeente_tijdstip", await PlanZonderSeqScanAsync(Januari(verstrekkingen: false, kanaal: null)), StringComparison.Ordinal);
    }

    private async Task<string> PlanZonderSeqScanAsync(VerstrekkingenFilter? filter = null)
    {
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c enable_seqscan=off" }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(cs);
        return await new GemeenteVerstrekkingen(db).PlanAsync(filter ?? Januari());
    }

    [Fact]
    public void The_form_needs_a_municipality_a_period_and_a_kind_and_says_so_in_Dutch()
    {
        var leeg = new VerstrekkingenFormulier().Lees(Gemeenten).Fouten;
        Assert.Equal("Kies een gemeente.", leeg["gemeente"]);
        Assert.Equal("Vul de periode in: de datum 'vanaf' ontbreekt.", leeg["van"]);
        Assert.Equal("Vul de periode in: de datum 'tot en met' ontbreekt.", leeg["tot"]);

        var fout = new VerstrekkingenFormulier
        {
            Gemeente = "GM9999", Van = "2022-02-01", Tot = "2022-01-31", Verstrekkingen = false, Signalen = false, Kanaal = "Fax",
        }.Lees(Gemeenten).Fouten;
        Assert.Equal("GM9999 is geen bekende gemeente (CBS-lijst).", fout["gemeente"]);
        Assert.Equal("De datum 'tot en met' ligt vóór de datum 'vanaf'.", fout["tot"]);
        Assert.Equal("Kies ten minste één soort: verstrekkingen aan gebruikers of ontvangen signalen.", fout["soort"]);
        Assert.Equal("Onbekend kanaal; kies Scherm, Zoeken, Download, Endpoint.", fout["kanaal"]);
        Assert.Equal("Geen geldige datum; gebruik dd-mm-jjjj.", new VerstrekkingenFormulier { Van = "1-2-2022" }.Lees(Gemeenten).Fouten["van"]);

        var (filter, geen) = new VerstrekkingenFormulier
        {
            Gemeente = " gm0344 ", Van = "2022-01-01", Tot = "2022-01-31", Signalen = false, Kanaal = "download", Gebruiker = " km.utrecht ",
        }.Lees(Gemeenten);
        Assert.Empty(geen);
        Assert.Equal(new VerstrekkingenFilter("GM0344", new(2022, 1, 1), new(2022, 1, 31), true, false, VerstrekkingKanaal.Download, "km.utrecht"), filter);
        Assert.Equal("?gemeente=GM0344&van=2022-01-01&tot=2022-01-31&soort=verstrekkingen&kanaal=Download&gebruiker=km.utrecht", filter!.AlsQuerystring());
    }
}
