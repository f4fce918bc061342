using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuoInburgering.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace DuoInburgering.E2E.Pages.Werkdag;

/// <summary>
/// A caseworker's day in Chromium (issue 4): sign in, the start page, filter the signals, handle one
/// and undo it, download the filter as CSV, open a person, register a PIP, and try another
/// municipality's person. axe runs on every page; the main pages are kept as screenshots. Fields are
/// found by their labels, which also proves each has one.
/// </summary>
[Collection(PortaalCollection.Naam)]
public sealed class WerkdagTests(PortaalHost portaal)
{
    private const string Gebruiker = "km.amsterdam";

    [Fact]
    public Task Inloggen_signalen_filteren_afhandelen_ongedaan_maken_downloaden_en_een_persoon_openen() =>
        portaal.MetPaginaAsync(async page =>
        {
            var code = await CodeMetOpenSignalenAsync();

            // The demo login page itself.
            await page.GotoAsync("inloggen");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Inloggen als demogebruiker" })).ToBeVisibleAsync();
            await page.BewaarSchermafdrukAsync("werkdag-1-inloggen");
            await page.ControleerToegankelijkheidAsync();

            await page.InloggenAlsAsync(Gebruiker);

            // Start page of the municipality.
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(portaal.BaseUrl, "gemeente").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Amsterdam", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Signalen per omgeving" })).ToBeVisibleAsync();
            await page.BewaarSchermafdrukAsync("werkdag-2-gemeente");
            await page.ControleerToegankelijkheidAsync();

            // Signals, filtered by one code through the labelled select.
            await page.GaNaarAsync("gemeente/signalen/wi2021");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Signalen Wi2021" })).ToBeVisibleAsync();
            await page.GetByLabel("Signaalcode").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex($"^{code} ") }).ClickAsync();
            var rijen = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Selecteer ") }) });
            await Assertions.Expect(rijen.First).ToBeVisibleAsync();
            // Only the chosen code is left.
            await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Selecteer (?!" + code + " )") })).ToHaveCountAsync(0);
            await page.BewaarSchermafdrukAsync("werkdag-3-signalen-gefilterd");
            await page.ControleerToegankelijkheidAsync();

            // Handle one open signal, then undo it from the snackbar.
            var open = rijen.Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "nee", Exact = true }) }).First;
            var vinkje = open.GetByRole(AriaRole.Checkbox);
            var label = await vinkje.GetAttributeAsync("aria-label") ?? throw new InvalidOperationException("Vinkje zonder label.");
            var rij = rijen.Filter(new() { Has = page.GetByRole(AriaRole.Checkbox, new() { Name = label, Exact = true }) });
            await rij.GetByRole(AriaRole.Checkbox).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Markeer als afgehandeld (1)" }).ClickAsync();
            await Assertions.Expect(page.GetByText("1 signaal afgehandeld.")).ToBeVisibleAsync();
            // The snackbar stays 10 s: undo at once, before anything else can slow the test down.
            await page.GetByRole(AriaRole.Button, new() { Name = "Ongedaan maken" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Ongedaan gemaakt: 1 signaal weer open.")).ToBeVisibleAsync();
            await Assertions.Expect(rij.GetByRole(AriaRole.Cell, new() { Name = "nee", Exact = true })).ToBeVisibleAsync();

            // The CSV of exactly this filter.
            var download = await page.RunAndWaitForDownloadAsync(
                () => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync(),
                new() { Timeout = 60_000 });
            var pad = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(pad);
            Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "De CSV begint niet met de UTF-8-BOM.");
            var regels = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r')).ToList();
            Assert.StartsWith("bsn;naam;code;", regels[0], StringComparison.Ordinal);
            var codeKolom = regels[0].Split(';').ToList().IndexOf("code");
            Assert.True(regels.Count > 1, "De CSV bevat geen signalen.");
            Assert.All(regels.Skip(1), r => Assert.Equal(code, r.Split(';')[codeKolom]));

            // Open the person of the row.
            var bsn = (await rij.GetByRole(AriaRole.Link).First.InnerTextAsync()).Trim();
            await rij.GetByRole(AriaRole.Link, new() { Name = bsn, Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(portaal.BaseUrl, $"gemeente/personen/{bsn}").ToString());
            await page.WachtOpBlazorAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = bsn, Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Signalen aan uw gemeente" })).ToBeVisibleAsync();
            await page.BewaarSchermafdrukAsync("werkdag-4-persoon");
            await page.ControleerToegankelijkheidAsync();
        });

    [Fact]
    public Task Een_PIP_registreren_toont_eerst_de_fout_bij_het_veld_en_daarna_SS102() =>
        portaal.MetPaginaAsync(async page =>
        {
            var bsn = await ScalarAsync(
                """
                select p.bsn from persoon p
                where p.pub_uitkomst = 'Wi2021' and p.pub_gemeente_code = 'GM0363' and p.status = 'Bepaald'
                  and not p.geparkeerd and p.pip_dagtekening is null and p.pip_gemeente_code is null
                  and p.datum_inburgeringsaanbod is null
                  and p.pub_startdatum <= current_date - 7
                  and exists (select 1 from signaal s where s.bsn = p.bsn and s.gemeente_code = 'GM0363')
                  and not exists (select 1 from signaal s where s.bsn = p.bsn and s.code = 'SS102')
                order by p.bsn desc limit 1
                """);
            var vandaag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);

            await page.InloggenAlsAsync(Gebruiker);
            await page.GaNaarAsync($"gemeente/personen/{bsn}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "PIP registreren" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Geen PIP geregistreerd" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "SS102", Exact = true })).ToHaveCountAsync(0);
            await page.ControleerToegankelijkheidAsync();

            // The text field (the picker's calendar is labelled "Dagtekening" too).
            var dagtekening = page.GetByLabel("Dagtekening", new() { Exact = true }).And(page.GetByRole(AriaRole.Textbox));
            var veld = page.Locator("[data-veld=dagtekening]");

            // A date in the future: the DUO rule's message beside the field, nothing registered.
            await VulDatumAsync(dagtekening, vandaag.AddDays(10));
            await page.GetByLabel("Leerroute").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "B1-route" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "PIP registreren" }).ClickAsync();
            await Assertions.Expect(veld.GetByText("De dagtekening mag niet in de toekomst liggen.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Geen PIP geregistreerd" })).ToBeVisibleAsync();
            await page.BewaarSchermafdrukAsync("werkdag-5-pip-fout");
            await page.ControleerToegankelijkheidAsync();

            // Today: registered, the term starts and SS102 is among the person's signals.
            await VulDatumAsync(dagtekening, vandaag);
            await page.GetByRole(AriaRole.Button, new() { Name = "PIP registreren" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Geregistreerd. De inburgeringstermijn is gestart (signaal SS102).")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "SS102", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Geen PIP geregistreerd" })).ToHaveCountAsync(0);
            await page.BewaarSchermafdrukAsync("werkdag-6-pip-geregistreerd");
            await page.ControleerToegankelijkheidAsync();
        });

    [Fact]
    public Task Een_persoon_van_een_andere_gemeente_geeft_de_niet_gevonden_pagina() =>
        portaal.MetPaginaAsync(async page =>
        {
            var rotterdammer = await ScalarAsync(
                """
                select bsn || ';' || naam from persoon
                where pub_gemeente_code = 'GM0599' and coalesce(pip_gemeente_code, '') <> 'GM0363'
                  and coalesce(vorige_pip_gemeente_code, '') <> 'GM0363'
                order by bsn limit 1
                """);
            var (bsn, naam) = (rotterdammer.Split(';')[0], rotterdammer.Split(';')[1]);

            await page.InloggenAlsAsync(Gebruiker);
            await page.GaNaarAsync($"gemeente/personen/{bsn}");

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Pagina niet gevonden" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(naam)).ToHaveCountAsync(0);
            Assert.DoesNotContain(naam, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
            await page.ControleerToegankelijkheidAsync();
        });

    /// <summary>Types the date into the editable date picker and commits it, as a user leaving the field.</summary>
    private static async Task VulDatumAsync(ILocator veld, DateOnly datum)
    {
        await veld.FillAsync(datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        // Leaving the field commits the typed date (MudBlazor updates on change, not on every key).
        await veld.PressAsync("Tab");
    }

    /// <summary>A Wi2021 code with open signals for Amsterdam, the most common one.</summary>
    private Task<string> CodeMetOpenSignalenAsync() => ScalarAsync(
        """
        select s.code from signaal s join persoon p on p.bsn = s.bsn
        where s.gemeente_code = 'GM0363' and s.regime = 'Wi2021' and s.afgehandeld_op is null and s.ingetrokken_op is null
        group by s.code order by count(*) desc, s.code limit 1
        """);

    private async Task<string> ScalarAsync(string sql)
    {
        await using var verbinding = new NpgsqlConnection(portaal.ConnectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        return await opdracht.ExecuteScalarAsync() as string
            ?? throw new InvalidOperationException("De demodata bevat geen geschikte persoon of signaal:" + Environment.NewLine + sql);
    }
}
