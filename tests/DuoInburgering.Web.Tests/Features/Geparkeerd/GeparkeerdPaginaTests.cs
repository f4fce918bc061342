using System.Net;
using System.Security.Claims;
using Bunit;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DuoInburgering.Web.Tests.Features.Geparkeerd;

/// <summary>
/// /duo/geparkeerd and /duo/personen/{bsn}: over HTTP for who may open them (DUO only), and in the
/// interactive circuit (bUnit, real database) for releasing a group with its mandatory reason.
/// </summary>
public sealed class GeparkeerdPaginaTests : GeparkeerdTestdata
{
    private readonly BunitContext _ctx = new();

    public override async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("/duo/geparkeerd", "Geparkeerde groepen")]
    [InlineData("/duo/personen/{bsn}", "Keuze registreren")]
    public async Task Only_DUO_opens_the_pages_others_get_Geen_toegang_and_anonymous_is_sent_to_sign_in(string sjabloon, string kop)
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(bsn, "Amina Geparkeerd"), Utrecht);
        var pad = sjabloon.Replace("{bsn}", bsn, StringComparison.Ordinal);

        using var duo = Aanmelding.Als(Host, "duo.beheer");
        var antwoord = await duo.GetAsync(new Uri(pad, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains(kop, html, StringComparison.Ordinal);
        Assert.Contains("Gezinsmigrant", html, StringComparison.Ordinal);

        foreach (var ander in new[] { "km.amsterdam", "fg.auditor" })
        {
            using var client = Aanmelding.Als(Host, ander);
            var geweigerd = await client.GetAsync(new Uri(pad, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, geweigerd.StatusCode);
            Assert.Equal($"/geen-toegang?returnUrl={Uri.EscapeDataString(pad)}", geweigerd.Headers.Location?.PathAndQuery);
            var geenToegang = await client.GetAsync(geweigerd.Headers.Location!);
            Assert.Equal(HttpStatusCode.Forbidden, geenToegang.StatusCode);
            Assert.DoesNotContain("Amina Geparkeerd", await geenToegang.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var anoniem = Aanmelding.Anoniem(Host);
        var naarInloggen = await anoniem.GetAsync(new Uri(pad, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, naarInloggen.StatusCode);
        Assert.StartsWith("/inloggen?returnUrl=", naarInloggen.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_DUO_person_page_shows_the_decision_the_term_and_why_each_choice_is_or_is_not_possible()
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(bsn, "Amina Termijn"), Utrecht);
        ZetKlok(Vrijgave);
        await Groepen.VrijgevenAsync(Domain.Regimes.RegimeUitkomst.Wi2013, Domain.Regimes.Doelgroep.Gezinsmigrant, false, "duo.beheer", "Herstart", default);
        using var duo = Aanmelding.Als(Host, "duo.beheer");

        var html = WebUtility.HtmlDecode(await duo.GetStringAsync(new Uri($"/duo/personen/{bsn}", UriKind.Relative)));

        Assert.Contains("Amina Termijn", html, StringComparison.Ordinal);
        Assert.Contains("Vrijgegeven op 2 maart 2026; keuzetermijn voor de Wi2021 tot en met 27 april 2026", html, StringComparison.Ordinal);
        Assert.Contains("Alleen een asielstatushouder die onder de Wi2021 bleef kan kiezen voor de Wi2013", html, StringComparison.Ordinal);
        Assert.Contains("Keuze voor de Wi2021 binnen de termijn van 8 weken", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await duo.GetAsync(new Uri("/duo/personen/123456782", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Releasing_on_the_page_needs_a_reason_then_records_who_and_why()
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(bsn), Utrecht);
        ZetKlok(Vrijgave);
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddSingleton(new GeparkeerdeGroepen(DataSource, Klok, TestAudit.Log(Klok)));
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("duo.beheer");
        auth.SetClaims(new Claim(PibClaims.Gebruiker, "duo.beheer"), new Claim(PibClaims.Rol, "Duo"),
            new Claim(PibClaims.Betrouwbaarheidsniveau, "substantieel"));
        _ctx.Render<MudPopoverProvider>();

        var cut = _ctx.Render<GeparkeerdPagina>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[aria-label='Groep Wi2013 / Gezinsmigrant vrijgeven']")), TimeSpan.FromSeconds(10));
        cut.Find("[aria-label='Groep Wi2013 / Gezinsmigrant vrijgeven']").Click();
        Knop(cut, "Groep vrijgeven").Click();

        cut.WaitForAssertion(() => Assert.Contains("Geef een reden op", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.True((await RijAsync(bsn)).Geparkeerd);

        cut.WaitForAssertion(() => cut.Find("textarea").Change("Herstart gezinsmigranten 1 maart"), TimeSpan.FromSeconds(10));
        Knop(cut, "Groep vrijgeven").Click();

        cut.WaitForAssertion(() => Assert.Contains("Er zijn geen geparkeerde personen.", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var historie = cut.FindAll("tbody tr").Last().TextContent;
        Assert.Contains("Herstart gezinsmigranten 1 maart", historie, StringComparison.Ordinal);
        Assert.Contains("duo.beheer", historie, StringComparison.Ordinal);
        Assert.False((await RijAsync(bsn)).Geparkeerd);
        var v = Assert.Single(await VrijgavenAsync());
        Assert.Equal(("duo.beheer", "Herstart gezinsmigranten 1 maart", 1), (v.Door, v.Reden, v.Aantal));
    }

    /// <summary>The button with this text, once rendered: an event's re-render may finish after Click() returns.</summary>
    private static AngleSharp.Dom.IElement Knop(IRenderedComponent<GeparkeerdPagina> cut, string tekst)
    {
        AngleSharp.Dom.IElement? knop = null;
        cut.WaitForAssertion(() => knop = Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == tekst && !b.HasAttribute("disabled")),
            TimeSpan.FromSeconds(10));
        return knop!;
    }
}
