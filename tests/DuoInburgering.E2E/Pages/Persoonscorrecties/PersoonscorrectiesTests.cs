using System.Text.RegularExpressions;
using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace DuoInburgering.E2E.Pages.Persoonscorrecties;

/// <summary>
/// A single-person correction with four eyes in Chromium (issue 5 part 5): duo.beheer looks a person up,
/// corrects the date the document was handed out (Wi2021 → Wi2013), sees the effect and proposes it with a
/// reason; duo.controle signs in, opens the proposal and approves it. axe on every step, screenshots kept.
/// </summary>
[Collection(PortaalCollection.Naam)]
public sealed class PersoonscorrectiesTests(PortaalHost portaal)
{
    private const string Reden = "IND-dossier: het verblijfsdocument is op 15 december 2021 uitgereikt.";

    [Fact]
    public Task Beheer_stelt_een_correctie_voor_en_controle_keurt_hem_goed() =>
        portaal.MetPaginaAsync(async page =>
        {
            // A Wi2021 family migrant outside Amsterdam (the caseworker tests use Amsterdam), not TUR (no obligation under Wi2013).
            var bsn = await ScalarAsync<string>("""
                select p.bsn from persoon p
                where p.pub_uitkomst = 'Wi2021' and p.status = 'Bepaald' and not p.geparkeerd and p.eind_reden is null
                  and p.verblijfsdoel in ('gezinshereniging', 'gezinsvorming') and p.nationaliteit <> 'TUR'
                  and p.pub_gemeente_code is not null and p.pub_gemeente_code <> 'GM0363'
                  and p.geboortedatum between '1970-01-01' and '2000-01-01'
                  and not exists (select 1 from persoonscorrectie c where c.bsn = p.bsn)
                order by p.bsn desc limit 1
                """);

            await page.InloggenAlsAsync("duo.beheer");
            await page.GaNaarAsync("duo/persoonscorrecties");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Persoonscorrecties" })).ToBeVisibleAsync();
            await page.ControleerToegankelijkheidAsync();

            // A BSN that fails the elfproef: the Dutch message at the field.
            await page.GetByLabel("BSN", new() { Exact = true }).FillAsync("123456788");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opzoeken" }).ClickAsync();
            await Assertions.Expect(page.GetByText("BSN voldoet niet aan de elfproef.")).ToBeVisibleAsync();

            await page.GetByLabel("BSN", new() { Exact = true }).FillAsync(bsn);
            await page.GetByLabel("BSN", new() { Exact = true }).PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex($@"\(BSN {bsn}\)") })).ToBeVisibleAsync();

            var uitreiking = page.GetByLabel("Datum uitreiking document", new() { Exact = true });
            await uitreiking.FillAsync("2021-12-15");
            await uitreiking.PressAsync("Tab");
            // Without a reason nothing is proposed.
            await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel indienen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Geef een reden voor de correctie; zonder reden wordt niets voorgesteld.")).ToBeVisibleAsync();

            var reden = page.GetByLabel("Reden van de correctie");
            await reden.FillAsync(Reden);
            await reden.PressAsync("Tab");
            await page.GetByRole(AriaRole.Button, new() { Name = "Effect berekenen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Wi2021 → Wi2013", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("elke gemeente met Wi2021-signalen over deze persoon krijgt SS190").First).ToBeVisibleAsync();
            await page.BewaarSchermafdrukAsync("persoonscorrecties-1-effect");
            await page.ControleerToegankelijkheidAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel indienen" }).ClickAsync();
            await Assertions.Expect(page.GetByText(new Regex(@"^Voorstel \d+ is ingediend\."))).ToBeVisibleAsync();
            var id = await ScalarAsync<long>($"select id from persoonscorrectie where bsn = '{bsn}' and status = 'Open'");
            Assert.Equal("Wi2021", await ScalarAsync<string>($"select uitkomst from persoon where bsn = '{bsn}'"));
            // The proposer is told, not offered the buttons.
            await page.GetByRole(AriaRole.Button, new() { Name = $"Voorstel {id} beoordelen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("U heeft dit voorstel zelf ingediend.", new() { Exact = false })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en toepassen" })).ToHaveCountAsync(0);

            // The second pair of eyes.
            await page.InloggenAlsAsync("duo.controle");
            await page.GaNaarAsync("duo/persoonscorrecties");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Voorstel {id} beoordelen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = $"Voorstel {id} beoordelen" })).ToBeVisibleAsync();
            // In the list and in the review beside it.
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = Reden })).ToHaveCountAsync(2);
            await page.BewaarSchermafdrukAsync("persoonscorrecties-2-beoordelen");
            await page.ControleerToegankelijkheidAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en toepassen" }).ClickAsync();
            await Assertions.Expect(page.GetByText(new Regex($@"^Voorstel {id} is goedgekeurd en toegepast"))).ToBeVisibleAsync();
            var rij = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = bsn, Exact = true }) });
            await Assertions.Expect(rij.GetByRole(AriaRole.Cell, new() { Name = "Goedgekeurd", Exact = true })).ToBeVisibleAsync();
            await page.BewaarSchermafdrukAsync("persoonscorrecties-3-goedgekeurd");
            await page.ControleerToegankelijkheidAsync();

            Assert.Equal("Wi2013|Wi2013|2021-12-15|duo.controle", await ScalarAsync<string>($"""
                select concat_ws('|', p.uitkomst, p.pub_uitkomst, p.datum_uitreiking_document, c.besloten_door)
                from persoon p join persoonscorrectie c on c.bsn = p.bsn where c.id = {id}
                """));
            Assert.Equal(0L, await ScalarAsync<long>(
                $"select count(*) from signaal where bsn = '{bsn}' and regime = 'Wi2021' and code <> 'SS190' and ingetrokken_op is null"));
        });

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var verbinding = new NpgsqlConnection(portaal.ConnectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        return await opdracht.ExecuteScalarAsync() is T waarde
            ? waarde
            : throw new InvalidOperationException("De demodata bevat geen geschikte persoon:" + Environment.NewLine + sql);
    }
}
