using DuoInburgering.Web.Tests.Audit;
using System.Net;
using System.Text.RegularExpressions;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>
/// The person page over HTTP, as a browser's first request gets it (prerendered): the own municipality
/// sees the person and a disclosure is recorded; everybody else gets the very same 404 as for a BSN that
/// does not exist or is not a BSN at all, and nothing is recorded.
/// </summary>
public sealed partial class PersoonPaginaTests : PersonenTestdata
{
    private static readonly DateOnly Aangemeld = new(2026, 4, 1);

    [Fact]
    public async Task The_own_municipality_sees_the_person_its_signals_and_the_PIP_form_and_the_view_is_recorded()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2026, 3, 1), naam: "Amina Bakkali"), Amsterdam, Aangemeld);
        ZetKlok(new DateOnly(2026, 5, 1));

        var antwoord = await Web().GemeenteClient(Amsterdam).GetAsync(new Uri($"/gemeente/personen/{bsn}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("Amina Bakkali", html, StringComparison.Ordinal);
        Assert.Contains(bsn, html, StringComparison.Ordinal);
        Assert.Contains("1 mei 1990", html, StringComparison.Ordinal);
        Assert.Contains("Gezinsmigrant", html, StringComparison.Ordinal);
        Assert.Contains("Wi2021", html, StringComparison.Ordinal);
        Assert.Contains("2022-03", html, StringComparison.Ordinal);          // rule-set version
        Assert.Contains("1 maart 2026", html, StringComparison.Ordinal);     // start of the obligation
        Assert.Contains("SS139", html, StringComparison.Ordinal);
        Assert.Contains("PIP registreren", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Inburgeringsaanbod registreren", html, StringComparison.Ordinal); // family migrant

        var v = Assert.Single(await VerstrekkingenAsync());
        Assert.Equal((VerstrekkingKanaal.Scherm, Amsterdam, "km.test", "persoonspagina"), (v.Kanaal, v.Gemeente, v.Gebruiker, v.Omschrijving));
        Assert.Equal(AuditRijen.Pseudoniemen([bsn]), v.Betrokkenen);
    }

    [Fact]
    public async Task A_Wi2013_person_has_no_PIP_form_and_the_page_says_why()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2021, 6, 1)), Amsterdam, Aangemeld);

        var html = await Web().GemeenteClient(Amsterdam).GetStringAsync(new Uri($"/gemeente/personen/{bsn}", UriKind.Relative));

        Assert.Contains("horen bij de Wet inburgering 2021", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PIP registreren</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipality_an_unknown_and_a_malformed_BSN_all_get_the_same_404_and_nothing_is_recorded()
    {
        var vanAmsterdam = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(vanAmsterdam, new DateOnly(2026, 3, 1), naam: "Amina Bakkali"), Amsterdam, Aangemeld);
        // A person at an AZC in Cranendonck, linked by COA to Amsterdam: never Cranendonck's.
        var inAzc = Bsn(2);
        await VerwerkAsync(Asielstatushouder(inAzc, new DateOnly(2026, 3, 1)),
            new BrpFeit { Bsn = inAzc, Gemeente = Cranendonck, AdresIsCoaLocatie = true, BerichtId = "B-azc" },
            new CoaFeit { Bsn = inAzc, Locatie = "AZC Budel", GekoppeldeGemeente = Amsterdam, DatumGekoppeld = Aangemeld, BerichtId = "C-azc" }, Aangemeld);
        var web = Web();

        var antwoorden = new List<(HttpStatusCode Status, string Html)>();
        foreach (var (gemeente, bsn) in new[]
                 {
                     (Rotterdam, vanAmsterdam), (Cranendonck, inAzc), (Cranendonck, vanAmsterdam),
                     (Amsterdam, Bsn(99)), (Amsterdam, "123456789"), (Amsterdam, "12345"), (Amsterdam, "abc"),
                 })
        {
            var antwoord = await web.GemeenteClient(gemeente).GetAsync(new Uri($"/gemeente/personen/{bsn}", UriKind.Relative));
            // The requested address itself comes back (the skip link points at the page's own path); nothing else may differ.
            var html = (await antwoord.Content.ReadAsStringAsync()).Replace($"gemeente/personen/{bsn}", "gemeente/personen/{bsn}", StringComparison.Ordinal)
                .Replace(gemeente, "{eigen gemeente}", StringComparison.Ordinal); // the user menu names the viewer's municipality
            antwoorden.Add((antwoord.StatusCode, Normaliseer(html)));
        }

        Assert.All(antwoorden, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Contains("Pagina niet gevonden", antwoorden[0].Html, StringComparison.Ordinal);
        Assert.All(antwoorden, a => Assert.Equal(antwoorden[0].Html, a.Html));
        Assert.All(antwoorden, a => Assert.DoesNotContain("Amina", a.Html, StringComparison.Ordinal));
        Assert.Empty(await VerstrekkingenAsync());

        // The AZC person is Amsterdam's.
        var eigen = await web.GemeenteClient(Amsterdam).GetAsync(new Uri($"/gemeente/personen/{inAzc}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, eigen.StatusCode);
    }

    [Fact]
    public async Task Without_sign_in_the_page_is_refused()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2026, 3, 1)), Amsterdam, Aangemeld);
        using var anoniem = Web().CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var antwoord = await anoniem.GetAsync(new Uri($"/gemeente/personen/{bsn}", UriKind.Relative));

        // A browser without a session is sent to sign in; the answer holds nothing of the person.
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.StartsWith("/inloggen", antwoord.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(bsn, await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await VerstrekkingenAsync());
    }

    /// <summary>
    /// Blazor's component markers carry per-response protected data and MudBlazor draws random element
    /// ids; that noise aside, the responses must be byte for byte the same.
    /// </summary>
    private static string Normaliseer(string html) =>
        Nonce().Replace(Antiforgery().Replace(WillekeurigeId().Replace(BlazorMarker().Replace(html, "<!--Blazor-->"), "$1=\"\""), "$1\"\""), "$1\"\"");

    // The CSP nonce of the import map differs per answer.
    [GeneratedRegex("(<script type=\"importmap\" nonce=)\"[^\"]*\"")]
    private static partial Regex Nonce();

    // The sign-out form's token differs per request.
    [GeneratedRegex("(name=\"__RequestVerificationToken\" value=)\"[^\"]*\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("(id|for|aria-controls|aria-labelledby|aria-describedby)=\"[^\"]*\"")]
    private static partial Regex WillekeurigeId();
}
