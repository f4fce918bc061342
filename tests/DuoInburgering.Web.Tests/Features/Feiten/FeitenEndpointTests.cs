using DuoInburgering.Web.Features.Feiten;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>POST /api/feiten/{bron} through the real host on a real database, with a fixed clock.</summary>
public sealed class FeitenEndpointTests : IClassFixture<TestDatabase>, IDisposable
{
    /// <summary>Microsecond precision: what PostgreSQL stores is exactly this instant.</summary>
    private static readonly DateTimeOffset Begin = new(2022, 3, 25, 9, 0, 0, 123, 456, TimeSpan.Zero);

    private readonly TestDatabase _database;
    private readonly PibWebFactory _basis;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly FakeTimeProvider _klok = new(Begin);

    public FeitenEndpointTests(TestDatabase database)
    {
        _database = database;
        _basis = new PibWebFactory(database);
        _factory = _basis.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_klok)));
    }

    public void Dispose() => _basis.Dispose();

    private string Cs => _database.ConnectionString;

    private static readonly object FatimaBrp = new
    {
        bericht_id = "E-BRP-06", bsn = "999990068", gemeente = "GM0599", adres_is_coa_locatie = "false", datum_vestiging = "2021-10-04",
    };

    private static Dictionary<string, string?> FatimaInd(string berichtId = "E-IND-06", string naam = "Fatima Benali") => new()
    {
        ["bericht_id"] = berichtId, ["bsn"] = "999990068", ["v_nummer"] = "0099990006", ["naam"] = naam,
        ["geboortedatum"] = "1993-09-09", ["nationaliteit"] = "MAR", ["verblijfsdoel"] = "gezinshereniging",
        ["datum_ingang_verblijfsrecht"] = "2021-09-20", ["datum_beschikking"] = "2021-12-01",
        ["datum_bekendmaking_beschikking"] = null, ["datum_uitreiking_document"] = "2021-12-15",
        ["datum_kennisgeving"] = "2022-01-11", ["datum_intrekking"] = null,
    };

    private async Task<HttpResponseMessage> PostAsync(string bron, object bericht, string? sleutel) =>
        await PostRuwAsync(bron, JsonSerializer.Serialize(bericht), sleutel);

    private async Task<HttpResponseMessage> PostRuwAsync(string bron, string body, string? sleutel)
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feiten/{bron}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (sleutel is not null)
        {
            request.Headers.Add(FeitenEndpoints.SleutelHeader, sleutel);
        }
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    [Fact]
    public async Task While_a_correction_is_left_half_done_a_message_gets_503_with_a_Dutch_problem_and_is_not_stored()
    {
        await FeitenDb.ScalarAsync<int>(Cs, """
            insert into correctie (versie, vorige_versie, door, aangemaakt_op, lijst_hash, status, personen, verlaten_wi2021, herbepaald,
                                   verwerkt, ss190, signalen)
            values ('2022-03', '2021-12', 'duo.beheer', now(), 'onderbroken', 'Bezig', 10, 0, 10, 3, 0, 0)
            returning 1
            """);
        var tellingVoor = await FeitenDb.TelAsync(Cs);
        var bericht = FatimaInd("E-IND-ONDERBROKEN");
        (bericht["bsn"], bericht["v_nummer"]) = ("999990081", "0099990081"); // a person no other test here uses

        HttpResponseMessage antwoord;
        try
        {
            antwoord = await PostAsync("ind", bericht, PibWebFactory.IndSleutel);
        }
        finally
        {
            // Completed again whatever happened, so the other tests of this class (one database) can process.
            await FeitenDb.ScalarAsync<int>(Cs, "update correctie set status = 'Voltooid', voltooid_op = now() returning 1");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, antwoord.StatusCode);
        Assert.Equal("300", Assert.Single(antwoord.Headers.GetValues("Retry-After")));
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var probleem = await JsonAsync(antwoord);
        Assert.Equal("Verwerking tijdelijk gestopt", probleem.GetProperty("title").GetString());
        Assert.Contains("Er is niets vastgelegd; probeer het later opnieuw.", probleem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(tellingVoor, await FeitenDb.TelAsync(Cs));
        Assert.Equal(0, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from bericht where bericht_id = 'E-IND-ONDERBROKEN'"));

        // Once the correction is completed the same message goes through.
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("ind", bericht, PibWebFactory.IndSleutel)).StatusCode);
    }

    [Fact]
    public async Task A_valid_IND_message_is_accepted_with_a_receipt_a_person_and_signals_and_the_same_id_again_changes_nothing()
    {
        var brp = await PostAsync("brp", FatimaBrp, PibWebFactory.BrpSleutel);
        Assert.Equal(HttpStatusCode.Accepted, brp.StatusCode);
        var brpBewijs = await JsonAsync(brp);
        Assert.Equal("verwerkt", brpBewijs.GetProperty("status").GetString());
        Assert.Equal(0, brpBewijs.GetProperty("personen_herbepaald").GetInt32()); // no IND facts yet: nothing to decide

        var eerste = await PostAsync("ind", FatimaInd(), PibWebFactory.IndSleutel);

        Assert.Equal(HttpStatusCode.Accepted, eerste.StatusCode);
        var bewijs = await JsonAsync(eerste);
        Assert.Equal("E-IND-06", bewijs.GetProperty("bericht_id").GetString());
        Assert.Equal("verwerkt", bewijs.GetProperty("status").GetString());
        Assert.Equal(Begin, bewijs.GetProperty("ontvangen_op").GetDateTimeOffset());
        Assert.Equal(1, bewijs.GetProperty("personen_herbepaald").GetInt32());
        var persoon = Assert.Single(await FeitenDb.RijenAsync(Cs,
            "select naam, uitkomst, doelgroep, gemeente_code, status, verblijfsdoel from persoon where bsn = '999990068'"));
        Assert.Equal(["Fatima Benali", "Wi2013", "Gezinsmigrant", "GM0599", "Bepaald", "gezinshereniging"], persoon);
        var signalen = await FeitenDb.RijenAsync(Cs, "select code, gemeente_code, regime from signaal where bsn = '999990068' order by code");
        Assert.NotEmpty(signalen);
        Assert.Equal(signalen.Count, bewijs.GetProperty("signalen").GetInt32());
        Assert.Contains(["SS101", "GM0599", "Wi2013"], signalen);
        Assert.All(signalen, s => Assert.Equal(["GM0599", "Wi2013"], s[1..]));
        Assert.Equal(["IND", "∅"], Assert.Single(await FeitenDb.RijenAsync(Cs, "select bron, import_id from bericht where bericht_id = 'E-IND-06'")));

        // An hour later the same message id arrives again, this time with another name: a repeat, not a change.
        _klok.Advance(TimeSpan.FromHours(1));
        var tellingVoor = await FeitenDb.TelAsync(Cs);
        var tweede = await PostAsync("ind", FatimaInd(naam: "Iemand Anders"), PibWebFactory.IndSleutel);

        Assert.Equal(HttpStatusCode.Accepted, tweede.StatusCode);
        var dubbel = await JsonAsync(tweede);
        Assert.Equal("E-IND-06", dubbel.GetProperty("bericht_id").GetString());
        Assert.Equal("dubbel", dubbel.GetProperty("status").GetString());
        Assert.Equal(Begin, dubbel.GetProperty("ontvangen_op").GetDateTimeOffset());
        Assert.Equal(0, dubbel.GetProperty("personen_herbepaald").GetInt32());
        Assert.Equal(0, dubbel.GetProperty("signalen").GetInt32());
        Assert.Equal(tellingVoor, await FeitenDb.TelAsync(Cs));
        Assert.Equal("Fatima Benali", await FeitenDb.ScalarAsync<string>(Cs, "select naam from persoon where bsn = '999990068'"));
        Assert.Equal(Begin.UtcDateTime, await FeitenDb.ScalarAsync<DateTime>(Cs, "select bijgewerkt_op from persoon where bsn = '999990068'"));
    }

    [Fact]
    public async Task An_invalid_IND_message_is_400_with_Dutch_messages_per_field_and_kept_as_afwijzing_without_a_person()
    {
        var bericht = FatimaInd("E-IND-FOUT-1");
        bericht["bsn"] = "123456789";
        bericht["geboortedatum"] = "2021-02-30";
        bericht["verblijfsdoel"] = "studie";
        var body = JsonSerializer.Serialize(bericht);

        var response = await PostRuwAsync("ind", body, PibWebFactory.IndSleutel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var probleem = await JsonAsync(response);
        Assert.Equal("Ongeldig bericht", probleem.GetProperty("title").GetString());
        var fouten = probleem.GetProperty("errors");
        Assert.Equal(["bsn", "geboortedatum", "verblijfsdoel"], fouten.EnumerateObject().Select(f => f.Name).Order().ToArray());
        Assert.Equal("BSN voldoet niet aan de elfproef.", fouten.GetProperty("bsn")[0].GetString());
        Assert.Equal("Ongeldige datum in geboortedatum: '2021-02-30' (verwacht jjjj-mm-dd).", fouten.GetProperty("geboortedatum")[0].GetString());
        Assert.StartsWith("Onbekend verblijfsdoel 'studie'; toegestaan: asiel,", fouten.GetProperty("verblijfsdoel")[0].GetString());

        var afwijzing = Assert.Single(await FeitenDb.RijenAsync(Cs,
            "select bron, bericht_id, import_id, regel, reden, inhoud from afwijzing where bericht_id = 'E-IND-FOUT-1'"));
        Assert.Equal(["IND", "E-IND-FOUT-1", "∅", "∅"], afwijzing[..4]);
        Assert.Contains("BSN voldoet niet aan de elfproef.", afwijzing[4]);
        Assert.Contains("Ongeldige datum in geboortedatum", afwijzing[4]);
        Assert.Contains("Onbekend verblijfsdoel 'studie'", afwijzing[4]);
        Assert.Equal(body, afwijzing[5]);
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from persoon where bsn = '123456789'"));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from bericht where bericht_id = 'E-IND-FOUT-1'"));
    }

    [Theory]
    [InlineData("{\"bericht_id\": \"E-KAPOT-1\", \"bsn\": ", "Het bericht is geen geldige JSON (regel 1, positie")]
    [InlineData("", "Het bericht is leeg: verwacht één JSON-object.")]
    [InlineData("[1, 2]", "Het bericht moet één JSON-object zijn.")]
    public async Task Malformed_JSON_is_a_Dutch_400_and_an_afwijzing_with_the_raw_body(string body, string melding)
    {
        var voor = await FeitenDb.TelAsync(Cs);

        var response = await PostRuwAsync("coa", body, PibWebFactory.CoaSleutel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var probleem = await JsonAsync(response);
        Assert.Equal("Ongeldig bericht", probleem.GetProperty("title").GetString());
        Assert.StartsWith(melding, probleem.GetProperty("detail").GetString());
        var laatste = Assert.Single(await FeitenDb.RijenAsync(Cs,
            "select bron, bericht_id, import_id, regel, reden, inhoud from afwijzing order by id desc limit 1"));
        Assert.Equal(["COA", "∅", "∅", "∅"], laatste[..4]);
        Assert.StartsWith(melding, laatste[4]);
        Assert.Equal(body, laatste[5]);
        Assert.Equal(voor with { Afwijzing = voor.Afwijzing + 1 }, await FeitenDb.TelAsync(Cs));
    }

    [Fact]
    public async Task Unknown_fields_and_non_text_values_are_400_per_field_and_an_afwijzing()
    {
        const string body = """{"bericht_id": "E-BRP-VREEMD", "bsn": 999990068, "gemeente": "GM0599", "postcode": "1234AB"}""";

        var response = await PostRuwAsync("brp", body, PibWebFactory.BrpSleutel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fouten = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal("bsn moet tekst (tussen aanhalingstekens) of null zijn.", fouten.GetProperty("bsn")[0].GetString());
        Assert.StartsWith("Onbekend veld 'postcode' in een BRP-bericht; toegestaan: bericht_id, bsn, gemeente,",
            fouten.GetProperty("postcode")[0].GetString());
        Assert.Equal(["BRP", body], Assert.Single(await FeitenDb.RijenAsync(Cs,
            "select bron, inhoud from afwijzing where bericht_id = 'E-BRP-VREEMD'")));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from brp_feit where bericht_id = 'E-BRP-VREEMD'"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("verkeerde-sleutel")]
    [InlineData(PibWebFactory.CoaSleutel)] // another source's key
    [InlineData(PibWebFactory.IndSleutel + " ")]
    public async Task Without_the_right_key_it_is_401_in_Dutch_and_nothing_is_written(string? sleutel)
    {
        var voor = await FeitenDb.TelAsync(Cs);
        var ongeldig = FatimaInd("E-IND-ZONDER-SLEUTEL");
        ongeldig["bsn"] = "123456789"; // would be an afwijzing if the key were not checked first

        var metOngeldig = await PostAsync("ind", ongeldig, sleutel);
        var metGeldig = await PostAsync("ind", FatimaInd("E-IND-ZONDER-SLEUTEL-2"), sleutel);

        foreach (var response in new[] { metOngeldig, metGeldig })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var probleem = await JsonAsync(response);
            Assert.Equal("Niet geautoriseerd", probleem.GetProperty("title").GetString());
            Assert.Equal("De header X-Pib-Sleutel ontbreekt of bevat niet de sleutel voor IND.", probleem.GetProperty("detail").GetString());
        }
        Assert.Equal(voor, await FeitenDb.TelAsync(Cs));
    }

    [Fact]
    public async Task A_source_without_a_configured_key_is_503_in_Dutch_and_nothing_is_written()
    {
        using var zonderBrp = _factory.WithWebHostBuilder(b => b.UseSetting("Feiten:Sleutels:Brp", ""));
        var voor = await FeitenDb.TelAsync(Cs);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/brp")
        {
            Content = new StringContent(JsonSerializer.Serialize(FatimaBrp), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, PibWebFactory.BrpSleutel);

        var response = await zonderBrp.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Berichtenontvangst voor BRP is niet geconfigureerd.", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(voor, await FeitenDb.TelAsync(Cs));
    }

    [Theory]
    [InlineData("pip")]
    [InlineData("IND")]
    [InlineData("indx")]
    public async Task Any_other_source_is_404(string bron)
    {
        var response = await PostAsync(bron, FatimaInd("E-IND-404"), PibWebFactory.IndSleutel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Onbekende bron", (await JsonAsync(response)).GetProperty("title").GetString());
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from bericht where bericht_id = 'E-IND-404'"));
    }

    [Fact]
    public async Task A_COA_link_after_IND_moves_an_AZC_resident_to_the_linked_municipality_never_to_the_AZC_municipality()
    {
        var brp = await PostAsync("brp", new
        {
            bericht_id = "E-BRP-03", bsn = "999990032", gemeente = "GM1706", adres_is_coa_locatie = "true", datum_vestiging = "2021-12-27",
        }, PibWebFactory.BrpSleutel);
        var ind = await PostAsync("ind", new Dictionary<string, string?>
        {
            ["bericht_id"] = "E-IND-03", ["bsn"] = "999990032", ["v_nummer"] = "0099990003", ["naam"] = "Farid Karimzada",
            ["geboortedatum"] = "1988-11-20", ["nationaliteit"] = "AFG", ["verblijfsdoel"] = "asiel",
            ["datum_ingang_verblijfsrecht"] = "2021-08-30", ["datum_beschikking"] = "2021-12-17",
            ["datum_bekendmaking_beschikking"] = "2021-12-22", ["datum_kennisgeving"] = "2022-01-14",
        }, PibWebFactory.IndSleutel);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (brp.StatusCode, ind.StatusCode));
        Assert.Equal(0, (await JsonAsync(ind)).GetProperty("signalen").GetInt32());
        Assert.Equal(["Wi2013", "∅"], Assert.Single(await FeitenDb.RijenAsync(Cs, "select uitkomst, gemeente_code from persoon where bsn = '999990032'")));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from signaal where bsn = '999990032'"));

        var coa = await PostAsync("coa", new
        {
            bericht_id = "E-COA-03", bsn = "999990032", coa_locatie = "AZC Budel", gekoppelde_gemeente = "GM0363", datum_gekoppeld = "2022-01-05",
        }, PibWebFactory.CoaSleutel);

        Assert.Equal(HttpStatusCode.Accepted, coa.StatusCode);
        var bewijs = await JsonAsync(coa);
        Assert.Equal(("verwerkt", 1), (bewijs.GetProperty("status").GetString(), bewijs.GetProperty("personen_herbepaald").GetInt32()));
        Assert.Equal(["Wi2013", "GM0363"], Assert.Single(await FeitenDb.RijenAsync(Cs, "select uitkomst, gemeente_code from persoon where bsn = '999990032'")));
        var signalen = await FeitenDb.RijenAsync(Cs, "select code, gemeente_code from signaal where bsn = '999990032'");
        Assert.Equal(signalen.Count, bewijs.GetProperty("signalen").GetInt32());
        Assert.Contains(["SS101", "GM0363"], signalen);
        Assert.All(signalen, s => Assert.Equal("GM0363", s[1]));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from signaal where gemeente_code = 'GM1706'"));
    }

    [Fact]
    public async Task A_message_id_is_per_source_COA_reusing_an_IND_id_is_a_new_COA_message_and_IND_repeating_its_own_is_dubbel()
    {
        var ind = FatimaInd("E-GEDEELD-1");
        (ind["bsn"], ind["v_nummer"]) = ("123456782", "0012345678"); // a person no other test here uses
        var coa = new
        {
            bericht_id = "E-GEDEELD-1", bsn = "123456782", coa_locatie = "AZC Budel", gekoppelde_gemeente = "GM0363", datum_gekoppeld = "2022-01-05",
        };
        var indEerst = await PostAsync("ind", ind, PibWebFactory.IndSleutel);
        Assert.Equal("verwerkt", (await JsonAsync(indEerst)).GetProperty("status").GetString());

        // An hour later COA sends the same id: a new COA message, its own time; nothing in the receipt points at IND's.
        _klok.Advance(TimeSpan.FromHours(1));
        var coaEerst = await PostAsync("coa", coa, PibWebFactory.CoaSleutel);

        Assert.Equal(HttpStatusCode.Accepted, coaEerst.StatusCode);
        var bewijs = await JsonAsync(coaEerst);
        Assert.Equal(("E-GEDEELD-1", "verwerkt"), (bewijs.GetProperty("bericht_id").GetString(), bewijs.GetProperty("status").GetString()));
        Assert.Equal(Begin.AddHours(1), bewijs.GetProperty("ontvangen_op").GetDateTimeOffset());
        Assert.Equal(["AZC Budel", "E-GEDEELD-1"], Assert.Single(await FeitenDb.RijenAsync(Cs,
            "select locatie, bericht_id from coa_feit where bsn = '123456782'")));
        Assert.Equal(["COA", "IND"], (await FeitenDb.RijenAsync(Cs, "select bron from bericht where bericht_id = 'E-GEDEELD-1' order by bron"))
            .Select(r => r[0]));
        Assert.Equal(Begin.UtcDateTime, await FeitenDb.ScalarAsync<DateTime>(Cs,
            "select ontvangen_op from bericht where bron = 'IND' and bericht_id = 'E-GEDEELD-1'"));

        // Each source repeating its own id gets dubbel with its own first time, and nothing changes.
        _klok.Advance(TimeSpan.FromHours(1));
        var tellingVoor = await FeitenDb.TelAsync(Cs);
        var indWeer = await JsonAsync(await PostAsync("ind", ind, PibWebFactory.IndSleutel));
        var coaWeer = await JsonAsync(await PostAsync("coa", coa, PibWebFactory.CoaSleutel));

        Assert.Equal(("dubbel", Begin), (indWeer.GetProperty("status").GetString(), indWeer.GetProperty("ontvangen_op").GetDateTimeOffset()));
        Assert.Equal(("dubbel", Begin.AddHours(1)),
            (coaWeer.GetProperty("status").GetString(), coaWeer.GetProperty("ontvangen_op").GetDateTimeOffset()));
        Assert.Equal(tellingVoor, await FeitenDb.TelAsync(Cs));
    }

    [Theory]
    [InlineData("oude-coa-sleutel", HttpStatusCode.Accepted)]
    [InlineData("nieuwe-coa-sleutel", HttpStatusCode.Accepted)]
    [InlineData("verkeerde-sleutel", HttpStatusCode.Unauthorized)]
    [InlineData(PibWebFactory.CoaSleutel, HttpStatusCode.Unauthorized)] // the plain key is replaced by the two
    public async Task During_a_key_rotation_both_active_keys_of_a_source_are_accepted_and_no_other(string sleutel, HttpStatusCode verwacht)
    {
        using var roterend = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Feiten:Sleutels:Coa", "");
            b.UseSetting("Feiten:Sleutels:Coa:0", "oude-coa-sleutel");
            b.UseSetting("Feiten:Sleutels:Coa:1", "nieuwe-coa-sleutel");
        });
        var id = $"E-COA-ROTATIE-{sleutel}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/coa")
        {
            Content = JsonContent.Create(new
            {
                bericht_id = id, bsn = "111222333", coa_locatie = "AZC Budel", gekoppelde_gemeente = "GM0363", datum_gekoppeld = "2022-01-05",
            }),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, sleutel);

        var response = await roterend.CreateClient().SendAsync(request);

        Assert.Equal(verwacht, response.StatusCode);
        Assert.Equal(verwacht == HttpStatusCode.Accepted ? 1L : 0L,
            await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from bericht where bron = 'COA' and bericht_id = @id", ("id", id)));
    }

    [Fact]
    public async Task More_than_two_keys_for_a_source_is_a_configuration_error_503_not_a_third_way_in()
    {
        using var drie = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Feiten:Sleutels:Brp:0", "brp-a");
            b.UseSetting("Feiten:Sleutels:Brp:1", "brp-b");
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/brp")
        {
            Content = new StringContent(JsonSerializer.Serialize(FatimaBrp), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, "brp-a");

        var response = await drie.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Berichtenontvangst voor BRP is niet geconfigureerd.", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Beyond_the_limit_per_minute_a_source_gets_429_with_Retry_After_and_another_source_is_not_affected()
    {
        using var krap = _factory.WithWebHostBuilder(b => b.UseSetting("Feiten:Limiet:PerMinuut", "2"));
        var client = krap.CreateClient();
        async Task<HttpResponseMessage> StuurAsync(string bron, string sleutel)
        {
            // Authenticated but not JSON: cheap to refuse, and it counts like any message.
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feiten/{bron}")
            {
                Content = new StringContent("[1, 2]", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(FeitenEndpoints.SleutelHeader, sleutel);
            return await client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await StuurAsync("coa", PibWebFactory.CoaSleutel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StuurAsync("coa", PibWebFactory.CoaSleutel)).StatusCode);
        var afwijzingenVoor = await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from afwijzing");
        var teVeel = await StuurAsync("coa", PibWebFactory.CoaSleutel);

        Assert.Equal(HttpStatusCode.TooManyRequests, teVeel.StatusCode);
        var wacht = int.Parse(Assert.Single(teVeel.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wacht, 1, 60);
        var probleem = await JsonAsync(teVeel);
        Assert.Equal("Te veel berichten", probleem.GetProperty("title").GetString());
        Assert.StartsWith("COA heeft de limiet van berichten per minuut bereikt.", probleem.GetProperty("detail").GetString());
        Assert.Equal(afwijzingenVoor, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from afwijzing"));

        // IND has its own budget; a request without COA's key is not COA's and is refused for that, not counted.
        Assert.Equal(HttpStatusCode.BadRequest, (await StuurAsync("ind", PibWebFactory.IndSleutel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await StuurAsync("coa", "verkeerde-sleutel")).StatusCode);
    }

    [Fact]
    public async Task While_another_transaction_holds_the_processing_lock_an_invalid_or_oversized_message_is_refused_at_once()
    {
        await using var houder = new Npgsql.NpgsqlConnection(Cs);
        await houder.OpenAsync();
        await using var tx = await houder.BeginTransactionAsync();
        await using (var slot = new Npgsql.NpgsqlCommand("lock table pauze in share row exclusive mode", houder, tx))
        {
            await slot.ExecuteNonQueryAsync(); // what every processing run takes (Verwerkingscontext.LaadAsync)
        }
        var client = _factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(15); // were the lock awaited, this would throw instead of answering
        var ongeldig = FatimaInd("E-IND-SLOT-FOUT");
        ongeldig["bsn"] = "123456789";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/ind")
        {
            Content = new StringContent(JsonSerializer.Serialize(ongeldig), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, PibWebFactory.IndSleutel);
        var response = await client.SendAsync(request);
        using var groot = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/ind")
        {
            Content = new StringContent(new string(' ', FeitenEndpoints.MaxBerichtBytes + 1), Encoding.UTF8, "application/json"),
        };
        groot.Headers.Add(FeitenEndpoints.SleutelHeader, PibWebFactory.IndSleutel);
        var grootAntwoord = await client.SendAsync(groot);
        await tx.RollbackAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BSN voldoet niet aan de elfproef.", (await JsonAsync(response)).GetProperty("errors").GetProperty("bsn")[0].GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, grootAntwoord.StatusCode);
        Assert.Equal(1L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from afwijzing where bericht_id = 'E-IND-SLOT-FOUT'"));
    }

    [Fact]
    public void The_JSON_field_names_are_the_CSV_headers_of_each_source()
    {
        foreach (var schema in new[] { FeitSchema.Ind, FeitSchema.Coa, FeitSchema.Brp })
        {
            var namen = FeitJson.Type(schema.Bron).GetProperties()
                .Select(p => FeitJson.Opties.PropertyNamingPolicy!.ConvertName(p.Name)).Order().ToArray();
            Assert.Equal(schema.Kolommen.Order().ToArray(), namen);
        }
    }
}
