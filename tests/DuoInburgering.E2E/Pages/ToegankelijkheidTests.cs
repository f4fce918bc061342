using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages;

/// <summary>Every page that exists, once interactive and loaded: zero axe violations (WCAG 2.1 A+AA) and a screenshot.</summary>
[Collection(PortaalCollection.Naam)]
public sealed class ToegankelijkheidTests(PortaalHost portaal)
{
    /// <summary>
    /// Path, the demo user to sign in as ("" for an open page), the page's h1, a text that shows only once its
    /// data is loaded, the screenshot's name.
    /// </summary>
    public static TheoryData<string, string, string, string, string> Paginas => new()
    {
        { "", "", "Portaal Inburgering", "Naar audit", "start" },
        { "duo", "duo.beheer", "DUO", "Gebruikersnaam", "duo" },
        { "audit", "fg.auditor", "Audit", "Keten nu controleren", "audit" },
        { "audit/verstrekkingen", "fg.auditor", "Verstrekkingen per gemeente", "Ontvangen signalen", "audit-verstrekkingen-leeg" },
        { "audit/lekrapport", "fg.auditor", "Lekrapport", "Rapport maken", "audit-lekrapport-leeg" },
        { "duo/gemeenten", "duo.beheer", "Gemeenten", "1-25 van", "duo-gemeenten" },
        { "duo/geparkeerd", "duo.beheer", "Geparkeerde groepen", "Er is nog geen groep vrijgegeven.", "duo-geparkeerd" },
        { "duo/personen/999990068", "duo.beheer", "Fatima Benali", "Volgens de regels", "duo-persoon" },
        { "deze-pagina-bestaat-niet", "", "Pagina niet gevonden", "Terug naar de startpagina", "niet-gevonden" },
        { "fout", "", "Er ging iets mis", "Terug naar de startpagina", "fout" },
    };

    [Theory]
    [MemberData(nameof(Paginas))]
    public Task Pagina_heeft_geen_wcag_overtredingen(string pad, string gebruiker, string kop, string geladen, string schermafdruk) =>
        portaal.MetPaginaAsync(async page =>
        {
            if (gebruiker.Length > 0)
            {
                await page.InloggenAlsAsync(gebruiker);
            }
            await page.GaNaarAsync(pad);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = kop, Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(geladen).First).ToBeVisibleAsync();

            await page.BewaarSchermafdrukAsync(schermafdruk);
            await page.ControleerToegankelijkheidAsync();
        }, variant: schermafdruk);
}
