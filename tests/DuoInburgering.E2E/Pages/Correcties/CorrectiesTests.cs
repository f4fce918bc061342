using System.Text.RegularExpressions;
using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages.Correcties;

/// <summary>
/// DUO staff at /duo/correcties in Chromium: a wrong field gets its Dutch error beside it, a preview under the
/// January 2022 rule lists the changes, the confirmation repeats the counts, and page and dialog pass axe.
/// The demo data was determined under 2022-03, so the preview is of 2021-12; the dialog is cancelled, because
/// the browser tests share one portal.
/// </summary>
[Collection(PortaalCollection.Naam)]
public sealed class CorrectiesTests(PortaalHost portaal)
{
    [Fact]
    public Task Voorbeeld_bekijken_en_de_bevestiging_annuleren() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("duo.beheer");
            await page.GaNaarAsync("duo/correcties");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Correcties", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Actieve regelset:")).ToBeVisibleAsync();

            await page.GetByLabel("Gemeente (CBS-code)").FillAsync("GM9999");
            await page.GetByLabel("Gemeente (CBS-code)").PressAsync("Tab");
            await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("GM9999 is geen bekende gemeente (CBS-lijst).").First).ToBeVisibleAsync();

            await page.GetByLabel("Gemeente (CBS-code)").FillAsync("");
            await page.GetByLabel("Gemeente (CBS-code)").PressAsync("Tab");
            await page.GetByLabel("Regelset", new() { Exact = true }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^2021-12 ") }).ClickAsync();
            // The choice must have reached the server before the preview is asked for.
            await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByLabel("Regelset", new() { Exact = true }).First).ToContainTextAsync("2021-12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText(new Regex("zouden wijzigen"))).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href",
                new Regex("/duo/correcties/voorbeeld\\.csv\\?versie=2021-12"));
            await page.BewaarSchermafdrukAsync("duo-correcties-voorbeeld");
            await page.ControleerToegankelijkheidAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen", Exact = true }).ClickAsync();
            var dialoog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialoog.GetByText("Correctie toepassen?")).ToBeVisibleAsync();
            await Assertions.Expect(dialoog.GetByText(new Regex("personen wijzigen"))).ToBeVisibleAsync();
            await page.ControleerToegankelijkheidAsync();
            await dialoog.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
            await Assertions.Expect(dialoog).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByText("Er is nog geen correctie toegepast.")).ToBeVisibleAsync();
        });
}
