using System.Net;
using System.Security.Claims;
using Bunit;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Npgsql;
using static DuoInburgering.Web.Tests.Features.Correcties.IncidentCohortDatabase;

namespace DuoInburgering.Web.Tests.Features.Correcties;

/// <summary>
/// The page /duo/correcties and its download: only DUO gets them (over HTTP, as a browser and a script
/// would ask), and as the circuit runs it (bUnit, real database) DUO staff preview, see Dutch errors beside
/// the fields, confirm and apply.
/// </summary>
[Collection(IncidentCohortCollectie.Naam)]
public sealed class CorrectiePaginaTests(IncidentCohortDatabase cohort)
{
    [Fact]
    public async Task Duo_opent_de_pagina_met_het_menu_en_de_download()
    {
        using var factory = new CorrectieWebFactory(await cohort.KopieAsync());
        using var client = Aanmelding.Als(factory, "duo.beheer");
        var pagina = await client.GetAsync(new Uri("/duo/correcties", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var html = await pagina.Content.ReadAsStringAsync();
        Assert.Contains("<title>Correcties · Portaal Inburgering</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"duo/correcties\"", html, StringComparison.Ordinal);
        var download = await client.GetAsync(new Uri(CorrectieDownload.Pad + "?versie=2022-03", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Theory]
    [InlineData("km.amsterdam")]
    [InlineData("fg.auditor")]
    public async Task Een_andere_rol_krijgt_geen_toegang_tot_pagina_en_download(string gebruiker)
    {
        using var factory = new CorrectieWebFactory(await cohort.KopieAsync());
        using var client = Aanmelding.Als(factory, gebruiker);

        var pagina = await client.GetAsync(new Uri("/duo/correcties", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, pagina.StatusCode);
        Assert.Equal($"/geen-toegang?returnUrl={Uri.EscapeDataString("/duo/correcties")}", pagina.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(pagina.Headers.Location!)).StatusCode);

        var download = await client.GetAsync(new Uri(CorrectieDownload.Pad + "?versie=2022-03", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.DoesNotContain("999990019", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zonder_aanmelding_gaat_de_pagina_naar_inloggen_en_krijgt_de_download_401()
    {
        using var factory = new CorrectieWebFactory(await cohort.KopieAsync());
        using var client = Aanmelding.Anoniem(factory);
        var pagina = await client.GetAsync(new Uri("/duo/correcties", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, pagina.StatusCode);
        Assert.Equal($"/inloggen?returnUrl={Uri.EscapeDataString("/duo/correcties")}", pagina.Headers.Location?.PathAndQuery);
        var download = await client.GetAsync(new Uri(CorrectieDownload.Pad + "?versie=2022-03", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, download.StatusCode);
    }

    [Fact]
    public async Task De_download_is_het_voorbeeld_als_csv_met_de_hash()
    {
        var cs = await cohort.KopieAsync();
        using var factory = new CorrectieWebFactory(cs);
        using var client = Aanmelding.Als(factory, "duo.beheer");
        await using var db = NpgsqlDataSource.Create(cs);
        var voorbeeld = await new Correctiedienst(db, TimeProvider.System, TestAudit.Log()).VoorbeeldAsync("2022-03",
            new Domain.Verwerking.CorrectieScope(Regime: Domain.Regimes.Regime.Wi2021), CancellationToken.None);

        var antwoord = await client.GetAsync(new Uri(CorrectieDownload.Pad + "?versie=2022-03&regime=Wi2021", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("text/csv", antwoord.Content.Headers.ContentType?.MediaType);
        Assert.Equal(voorbeeld.Hash, Assert.Single(antwoord.Headers.GetValues("X-Pib-Lijst-Hash")));
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var regels = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bsn;actie;doelgroep;oud_regime;nieuw_regime;oude_gemeente;nieuwe_gemeente;oude_peildatum;nieuwe_peildatum;"
            + "oude_reden;nieuwe_reden;oude_koppeling;nieuwe_koppeling;oude_regelset", regels[0]);
        Assert.Equal(voorbeeld.Wijzigingen.Select(w => w.Bsn), regels.Skip(1).Select(r => r[..9]));
        var karimzada = regels.Single(r => r.StartsWith("999990032;", StringComparison.Ordinal));
        Assert.Contains(";Asielstatushouder;Wi2021;Wi2013;GM1706;GM0363;2022-01-14;2021-12-22;", karimzada, StringComparison.Ordinal);
        Assert.EndsWith(";2021-12", karimzada, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?versie=2020-01", "versie")]
    [InlineData("?versie=2022-03&van=2022-13-01", "van")]
    [InlineData("?versie=2022-03&van=2022-02-01&tot=2022-01-01", "tot")]
    [InlineData("?versie=2022-03&gemeente=Amsterdam", "gemeente")]
    [InlineData("?versie=2022-03&regime=Wi2099", "regime")]
    public async Task Een_onjuiste_download_krijgt_een_nederlandse_400(string query, string veld)
    {
        using var factory = new CorrectieWebFactory(await cohort.KopieAsync());
        using var client = Aanmelding.Als(factory, "duo.beheer");
        var antwoord = await client.GetAsync(new Uri(CorrectieDownload.Pad + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        var probleem = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains($"\"{veld}\"", probleem, StringComparison.Ordinal);
        Assert.Contains("Ongeldige correctie", probleem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duo_bekijkt_het_voorbeeld_bevestigt_en_past_toe_op_de_pagina()
    {
        var cs = await cohort.KopieAsync();
        await using var db = NpgsqlDataSource.Create(cs);
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var klok = new Testklok(Correctiedag);
        ctx.Services.AddSingleton<TimeProvider>(klok);
        ctx.Services.AddSingleton(db);
        ctx.Services.AddSingleton(new Correctiedienst(db, klok, TestAudit.Log(klok)));
        ctx.Services.AddDbContextFactory<AppDbContext>(o => o.UseNpgsql(cs));
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("duo.beheer");
        auth.SetClaims(new Claim(PibClaims.Gebruiker, "duo.beheer"), new Claim(PibClaims.Naam, "DUO Beheer"), new Claim(PibClaims.Rol, "Duo"),
            new Claim(PibClaims.Betrouwbaarheidsniveau, "substantieel"));
        ctx.Render<MudPopoverProvider>();
        var dialogen = ctx.Render<MudDialogProvider>();

        var cut = ctx.Render<CorrectiePagina>();
        cut.WaitForAssertion(() => Assert.Contains("Actieve regelset: 2021-12", Tekst(cut), StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Er is nog geen correctie toegepast.", Tekst(cut), StringComparison.Ordinal);
        Assert.Equal("Correcties", cut.Find("h1").TextContent.Trim());

        // Wrong input: the Dutch errors appear beside the fields and nothing is computed.
        cut.Find("input[aria-label='Gemeente (CBS-code)']").Change("GM9999");
        cut.Find("input[aria-label='Peildatum vanaf']").Change("2022-02-01");
        cut.Find("input[aria-label='Peildatum tot en met']").Change("2022-01-01");
        cut.Find("#knop-voorbeeld").Click();
        cut.WaitForAssertion(() => Assert.Contains("GM9999 is geen bekende gemeente (CBS-lijst).", Tekst(cut), StringComparison.Ordinal));
        Assert.Contains("De peildatum 'tot en met' ligt vóór de peildatum 'vanaf'.", Tekst(cut), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#knop-toepassen"));

        cut.Find("input[aria-label='Gemeente (CBS-code)']").Change("");
        cut.Find("input[aria-label='Peildatum vanaf']").Change("");
        cut.Find("input[aria-label='Peildatum tot en met']").Change("");
        cut.Find("#knop-voorbeeld").Click();
        cut.WaitForAssertion(() => Assert.Contains("zouden wijzigen", Tekst(cut), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var voorbeeld = await new Correctiedienst(db, klok, TestAudit.Log(klok)).VoorbeeldAsync("2022-03", Domain.Verwerking.CorrectieScope.Iedereen, CancellationToken.None);
        Assert.Contains($"{voorbeeld.Wijzigingen.Count} zouden wijzigen", Tekst(cut), StringComparison.Ordinal);
        var eerste = voorbeeld.Wijzigingen[0];
        Assert.Contains(eerste.Bsn, Tekst(cut), StringComparison.Ordinal);
        Assert.Contains($"{eerste.OudeUitkomst} → {eerste.NieuweUitkomst}", Tekst(cut), StringComparison.Ordinal);
        Assert.Contains(eerste.NieuweReden, Tekst(cut), StringComparison.Ordinal);
        Assert.Contains(eerste.OudeKoppelingReden, Tekst(cut), StringComparison.Ordinal);
        Assert.Contains("Nu bij deze gemeente", Tekst(cut), StringComparison.Ordinal);
        Assert.Equal(CorrectieDownload.Url("2022-03", Domain.Verwerking.CorrectieScope.Iedereen), cut.FindAll("a").Single(a => a.TextContent.Contains("Download CSV", StringComparison.Ordinal)).GetAttribute("href"));

        cut.Find("#knop-toepassen").Click();
        dialogen.WaitForAssertion(() => Assert.Contains("Correctie toepassen?", Tekst(dialogen), StringComparison.Ordinal));
        Assert.Contains($"{voorbeeld.Wijzigingen.Count} personen wijzigen", Tekst(dialogen), StringComparison.Ordinal);
        Assert.Contains($"{voorbeeld.VerlatenWi2021} verlaten de Wi2021: {voorbeeld.Ss190} SS190-signalen", Tekst(dialogen), StringComparison.Ordinal);
        dialogen.FindAll("button").Single(b => b.TextContent.Trim() == "Toepassen").Click();

        cut.WaitForAssertion(() => Assert.Contains("Correctie 1 is toegepast", Tekst(cut), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("Actieve regelset: 2022-03", Tekst(cut), StringComparison.Ordinal);
        Assert.Contains("2021-12 → 2022-03", Tekst(cut), StringComparison.Ordinal);
        Assert.Contains("Voltooid", Tekst(cut), StringComparison.Ordinal);
        var run = (await new Correctiedienst(db, klok, TestAudit.Log(klok)).RunsAsync(CancellationToken.None)).Single();
        Assert.Equal(("duo.beheer", voorbeeld.Hash, voorbeeld.Wijzigingen.Count), (run.Door, run.LijstHash, run.Verwerkt));
    }

    private static string Tekst<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        System.Text.RegularExpressions.Regex.Replace(string.Concat(cut.Nodes.Select(n => n.TextContent)), @"\s+", " ");
}
