using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages.Start;

[Collection(PortaalCollection.Naam)]
public sealed class StartpaginaTests(PortaalHost portaal)
{
    [Fact]
    public Task Tab_bereikt_elke_link_en_knop_in_leesvolgorde_met_zichtbare_focus() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.GaNaarAsync("");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naar audit" })).ToBeVisibleAsync();

            var ronde = await page.TabRondeAsync();

            var beschrijving = string.Join(Environment.NewLine, ronde);
            Assert.Equal(
                [
                    "Direct naar de inhoud", "Menu tonen of verbergen", "Inloggen",
                    "Start",
                    "Gemeente in- of uitklappen", "Overzicht", "Signalen Wi2021", "Signalen Wi2013", "Signalen Wi2007",
                    "DUO in- of uitklappen", "Overzicht", "Pauzes", "Correcties", "Geparkeerde groepen", "Persoonscorrecties",
                    "Importen", "Gemeenten",
                    "Audit in- of uitklappen", "Overzicht", "Controle van de keten", "Tijdlijn van een persoon",
                    "Verstrekkingen per gemeente", "Lekrapport",
                    "Naar gemeente", "Naar duo", "Naar audit",
                ],
                ronde.Select(f => f.Naam));
            Assert.True(ronde.All(f => f.FocusZichtbaar && f.InBeeld), "Focus niet zichtbaar of buiten beeld:" + Environment.NewLine + beschrijving);
            Assert.Equal(await page.AantalBedienbaarAsync(), ronde.Count);
        });

    [Fact]
    public Task Enter_op_een_groep_opent_die_groep_en_zet_de_focus_op_de_kop() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("duo.beheer");
            await page.GaNaarAsync("");

            await page.TabNaarAsync("Naar duo");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page).ToHaveURLAsync(new Uri(portaal.BaseUrl, "duo").ToString());
            var kop = page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "DUO", Exact = true });
            await Assertions.Expect(kop).ToBeFocusedAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "duo.beheer" })).ToBeVisibleAsync();
        });
}
