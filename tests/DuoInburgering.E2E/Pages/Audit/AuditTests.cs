using System.Text.RegularExpressions;
using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages.Audit;

/// <summary>
/// The auditor after a caseworker's look at the signal list: a wrong BSN gets a Dutch message, the right one
/// shows who saw that person, when and through which screen. axe on both states; found by labels.
/// </summary>
[Collection(PortaalCollection.Naam)]
public sealed class AuditTests(PortaalHost portaal)
{
    [Fact]
    public async Task Een_auditor_ziet_wie_een_persoon_bekeek()
    {
        var bsn = "";
        await portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("km.amsterdam");
            await page.GaNaarAsync("gemeente/signalen/wi2021");
            var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^[0-9]{9}$") }).First;
            await Assertions.Expect(link).ToBeVisibleAsync();
            bsn = (await link.TextContentAsync())!.Trim();
        }, variant: "audit-gemeente");

        await portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("fg.auditor");
            await page.GaNaarAsync("audit");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Tijdlijn van een persoon" })).ToBeVisibleAsync();

            var veld = page.GetByRole(AriaRole.Textbox, new() { Name = "BSN", Exact = true });
            await veld.FillAsync("123456789");
            await veld.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "BSN voldoet niet aan de elfproef." })).ToBeVisibleAsync();
            await page.ControleerToegankelijkheidAsync();

            await veld.FillAsync(bsn);
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText(new Regex("regels? in de auditlog voor deze persoon"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "km.amsterdam", Exact = true }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Amsterdam (GM0363)", Exact = true }).First).ToBeVisibleAsync();
            await page.BewaarSchermafdrukAsync("audit-tijdlijn");
            await page.ControleerToegankelijkheidAsync();
        }, variant: "audit-auditor");
    }
}
