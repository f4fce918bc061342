using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages.Layout;

/// <summary>What every page shares: the skip link, the menu, the not-found page.</summary>
[Collection(PortaalCollection.Naam)]
public sealed class LayoutTests(PortaalHost portaal)
{
    [Fact]
    public Task De_skiplink_blijft_op_de_pagina_en_brengt_de_focus_naar_de_inhoud() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.GaNaarAsync("duo/gemeenten");
            var url = page.Url;

            await page.BeginBovenaanAsync();
            var eerste = await page.TabNaarAsync("Direct naar de inhoud", maximum: 1);
            Assert.True(eerste.FocusZichtbaar && eerste.InBeeld, $"De skiplink is niet zichtbaar bij focus: {eerste}");
            await page.Keyboard.PressAsync("Enter");

            Assert.Equal(new Uri(url).AbsolutePath, new Uri(page.Url).AbsolutePath);
            await page.Keyboard.PressAsync("Tab");
            var volgende = await page.FocusAsync();
            Assert.True(volgende is { InHoofdinhoud: true }, $"Na de skiplink hoort Tab in de inhoud te komen, niet op {volgende}");
        });

    [Fact]
    public Task Het_menu_klapt_met_het_toetsenbord_in_en_uit() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.GaNaarAsync("");
            var knop = page.GetByRole(AriaRole.Button, new() { Name = "Menu tonen of verbergen" });
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
            await Assertions.Expect(knop).ToHaveAttributeAsync("aria-expanded", "true");

            await page.BeginBovenaanAsync();
            await page.TabNaarAsync("Menu tonen of verbergen");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(menu).ToBeHiddenAsync();
            await Assertions.Expect(knop).ToHaveAttributeAsync("aria-expanded", "false");
            // The hidden menu is out of the tab order: the next stops are the app bar's sign-in link, then the content.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Inloggen", (await page.FocusAsync())?.Naam);
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Naar gemeente", (await page.FocusAsync())?.Naam);
            await page.Keyboard.PressAsync("Shift+Tab");

            await page.Keyboard.PressAsync("Shift+Tab");
            await Assertions.Expect(knop).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(menu).ToBeVisibleAsync();
            await Assertions.Expect(knop).ToHaveAttributeAsync("aria-expanded", "true");
        });

    [Fact]
    public Task Een_onbekend_adres_geeft_404_en_een_weg_terug() =>
        portaal.MetPaginaAsync(async page =>
        {
            var antwoord = await page.GaNaarAsync("deze-pagina-bestaat-niet");

            Assert.Equal(404, antwoord?.Status);
            await Assertions.Expect(page).ToHaveTitleAsync("Pagina niet gevonden · Portaal Inburgering");
            await page.TabNaarAsync("Terug naar de startpagina");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Portaal Inburgering" })).ToBeVisibleAsync();
        });
}
