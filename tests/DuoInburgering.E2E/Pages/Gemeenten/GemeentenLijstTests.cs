using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages.Gemeenten;

[Collection(PortaalCollection.Naam)]
public sealed class GemeentenLijstTests(PortaalHost portaal)
{
    [Fact]
    public Task Zoeken_met_het_toetsenbord_filtert_de_lijst_en_blijft_toegankelijk() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("duo.beheer");
            await page.GaNaarAsync("duo/gemeenten");
            await Assertions.Expect(page.GetByText("1-25 van")).ToBeVisibleAsync();

            var veld = await page.TabNaarAsync("Zoek op naam of CBS-code");
            Assert.True(veld.InHoofdinhoud && veld.FocusZichtbaar, veld.ToString());
            await page.Keyboard.TypeAsync("0363");

            await Assertions.Expect(page.GetByText("1-1 van 1")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Amsterdam", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Rotterdam", Exact = true })).ToHaveCountAsync(0);
            // The search field is labelled: reachable by its label, as a screen reader names it.
            await Assertions.Expect(page.GetByLabel("Zoek op naam of CBS-code")).ToHaveValueAsync("0363");

            await page.BewaarSchermafdrukAsync("duo-gemeenten-gezocht");
            await page.ControleerToegankelijkheidAsync();
        });
}
