using Microsoft.Playwright;
using Xunit.Sdk;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>The checks must be able to fail: a page with known faults is caught, with names and elements.</summary>
[Collection(PortaalCollection.Naam)]
public sealed class ToegankelijkheidControleTests(PortaalHost portaal)
{
    [Fact]
    public Task Axe_meldt_een_veld_zonder_label_en_te_weinig_contrast() =>
        portaal.MetPaginaAsync(async page =>
        {
            await page.SetContentAsync("""
                <!DOCTYPE html><html lang="nl"><head><title>Fout</title></head><body><main>
                <h1>Proef</h1>
                <input id="zonder-label" type="text">
                <p id="grijs" style="color:#AAAAAA;background:#FFFFFF">Lichtgrijs op wit</p>
                </main></body></html>
                """);

            var fout = await Assert.ThrowsAnyAsync<XunitException>(page.ControleerToegankelijkheidAsync);

            Assert.Contains("- label (critical)", fout.Message, StringComparison.Ordinal);
            Assert.Contains("#zonder-label", fout.Message, StringComparison.Ordinal);
            Assert.Contains("- color-contrast (serious)", fout.Message, StringComparison.Ordinal);
            Assert.Contains("#grijs", fout.Message, StringComparison.Ordinal);
        });
}
