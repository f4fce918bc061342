using DuoInburgering.Web.Features.Feiten;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Bunit;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Importen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Feiten;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Importen;

/// <summary>
/// The imports pages as the circuit runs them (bUnit) on the real web host's services and database: files
/// imported through FeitenImport, single messages through POST /api/feiten, the rejects' CSV through the
/// real endpoint, and a corrected file uploaded through the page's MudFileUpload. Every test uses its own
/// message ids and BSNs, so the tests of the class share one database.
/// </summary>
public sealed class ImportenPaginaTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Begin = new(2022, 3, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Begin);
    private readonly BunitContext _ctx = new();
    private readonly FeitenBestanden _bestanden = new();
    private PibWebFactory _basis = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _basis = new PibWebFactory(database);
        _factory = _basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_klok));
        });
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_factory.Services.GetRequiredService<ImportenOverzicht>());
        _ctx.Services.AddSingleton(_factory.Services.GetRequiredService<Herimport>());
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var aanmelding = _ctx.AddAuthorization();
        aanmelding.SetAuthorized("duo.beheer");
        aanmelding.SetClaims(new Claim(PibClaims.Gebruiker, "duo.beheer"), new Claim(PibClaims.Rol, "Duo"),
            new Claim(PibClaims.Betrouwbaarheidsniveau, "substantieel"));
        // The pager's page-size list opens in a popover, as under the layout.
        _ctx.Render<MudPopoverProvider>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _factory.DisposeAsync();
        await _basis.DisposeAsync();
        _bestanden.Dispose();
    }

    private string Cs => database.ConnectionString;

    private static string Ind(string id, string bsn, string naam = "Test Persoon", string beschikking = "2021-12-17") =>
        $"{id},{bsn},,{naam},1990-05-01,SYR,asiel,2021-08-30,{beschikking},2021-12-22,,2022-01-14,";

    [Fact]
    public async Task The_list_shows_each_file_import_and_each_day_of_single_messages_with_their_counts_newest_first()
    {
        var run = await ImporteerAsync("lijst-ind.csv",
            Ind("L-1", PersonenTestdata.Bsn(101)),
            Ind("L-2", PersonenTestdata.Bsn(102)),
            Ind("L-3", "123456789"),
            Ind("L-1", PersonenTestdata.Bsn(101)));
        _klok.Advance(TimeSpan.FromDays(1));
        await PostBrpAsync("L-BRP-1", PersonenTestdata.Bsn(103), "GM0363");
        await PostBrpAsync("L-BRP-2", "12345", "GM0363");

        var cut = Toon<ImportenPagina>();

        cut.WaitForAssertion(() => Assert.Contains($"Import {run}: lijst-ind.csv", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var rijen = Rijen(cut);
        Assert.Contains($"25-03-2022 10:00|IND|Bestand|Import {run}: lijst-ind.csv|duo.lijst|4|2|1|1", rijen);
        Assert.Contains("26-03-2022 10:00|BRP|Losse berichten|Berichten BRP van 26-03-2022|BRP|2|1|1|–", rijen);
        Assert.True(rijen.IndexOf("26-03-2022 10:00|BRP|Losse berichten|Berichten BRP van 26-03-2022|BRP|2|1|1|–")
            < rijen.IndexOf($"25-03-2022 10:00|IND|Bestand|Import {run}: lijst-ind.csv|duo.lijst|4|2|1|1"), "Nieuwste eerst.");
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == $"/duo/importen/{run}");
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "/duo/importen/berichten/brp/2022-03-26");
    }

    [Fact]
    public async Task The_rejects_page_and_its_CSV_give_line_reason_and_content_with_formulas_neutralised()
    {
        var run = await ImporteerAsync("afwijzingen-ind.csv",
            Ind("A-1", PersonenTestdata.Bsn(111)),
            Ind("A-2", "123456789"),
            "=1+2,x");

        var cut = Toon<ImportPagina>(p => p.Add(x => x.Id, run));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr.mud-table-row").Count), TimeSpan.FromSeconds(10));
        var rijen = cut.FindAll("tbody tr.mud-table-row").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(("3", "A-2"), (rijen[0][0], rijen[0][1]));
        Assert.Contains("BSN", rijen[0][2], StringComparison.Ordinal);
        Assert.Equal(("4", "–", "Verwacht 13 kolommen, gevonden 2.", "=1+2,x"), (rijen[1][0], rijen[1][1], rijen[1][2], rijen[1][3]));
        Assert.Contains(cut.FindAll("a[download]"), a => a.GetAttribute("href") == $"/duo/importen/{run}/afwijzingen.csv");

        using var duo = Aanmelding.Als(_factory, "duo.beheer");
        using var antwoord = await duo.GetAsync(new Uri($"/duo/importen/{run}/afwijzingen.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("text/csv", antwoord.Content.Headers.ContentType?.MediaType);
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var regels = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("regel;bericht_id;reden;inhoud;ontvangen_op", regels[0]);
        Assert.Equal(3, regels.Length);
        Assert.StartsWith("3;A-2;", regels[1], StringComparison.Ordinal);
        Assert.Contains($";{Ind("A-2", "123456789")};2022-03-25T10:00:00+01:00", regels[1], StringComparison.Ordinal);
        Assert.Equal("4;;Verwacht 13 kolommen, gevonden 2.;'=1+2,x;2022-03-25T10:00:00+01:00", regels[2]);
    }

    [Fact]
    public async Task A_day_of_single_messages_lists_its_rejected_messages_and_downloads_them()
    {
        _klok.Advance(TimeSpan.FromDays(10));
        await PostBrpAsync("D-BRP-1", PersonenTestdata.Bsn(121), "GM0363");
        var fout = await PostBrpAsync("D-BRP-2", PersonenTestdata.Bsn(122), "GM9999");
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);

        var cut = Toon<ImportPagina>(p => p.Add(x => x.BronPad, "brp").Add(x => x.Dag, "2022-04-04"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        Assert.Contains("Berichten BRP van 04-04-2022", cut.Find("h1").TextContent, StringComparison.Ordinal);
        var rij = cut.Find("tbody tr.mud-table-row").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(("–", "D-BRP-2"), (rij[0], rij[1]));
        Assert.Contains("GM9999", rij[3], StringComparison.Ordinal);

        using var duo = Aanmelding.Als(_factory, "duo.beheer");
        var csv = await duo.GetStringAsync(new Uri("/duo/importen/berichten/brp/2022-04-04/afwijzingen.csv", UriKind.Relative));
        var regels = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, regels.Length);
        Assert.StartsWith(";D-BRP-2;", regels[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrying_a_corrected_file_processes_its_good_lines_shows_the_report_and_the_run_appears_and_the_same_file_again_changes_nothing()
    {
        var goed = PersonenTestdata.Bsn(131);
        var gecorrigeerd = PersonenTestdata.Bsn(132);
        var run = await ImporteerAsync("herimport-ind.csv",
            Ind("H-1", goed),
            Ind("H-2", gecorrigeerd, beschikking: "2021-02-30"));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Cs, "select count(*) from persoon where bsn = @b", ("b", gecorrigeerd)));
        _klok.Advance(TimeSpan.FromMinutes(30));
        var inhoud = Bestand(Ind("H-1", goed), Ind("H-2", gecorrigeerd, beschikking: "2021-12-17"));

        var cut = Toon<ImportPagina>(p => p.Add(x => x.Id, run));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        Upload(cut, inhoud, "herimport-ind-gecorrigeerd.csv");

        cut.WaitForAssertion(() => Assert.Contains("is geïmporteerd als import", cut.Find(".herimport-uitkomst").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        var nieuw = await FeitenDb.ScalarAsync<long>(Cs, "select max(id) from import_run");
        Assert.True(nieuw > run);
        var uitkomst = Tekst(cut.Find(".herimport-uitkomst"));
        Assert.Contains($"herimport-ind-gecorrigeerd.csv is geïmporteerd als import {nieuw}.", uitkomst, StringComparison.Ordinal);
        Assert.Contains("2 rijen: 1 verwerkt, 0 afgewezen, 1 dubbel; 1 personen herbepaald", uitkomst, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll(".herimport-uitkomst a"), a => a.GetAttribute("href") == $"/duo/importen/{nieuw}");
        Assert.Equal("Wi2013", await FeitenDb.ScalarAsync<string>(Cs, "select uitkomst from persoon where bsn = @b", ("b", gecorrigeerd)));
        Assert.Equal(["herimport-ind-gecorrigeerd.csv", "2", "1", "0", "1"],
            (await FeitenDb.RijenAsync(Cs, "select bestandsnaam, aantal_rijen, aantal_verwerkt, aantal_afgewezen, aantal_dubbel from import_run where id = @id",
                ("id", nieuw)))[0]);

        var lijst = Toon<ImportenPagina>();
        lijst.WaitForAssertion(() => Assert.Contains($"25-03-2022 10:30|IND|Bestand|Import {nieuw}: herimport-ind-gecorrigeerd.csv|duo.beheer|2|1|0|1", Rijen(lijst)),
            TimeSpan.FromSeconds(10));

        // The same file once more (another name, same bytes): recognised by its SHA-256, nothing written.
        var voor = await FeitenDb.TelAsync(Cs);
        Upload(cut, inhoud, "nogmaals.csv");
        cut.WaitForAssertion(() => Assert.Contains($"Dit bestand is al eerder geïmporteerd (import {nieuw}); er is niets gewijzigd.",
            Tekst(cut.Find(".herimport-uitkomst")), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(voor, await FeitenDb.TelAsync(Cs));
    }

    [Fact]
    public async Task A_file_with_the_wrong_header_is_refused_in_Dutch_and_changes_nothing()
    {
        var run = await ImporteerAsync("kop-ind.csv", Ind("K-1", PersonenTestdata.Bsn(141)));
        var naam = $"kop-{Guid.NewGuid():N}.csv";
        var cut = Toon<ImportPagina>(p => p.Add(x => x.Id, run));
        cut.WaitForAssertion(() => Assert.Contains("Geen afgewezen regels.", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var voor = await FeitenDb.TelAsync(Cs);

        Upload(cut, Encoding.UTF8.GetBytes(SynthetischePopulatie.CoaKop + "\nK-2," + PersonenTestdata.Bsn(142) + ",AZC Budel,GM0363,2022-01-01,\n"), naam);

        cut.WaitForAssertion(() => Assert.Contains("De kopregel past niet bij een IND-bestand", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Contains("Er is niets geïmporteerd.", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal(voor, await FeitenDb.TelAsync(Cs));
        // The upload's temporary copy is gone.
        Assert.DoesNotContain(Directory.EnumerateDirectories(Path.GetTempPath(), "pib-herimport-*"), d => File.Exists(Path.Combine(d, naam)));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\ind.csv", "ind.csv")]
    [InlineData("..", "upload.csv")]
    [InlineData("", "upload.csv")]
    public void An_uploaded_name_keeps_only_its_file_name(string naam, string verwacht) => Assert.Equal(verwacht, Herimport.VeiligeNaam(naam));

    private IRenderedComponent<TPagina> Toon<TPagina>(Action<ComponentParameterCollectionBuilder<TPagina>>? parameters = null)
        where TPagina : Microsoft.AspNetCore.Components.IComponent => _ctx.Render(parameters);

    private static void Upload(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, byte[] inhoud, string naam) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(inhoud, naam, contentType: "text/csv"));

    private static byte[] Bestand(params string[] regels) =>
        Encoding.UTF8.GetBytes(SynthetischePopulatie.IndKop + "\n" + string.Join("\n", regels) + "\n");

    private static List<string> Rijen(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
        [.. cut.FindAll("tbody tr.mud-table-row").Select(r => string.Join('|', r.QuerySelectorAll("td").Select(c => c.TextContent.Trim())))];

    private static string Tekst(AngleSharp.Dom.IElement e) => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>An IND file through the same import the CLI uses, on the host's clock; returns the run's id.</summary>
    private async Task<long> ImporteerAsync(string naam, params string[] regels)
    {
        var pad = _bestanden.Schrijf(naam, [SynthetischePopulatie.IndKop, .. regels]);
        var rapport = await FeitenImport.ImportAsync(_factory.Services.GetRequiredService<NpgsqlDataSource>(), FeitBron.Ind, pad, "duo.lijst", _klok,
            _factory.Services.GetRequiredService<Auditlog>(), CancellationToken.None);
        return rapport.ImportId;
    }

    private async Task<HttpResponseMessage> PostBrpAsync(string id, string bsn, string gemeente)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/brp")
        {
            Content = new StringContent(JsonSerializer.Serialize(new
            {
                bericht_id = id, bsn, gemeente, adres_is_coa_locatie = "false", datum_vestiging = "2021-10-04",
            }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, PibWebFactory.BrpSleutel);
        return await client.SendAsync(request);
    }
}
