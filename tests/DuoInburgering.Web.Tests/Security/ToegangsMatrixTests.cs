using DuoInburgering.Web.Tests.Audit;
using System.Net;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Signalen;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// Authorization as a matrix (ARCHITECTURE.md, after Open Zaak's test_auth): every municipal page,
/// search, download and endpoint, for the own municipality, another municipality, no sign-in and the
/// wrong roles. Whatever the answer, it never holds a BSN that only the other municipality may see.
/// </summary>
public sealed partial class ToegangsMatrixTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Eigen = SignalenTestdata.Eigen;
    private const string Ander = SignalenTestdata.Ander;
    private WebApplicationFactory<Program> _factory = null!;
    private List<string> _alleenEigen = [];

    public async Task InitializeAsync()
    {
        await using (var db = database.CreateContext())
        {
            if (!await db.Personen.AnyAsync())
            {
                await SignalenTestdata.VulAsync(database);
            }
            // BSNs that Amsterdam may see and Rotterdam may not: no signal to Rotterdam, never Rotterdam's person.
            _alleenEigen = await db.Signalen
                .Where(s => s.GemeenteCode == Eigen && s.IngetrokkenOp == null)
                .Where(s => !db.Signalen.Any(a => a.Bsn == s.Bsn && a.GemeenteCode == Ander))
                .Where(s => db.Personen.Any(p => p.Bsn == s.Bsn && p.PubGemeenteCode == Eigen && p.PipGemeenteCode == null))
                .Select(s => s.Bsn).Distinct().ToListAsync();
        }
        Assert.True(_alleenEigen.Count >= 5);
        _factory = new PibWebFactory(database).WithWebHostBuilder(b =>
        {
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(SignalenTestdata.Klok()));
        });
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Every municipal address; {bsn} is a person only Amsterdam may see, {zoek} a search for it.</summary>
    public static TheoryData<string, bool> Adressen() => new()
    {
        { "/gemeente", false },
        { "/gemeente/signalen/wi2021", false },
        { "/gemeente/signalen/wi2013", false },
        { "/gemeente/signalen/wi2007", false },
        { "/gemeente/personen/{bsn}", false },
        { "/gemeente/signalen/wi2021/download.csv", true },
        { "/gemeente/signalen/wi2021/download.csv?zoek={bsn}", true },
        { "/gemeente/signalen/wi2013/download.csv", true },
        { "/gemeente/signalen/wi2021/download.xlsx?zoek={bsn}", true },
        { "/gemeente/signalen/ss190.csv", true },
    };

    [Theory]
    [MemberData(nameof(Adressen))]
    public async Task Another_municipality_gets_nothing_of_ours_not_even_through_search_or_a_tampered_query(string adres, bool download)
    {
        var bsn = _alleenEigen[0];
        using var rotterdam = _factory.GemeenteClient(Ander, "km.rotterdam");
        var pad = Invullen(adres, bsn) + (adres.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"gemeente={Eigen}";

        using var antwoord = await rotterdam.GetAsync(new Uri(pad, UriKind.Relative));

        Assert.Equal(adres.Contains("/personen/", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, antwoord.StatusCode);
        await GeenEigenBsnAsync(antwoord, download);
    }

    [Theory]
    [MemberData(nameof(Adressen))]
    public async Task Without_sign_in_pages_send_to_sign_in_and_downloads_answer_401_with_nothing_in_them(string adres, bool download)
    {
        using var anoniem = Aanmelding.Anoniem(_factory);

        using var antwoord = await anoniem.GetAsync(new Uri(Invullen(adres, _alleenEigen[0]), UriKind.Relative));

        if (download)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, antwoord.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
            Assert.Contains("/inloggen", antwoord.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        await GeenEigenBsnAsync(antwoord, download: false);
    }

    [Theory]
    [MemberData(nameof(Adressen))]
    public async Task The_wrong_role_is_refused_with_403_and_nothing_in_it(string adres, bool download)
    {
        foreach (var gebruiker in new[] { "duo.beheer", "fg.auditor" })
        {
            using var client = Aanmelding.Als(_factory, gebruiker);

            using var antwoord = await client.GetAsync(new Uri(Invullen(adres, _alleenEigen[0]), UriKind.Relative));

            if (download)
            {
                Assert.Equal(HttpStatusCode.Forbidden, antwoord.StatusCode);
            }
            else
            {
                // A browser is sent to the Dutch "Geen toegang" page (403).
                Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
                Assert.Contains("/geen-toegang", antwoord.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
            await GeenEigenBsnAsync(antwoord, download);
        }
    }

    [Fact]
    public async Task The_own_municipality_gets_its_own_people_which_proves_the_checks_above_can_see_them()
    {
        using var amsterdam = Aanmelding.Als(_factory, "km.amsterdam");

        var csv = await amsterdam.GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative));
        var persoon = await amsterdam.GetAsync(new Uri($"/gemeente/personen/{_alleenEigen[0]}", UriKind.Relative));
        var gezocht = await amsterdam.GetStringAsync(new Uri($"/gemeente/signalen/wi2021/download.csv?zoek={_alleenEigen[0]}", UriKind.Relative));

        Assert.Contains(_alleenEigen, csv.Contains);
        Assert.Equal(HttpStatusCode.OK, persoon.StatusCode);
        Assert.Contains(_alleenEigen[0], await persoon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(_alleenEigen[0], gezocht, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipal_session_does_not_open_the_fact_endpoints()
    {
        using var amsterdam = Aanmelding.Als(_factory, "km.amsterdam");

        using var antwoord = await amsterdam.PostAsync(new Uri("/api/feiten/brp", UriKind.Relative),
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, antwoord.StatusCode);
    }

    private static string Invullen(string adres, string bsn) => adres.Replace("{bsn}", bsn, StringComparison.Ordinal);

    private async Task GeenEigenBsnAsync(HttpResponseMessage antwoord, bool download)
    {
        var inhoud = download && antwoord.Content.Headers.ContentType?.MediaType?.Contains("spreadsheet", StringComparison.Ordinal) == true
            ? Xlsx.Tekst(await antwoord.Content.ReadAsByteArrayAsync())
            : await antwoord.Content.ReadAsStringAsync();
        // The page echoes the address that was asked for (its skip link); that tells nothing about the person.
        inhoud = PersoonAdres().Replace(inhoud, "personen/…");
        Assert.All(_alleenEigen, b => Assert.DoesNotContain(b, inhoud, StringComparison.Ordinal));
        if (download && antwoord.IsSuccessStatusCode)
        {
            // Nor is any of them recorded as disclosed to the other municipality (the audit log names them by keyed hash).
            var alleenEigen = AuditRijen.Pseudoniemen(_alleenEigen).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain((await AuditRijen.VerstrekkingenAsync(database.ConnectionString)).Where(v => v.Gemeente == Ander),
                v => v.Betrokkenen.Any(alleenEigen.Contains));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("personen/[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex PersoonAdres();

    /// <summary>All text of a workbook's parts, so a BSN in a cell is found like one in a CSV.</summary>
    private static class Xlsx
    {
        public static string Tekst(byte[] bytes)
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
            return string.Concat(zip.Entries.Select(e =>
            {
                using var lezer = new StreamReader(e.Open());
                return lezer.ReadToEnd();
            }));
        }
    }
}
