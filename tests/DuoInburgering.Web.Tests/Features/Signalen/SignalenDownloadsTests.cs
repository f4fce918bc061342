using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Web.Security;
using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>The downloads through the real pipeline: format, disclosure, and the wall between municipalities.</summary>
public sealed class SignalenDownloadsTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        await using (var db = database.CreateContext())
        {
            if (!await db.Signalen.AnyAsync())
            {
                await VulAsync(database);
            }
        }
        _factory = new PibWebFactory(database).WithWebHostBuilder(b =>
        {
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Klok()));
        });
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client(string id = "km.amsterdam", Rol rol = Rol.Gemeente, string? gemeente = Eigen) =>
        Aanmelding.Als(_factory, PibPrincipal.Maak(id, id, rol, gemeente, Betrouwbaarheidsniveau.Substantieel, "Test"));

    private static string Verwacht(SignaalRij r, bool metNaam = true) => string.Join(';', new[]
    {
        r.Bsn, metNaam ? CsvVeilig.Veld(r.Naam) : null, r.Code, CsvVeilig.Veld(r.Omschrijving), r.Datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.Afgehandeld ? "ja" : "nee",
    }.Where(v => metNaam || v is not null));

    [Fact]
    public async Task The_CSV_is_the_filtered_list_with_BOM_semicolons_Dutch_headers_and_a_file_name()
    {
        using var antwoord = await Client().GetAsync(new Uri("/gemeente/signalen/wi2021/download.csv?afgehandeld=nee&sorteer=bsn", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("text/csv", antwoord.Content.Headers.ContentType!.MediaType);
        Assert.Equal("signalen-GM0363-wi2021-20261123.csv", antwoord.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var regels = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("bsn;naam;code;omschrijving;datum;afgehandeld", regels[0]);
        Assert.Equal("", regels[^1]);

        var verwacht = await OrakelAsync(database, Eigen, new SignaalFilter(Regime.Wi2021) { Afgehandeld = false, Sorteer = SignaalSortering.Bsn });
        Assert.Equal(verwacht.Select(r => Verwacht(r)), regels[1..^1]);
    }

    [Fact]
    public async Task Names_are_quoted_per_RFC_4180_and_never_run_as_a_formula()
    {
        var tekst = await Client().GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative));
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\")\";", tekst, StringComparison.Ordinal);
        Assert.Contains(";\"Jan;Piet\";", tekst, StringComparison.Ordinal);
        Assert.Contains(";\"Yusuf \"\"Joe\"\" Kaya\";", tekst, StringComparison.Ordinal);
        Assert.Contains(";'+31 Omar;", tekst, StringComparison.Ordinal);
        Assert.Contains(";'-Sara", tekst, StringComparison.Ordinal);
        Assert.Contains(";'@Lina;", tekst, StringComparison.Ordinal);
        Assert.Contains(";Mehmet Öztürk", tekst, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("-2;\"x\"", "\"'-2;\"\"x\"\"\"")]
    [InlineData("regel\nregel", "\"regel\nregel\"")]
    [InlineData("gewoon", "gewoon")]
    [InlineData(null, "")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData(" =1+1", "' =1+1")]
    [InlineData("  -2", "'  -2")]
    [InlineData("'=1+1", "''=1+1")]
    [InlineData("\"=1+1", "\"'\"\"=1+1\"")]
    [InlineData("Jansen;=HYPERLINK(\"http://x\")", "\"Jansen;'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("Jansen, =1+1", "Jansen,' =1+1")]
    [InlineData("a,@b;+c", "\"a,'@b;'+c\"")]
    [InlineData("=a;-b", "\"'=a;'-b\"")]
    [InlineData("2021-12-01", "2021-12-01")]
    [InlineData("Jansen, de Vries; van Dam", "\"Jansen, de Vries; van Dam\"")]
    public void A_field_is_neutralised_then_quoted(string? waarde, string verwacht) => Assert.Equal(verwacht, CsvVeilig.Veld(waarde));

    [Fact]
    public async Task A_download_is_recorded_as_one_disclosure_with_exactly_the_bsns_in_the_file()
    {
        var tekst = await Client().GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv?code=SS101", UriKind.Relative));
        var bsns = tekst.TrimStart('\uFEFF').Split("\r\n")[1..^1].Select(r => r.Split(';')[0]).Distinct().Order().ToList();
        Assert.NotEmpty(bsns);

        var v = (await AuditRijen.VerstrekkingenAsync(database.ConnectionString))[^1];
        Assert.Equal((VerstrekkingKanaal.Download, "km.amsterdam", Eigen, "download csv Wi2021"), (v.Kanaal, v.Gebruiker, v.Gemeente, v.Omschrijving));
        Assert.Equal(AuditRijen.Pseudoniemen(bsns), v.Betrokkenen);
        Assert.Equal(bsns.Count, v.Aantal);
    }

    [Fact]
    public async Task A_tampered_municipality_in_the_query_is_ignored_and_the_other_municipality_gets_only_its_own()
    {
        var normaal = await Client().GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative));
        var gemanipuleerd = await Client().GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv?gemeente=GM0599&gemeente_code=GM0599", UriKind.Relative));
        Assert.Equal(normaal, gemanipuleerd);

        var ander = await Client("km.rotterdam", Rol.Gemeente, Ander).GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv?gemeente=GM0363", UriKind.Relative));
        var verwacht = await OrakelAsync(database, Ander, new SignaalFilter(Regime.Wi2021));
        Assert.NotEmpty(verwacht);
        Assert.Equal(verwacht.Select(r => Verwacht(r)), ander.TrimStart('\uFEFF').Split("\r\n")[1..^1]);
    }

    [Theory]
    [InlineData("?van=2026-11-01&tot=2026-10-01", "De begindatum ligt na de einddatum.")]
    [InlineData("?van=gisteren", "Geen geldige datum; gebruik jjjj-mm-dd.")]
    [InlineData("?zoek=1234", "Een BSN bestaat uit 9 cijfers en moet de elfproef doorstaan.")]
    [InlineData("?code=SS000", "Onbekende signaalcode.")]
    [InlineData("?afgehandeld=misschien", "Kies ja of nee.")]
    public async Task A_bad_filter_gets_a_Dutch_400(string query, string melding)
    {
        using var antwoord = await Client().GetAsync(new Uri("/gemeente/signalen/wi2021/download.xlsx" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType!.MediaType);
        Assert.Contains(melding, await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_municipal_sign_in_there_is_no_download()
    {
        using var anoniem = await _factory.CreateClient().GetAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anoniem.StatusCode);
        using var duo = await Client("duo.beheer", Rol.Duo, null).GetAsync(new Uri("/gemeente/signalen/ss190.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, duo.StatusCode);
        using var onbekend = await Client().GetAsync(new Uri("/gemeente/signalen/wi2030/download.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, onbekend.StatusCode);
    }

    [Fact]
    public async Task The_SS190_list_has_only_our_SS190s_and_no_names()
    {
        using var antwoord = await Client().GetAsync(new Uri("/gemeente/signalen/ss190.csv?code=SS101", UriKind.Relative));
        Assert.Equal("ss190-GM0363-20261123.csv", antwoord.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var regels = (await antwoord.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("bsn;code;omschrijving;datum;afgehandeld", regels[0]);
        var verwacht = await OrakelAsync(database, Eigen, new SignaalFilter(Regime.Wi2021) { Code = "SS190" });
        Assert.NotEmpty(verwacht);
        Assert.Equal(verwacht.Select(r => Verwacht(r, metNaam: false)), regels[1..^1]);
    }

    [Fact]
    public async Task The_xlsx_opens_with_the_Open_XML_SDK_and_holds_the_same_rows_with_real_dates()
    {
        using var antwoord = await Client().GetAsync(new Uri("/gemeente/signalen/wi2021/download.xlsx?sorteer=code&richting=oplopend", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("signalen-GM0363-wi2021-20261123.xlsx", antwoord.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var geheugen = new MemoryStream(await antwoord.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(geheugen, false);
        var blad = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rijen = blad.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Waarde).ToList()).ToList();
        Assert.Equal(["bsn", "naam", "code", "omschrijving", "datum", "afgehandeld"], rijen[0]);

        var verwacht = await OrakelAsync(database, Eigen, new SignaalFilter(Regime.Wi2021) { Sorteer = SignaalSortering.Code, Aflopend = false });
        Assert.Equal(verwacht.Select(r => new List<string>
        {
            r.Bsn, r.Naam ?? "", r.Code, r.Omschrijving, r.Datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Afgehandeld ? "ja" : "nee",
        }), rijen[1..]);
        Assert.Equal("Signalen Wi2021", doc.WorkbookPart.Workbook.Descendants<Sheet>().Single().Name!.Value);

        static string Waarde(Cell c) => c.DataType?.Value == CellValues.InlineString
            ? c.InlineString!.Text!.Text
            : c.StyleIndex?.Value == 1 && c.CellValue is { } v
                ? DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(v.Text, CultureInfo.InvariantCulture))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : c.CellValue?.Text ?? "";
    }
}
