using System.Text.RegularExpressions;
using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Pages.Sessie;

/// <summary>
/// A session ends in every tab: signing out in one tab ends the server-side record, and the other tab's
/// circuit notices at its next revalidation (every <see cref="PortaalFactory.Hercontrole"/> here, at most a
/// minute in production), loads nothing more and shows the signed-out page.
/// </summary>
[Collection(PortaalCollection.Naam)]
public sealed class SessieEindeTests(PortaalHost portaal)
{
    [Fact]
    public Task Uitloggen_in_het_ene_tabblad_beeindigt_de_sessie_ook_in_het_andere() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.InloggenAlsAsync("km.amsterdam");
            var ander = await page.Context.NewPageAsync();
            await ander.GaNaarAsync("gemeente/signalen/wi2021");
            var rijen = ander.GetByRole(AriaRole.Row).Filter(new() { Has = ander.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Selecteer ") }) });
            await Assertions.Expect(rijen.First).ToBeVisibleAsync();

            await page.BringToFrontAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "U bent uitgelogd" })).ToBeVisibleAsync();

            // The other tab did nothing; its circuit finds the session ended and leaves for the signed-out page.
            await Assertions.Expect(ander).ToHaveURLAsync(new Uri(portaal.BaseUrl, "uitgelogd").ToString(),
                new() { Timeout = (float)(PortaalFactory.Hercontrole + TimeSpan.FromSeconds(20)).TotalMilliseconds });
            await Assertions.Expect(ander.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "U bent uitgelogd" })).ToBeVisibleAsync();
            await Assertions.Expect(rijen).ToHaveCountAsync(0);

            // Its cookie opens nothing either: the signal list and its next page are not shown again.
            var antwoord = await ander.GotoAsync("gemeente/signalen/wi2021?pagina=2");
            Assert.StartsWith("/inloggen", new Uri(ander.Url).AbsolutePath, StringComparison.Ordinal);
            Assert.NotNull(antwoord);
            await Assertions.Expect(rijen).ToHaveCountAsync(0);
            var download = await page.Context.APIRequest.GetAsync("gemeente/signalen/wi2021/download.csv");
            Assert.Equal(401, download.Status);
        });
}
