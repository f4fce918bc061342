using System.Globalization;
using System.Text.RegularExpressions;
using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages.Audit;

/// <summary>
/// The auditor's two screens in Chromium, after a caseworker of Amsterdam looked at the signal list: a municipality's
/// disclosures over a period, and the breach report for a list of BSNs (bad lines first), printed without the menu and
/// downloaded as CSV through the page's own form. axe on every state; fields found by their labels.
/// </summary>
[Collection(PortaalCollection.Naam)]
public sealed class AuditSchermenTests(PortaalHost portaal)
{
    private async Task<string> AmsterdamBekijktAsync()
    {
        var bsn = "";
        await portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("km.amsterdam");
            await page.GaNaarAsync("gemeente/signalen/wi2021");
            var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^[0-9]{9}$") }).First;
            await Assertions.Expect(link).ToBeVisibleAsync();
            bsn = (await link.TextContentAsync())!.Trim();
        }, variant: "amsterdam");
        return bsn;
    }

    private static string Dag(int dagen) => DateTime.Today.AddDays(dagen).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Een_auditor_ziet_de_verstrekkingen_van_een_gemeente_in_een_periode()
    {
        await AmsterdamBekijktAsync();
        await portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("fg.auditor");
            await page.GaNaarAsync("audit/verstrekkingen");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Verstrekkingen per gemeente" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen", Exact = true }).ClickAsync();
            var melding = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Kies een gemeente." });
            await Assertions.Expect(melding).ToBeVisibleAsync();
            await Assertions.Expect(melding).ToContainTextAsync("Vul de periode in");
            await page.ControleerToegankelijkheidAsync();

            var gemeente = page.GetByLabel("Gemeente", new() { Exact = true });
            await gemeente.FillAsync("Amsterd");
            await page.GetByRole(AriaRole.Option, new() { Name = "Amsterdam (GM0363)" }).ClickAsync();
            await page.GetByLabel("Vanaf", new() { Exact = true }).FillAsync(Dag(-1));
            await page.GetByLabel("Tot en met", new() { Exact = true }).FillAsync(Dag(1));
            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex("^Amsterdam \\(GM0363\\)") })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "km.amsterdam", Exact = true }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "signalenlijst Wi2021", Exact = true }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href",
                new Regex("audit/verstrekkingen\\.csv\\?gemeente=GM0363&van="));
            await page.BewaarSchermafdrukAsync("audit-verstrekkingen");
            await page.ControleerToegankelijkheidAsync();
        }, variant: "auditor");
    }

    [Fact]
    public async Task Een_auditor_maakt_een_lekrapport_voor_een_lijst_van_bsns_drukt_het_af_en_downloadt_het()
    {
        var bsn = await AmsterdamBekijktAsync();
        await portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("fg.auditor");
            await page.GaNaarAsync("audit/lekrapport");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Lekrapport", Exact = true })).ToBeVisibleAsync();

            await page.GetByLabel("Bereik", new() { Exact = true }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Een lijst van BSN's" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
            var veld = page.GetByLabel("BSN's, één per regel");
            await veld.FillAsync("123456789\n12345");
            await veld.PressAsync("Tab");
            await page.GetByRole(AriaRole.Button, new() { Name = "Rapport maken" }).ClickAsync();
            var melding = page.GetByRole(AriaRole.Alert);
            await Assertions.Expect(melding).ToContainTextAsync("Regel 1 ('123456789'): BSN voldoet niet aan de elfproef.");
            await Assertions.Expect(melding).ToContainTextAsync("Regel 2 ('12345'): BSN moet uit precies 9 cijfers bestaan.");
            await page.ControleerToegankelijkheidAsync();

            await veld.FillAsync(bsn);
            await veld.PressAsync("Tab");
            await page.GetByRole(AriaRole.Button, new() { Name = "Rapport maken" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Lekrapport: Lijst van 1 BSN" })).ToBeVisibleAsync();
            var amsterdam = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Amsterdam (GM0363)" });
            await Assertions.Expect(amsterdam).ToContainTextAsync("km.amsterdam");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Te informeren ontvangers (AVG art. 19)" })).ToBeVisibleAsync();
            // The report itself names nobody (the field above still holds what the auditor typed).
            await Assertions.Expect(page.Locator("section.pib-rapport")).Not.ToContainTextAsync(bsn);
            await page.BewaarSchermafdrukAsync("audit-lekrapport");
            await page.ControleerToegankelijkheidAsync();

            // Printed: the report without menu, form or buttons.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rapport maken" })).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Lekrapport: Lijst van 1 BSN" })).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
            Assert.StartsWith("lekrapport-bsn-lijst-", download.SuggestedFilename, StringComparison.Ordinal);
            var inhoud = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("\r\nGM0363;Amsterdam;", inhoud, StringComparison.Ordinal);
            Assert.DoesNotContain(bsn, inhoud, StringComparison.Ordinal);
        }, variant: "auditor");
    }
}
