using System.Net;
using System.Text;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Features.Audit;

/// <summary>
/// The auditor's screens for a municipality's disclosures and the breach report, on the real host: only the Auditor role
/// opens them or downloads from them, the downloads answer CSV or a Dutch 400, and the breach report's download is a post
/// with the antiforgery token, recorded like the screen.
/// </summary>
public sealed class AuditSchermenTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PibWebFactory _factory = null!;
    private NpgsqlDataSource _db = null!;

    private const string VerstrekkingenCsv = "/audit/verstrekkingen.csv?gemeente=GM0344&van=2022-01-01&tot=2022-01-31";

    public Task InitializeAsync()
    {
        _factory = new PibWebFactory(database);
        _db = NpgsqlDataSource.Create(database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static Uri Pad(string pad) => new(pad, UriKind.Relative);

    [Fact]
    public async Task The_auditor_opens_both_screens_from_the_menu()
    {
        using var client = Aanmelding.Als(_factory, "fg.auditor");

        var verstrekkingen = await client.GetStringAsync(Pad("/audit/verstrekkingen"));
        Assert.Contains("<title>Verstrekkingen per gemeente · Portaal Inburgering</title>", verstrekkingen, StringComparison.Ordinal);
        Assert.Contains(">Verstrekkingen per gemeente</h1>", verstrekkingen, StringComparison.Ordinal);
        Assert.Contains("Ontvangen signalen", verstrekkingen, StringComparison.Ordinal);
        Assert.Contains("href=\"audit/verstrekkingen\"", verstrekkingen, StringComparison.Ordinal);
        Assert.Contains("href=\"audit/lekrapport\"", verstrekkingen, StringComparison.Ordinal);

        var lekrapport = await client.GetStringAsync(Pad("/audit/lekrapport"));
        Assert.Contains("<title>Lekrapport · Portaal Inburgering</title>", lekrapport, StringComparison.Ordinal);
        Assert.Contains(">Lekrapport</h1>", lekrapport, StringComparison.Ordinal);
        Assert.Contains("Rapport maken", lekrapport, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("km.amsterdam")]
    [InlineData("duo.beheer")]
    public async Task A_caseworker_or_DUO_user_gets_no_audit_screen_and_no_audit_download(string gebruiker)
    {
        using var client = Aanmelding.Als(_factory, gebruiker);
        foreach (var pad in new[] { "/audit/verstrekkingen", "/audit/lekrapport" })
        {
            var antwoord = await client.GetAsync(Pad(pad));
            Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
            Assert.Equal($"/geen-toegang?returnUrl={Uri.EscapeDataString(pad)}", antwoord.Headers.Location?.PathAndQuery);
            var pagina = await client.GetAsync(antwoord.Headers.Location!);
            Assert.Equal(HttpStatusCode.Forbidden, pagina.StatusCode);
            Assert.Contains("Geen toegang", await pagina.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var csv = await client.GetAsync(Pad(VerstrekkingenCsv));
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.Equal("", await csv.Content.ReadAsStringAsync());

        var token = await Aanmelding.AntiforgeryTokenAsync(client, gebruiker == "duo.beheer" ? "/duo" : "/gemeente");
        using var post = await client.PostAsync(Pad("/audit/lekrapport.csv"), Formulier(token, ("Soort", "bsns"), ("Bsns", Bsn(900))));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_session_the_screens_send_to_sign_in_and_the_downloads_answer_401()
    {
        using var client = Aanmelding.Anoniem(_factory);
        var pagina = await client.GetAsync(Pad("/audit/lekrapport"));
        Assert.Equal(HttpStatusCode.Redirect, pagina.StatusCode);
        Assert.Equal("/inloggen?returnUrl=%2Faudit%2Flekrapport", pagina.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Pad(VerstrekkingenCsv))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Pad("/audit/lekrapport.csv"), Formulier(null))).StatusCode);
    }

    [Fact]
    public async Task The_auditor_downloads_a_municipalitys_disclosures_and_a_bad_filter_gets_a_Dutch_400()
    {
        var data = new LekrapportTestdata(database, _db);
        await data.ZagAsync("GM0344", "km.utrecht", new DateTimeOffset(2022, 1, 20, 9, 0, 0, TimeSpan.Zero), "signalenlijst Wi2021", Bsn(901), Bsn(902));
        using var client = Aanmelding.Als(_factory, "fg.auditor");

        using var antwoord = await client.GetAsync(Pad(VerstrekkingenCsv + "&soort=verstrekkingen"));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("text/csv", antwoord.Content.Headers.ContentType?.MediaType);
        Assert.Equal("verstrekkingen-GM0344-20220101-20220131.csv", antwoord.Content.Headers.ContentDisposition?.FileNameStar);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("GM0344;2022-01-20 10:00:00;Verstrekking;km.utrecht;Gemeente;Scherm;signalenlijst Wi2021;2;", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain(Bsn(901), tekst, StringComparison.Ordinal);

        using var fout = await client.GetAsync(Pad("/audit/verstrekkingen.csv?gemeente=GM0344&van=2022-02-01&tot=2022-01-31"));
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Contains("De datum 'tot en met' ligt vóór de datum 'vanaf'.", await fout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var zonderGemeente = await client.GetAsync(Pad("/audit/verstrekkingen.csv?van=2022-01-01&tot=2022-01-31"));
        Assert.Equal(HttpStatusCode.BadRequest, zonderGemeente.StatusCode);
        Assert.Contains("Kies een gemeente.", await zonderGemeente.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_auditor_posts_for_the_breach_report_csv_which_is_recorded_and_bad_lines_get_a_Dutch_400()
    {
        var data = new LekrapportTestdata(database, _db);
        var bsn = Bsn(910);
        await data.SignaalAsync("GM0228", new DateTimeOffset(2022, 1, 17, 9, 0, 0, TimeSpan.Zero), "SS101", "Wi2021", bsn);
        await data.MisplaatsingAsync(bsn, "GM0228", "GM0014", new DateTimeOffset(2022, 1, 17, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2022, 2, 21, 9, 0, 0, TimeSpan.Zero));
        using var client = Aanmelding.Als(_factory, "fg.auditor");
        var token = await Aanmelding.AntiforgeryTokenAsync(client, "/audit/lekrapport");
        var vanaf = await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel");

        using var antwoord = await client.PostAsync(Pad("/audit/lekrapport.csv"), Formulier(token, ("Soort", "bsns"), ("Bsns", bsn + "\n")));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.StartsWith("lekrapport-bsn-lijst-", antwoord.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var tekst = Encoding.UTF8.GetString(await antwoord.Content.ReadAsByteArrayAsync());
        Assert.Contains("\r\nGM0228;Ede;nee;1;1;1;0;;", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain(bsn, tekst, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>(_db,
            $"select count(*) from audit.regel where id > {vanaf} and actor = 'fg.auditor' and gegevens->>'kanaal' = 'Download' and betrokkene is not null"));

        using var fout = await client.PostAsync(Pad("/audit/lekrapport.csv"), Formulier(token, ("Soort", "bsns"), ("Bsns", "12345\n123456789")));
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var melding = await fout.Content.ReadAsStringAsync();
        Assert.Contains("Regel 1 ('12345'): BSN moet uit precies 9 cijfers bestaan.", melding, StringComparison.Ordinal);
        Assert.Contains("Regel 2 ('123456789'): BSN voldoet niet aan de elfproef.", melding, StringComparison.Ordinal);

        using var onbekend = await client.PostAsync(Pad("/audit/lekrapport.csv"), Formulier(token, ("Soort", "correctierun"), ("Correctie", "424242")));
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);
        Assert.Contains("Correctierun 424242 bestaat niet.", await onbekend.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without the token the post is refused and nothing is recorded.
        vanaf = await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel");
        using var zonderToken = await client.PostAsync(Pad("/audit/lekrapport.csv"), Formulier(null, ("Soort", "bsns"), ("Bsns", bsn)));
        Assert.Equal(HttpStatusCode.BadRequest, zonderToken.StatusCode);
        Assert.Equal(vanaf, await ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel"));
    }

    private static FormUrlEncodedContent Formulier(string? token, params (string Naam, string Waarde)[] velden) =>
        new(velden.Select(v => KeyValuePair.Create(v.Naam, v.Waarde))
            .Concat(token is null ? [] : [KeyValuePair.Create("__RequestVerificationToken", token)]));
}
