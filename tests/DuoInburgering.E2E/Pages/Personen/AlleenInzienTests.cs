using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace DuoInburgering.E2E.Pages.Personen;

/// <summary>
/// Issue 17 item 1 in Chromium: seeing is not acting. A Rotterdam person whose current PIP is Amsterdam's (the state
/// after a move) opens for Amsterdam read-only: the explanation instead of the PIP and aanbod forms, axe clean. Rotterdam
/// sees the form as before.
/// </summary>
[Collection(PortaalCollection.Naam)]
public sealed class AlleenInzienTests(PortaalHost portaal)
{
    private const string Uitleg =
        "Alleen de gemeente waar de persoon nu woont of aan wie het COA de persoon heeft gekoppeld (Rotterdam) legt een PIP of inburgeringsaanbod vast; uw gemeente mag deze persoon nog inzien.";

    [Fact]
    public async Task De_oude_gemeente_ziet_de_persoon_alleen_in_met_de_uitleg()
    {
        var bsn = await ScalarAsync(
            """
            select bsn from persoon
            where pub_uitkomst = 'Wi2021' and pub_gemeente_code = 'GM0599' and status = 'Bepaald' and not geparkeerd
              and pip_gemeente_code is null and vorige_pip_gemeente_code is null
            order by bsn desc limit 1
            """);
        // Amsterdam's PIP, kept after the person moved to Rotterdam.
        await VoerUitAsync("update persoon set pip_gemeente_code = 'GM0363', pip_dagtekening = current_date - 40, pip_leerroute = 'B1Route' where bsn = $1", bsn);
        try
        {
            await portaal.MetPaginaAsync(async page =>
            {
                await page.InloggenAlsAsync("km.amsterdam");
                await page.GaNaarAsync($"gemeente/personen/{bsn}");

                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "PIP registreren" })).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Rotterdam", Exact = true })).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#alleen-inzien")).ToContainTextAsync(Uitleg);
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "PIP registreren" })).ToHaveCountAsync(0);
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Inburgeringsaanbod registreren" })).ToHaveCountAsync(0);
                await page.BewaarSchermafdrukAsync("alleen-inzien-oude-gemeente");
                await page.ControleerToegankelijkheidAsync();
            });

            await portaal.MetPaginaAsync(async page =>
            {
                await page.InloggenAlsAsync("km.rotterdam");
                await page.GaNaarAsync($"gemeente/personen/{bsn}");

                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "PIP registreren" })).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#alleen-inzien")).ToHaveCountAsync(0);
            }, variant: "rotterdam");
        }
        finally
        {
            await VoerUitAsync("update persoon set pip_gemeente_code = null, pip_dagtekening = null, pip_leerroute = null where bsn = $1", bsn);
        }
    }

    private async Task VoerUitAsync(string sql, string bsn)
    {
        await using var verbinding = new NpgsqlConnection(portaal.ConnectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        opdracht.Parameters.Add(new NpgsqlParameter { Value = bsn });
        Assert.Equal(1, await opdracht.ExecuteNonQueryAsync());
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var verbinding = new NpgsqlConnection(portaal.ConnectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        return await opdracht.ExecuteScalarAsync() as string
            ?? throw new InvalidOperationException("De demodata bevat geen geschikte persoon:" + Environment.NewLine + sql);
    }
}
