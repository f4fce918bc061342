using System.Net;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Start;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The keys that protect sessions are stored encrypted with the configured certificate, and a second instance with the
/// same certificate reads them; Production without a certificate, or with one that cannot be read, does not start.
/// </summary>
public sealed class SleutelringTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Keys_are_stored_encrypted_and_a_second_instance_accepts_the_first_ones_session()
    {
        await using var eerste = new PibWebFactory(database);
        var sessie = Aanmelding.CookieWaarde(eerste.Services, PibPrincipal.VoorDemo(Aanmelding.DemoGebruiker("duo.beheer")));

        await using (var db = database.CreateContext())
        {
            var sleutels = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(sleutels);
            Assert.All(sleutels, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        // A restart or another instance: the same database and certificate, a new process's data protection.
        await using var tweede = new PibWebFactory(database);
        Assert.Equal(HttpStatusCode.OK, await DuoStartAsync(tweede, sessie));
        // With another certificate the stored keys cannot be read, so the same session is not accepted.
        await using var ander = new PibWebFactory(database).WithWebHostBuilder(b =>
            b.UseSetting("DataProtection:Certificaat", TestCertificaat.Maak(metPrivesleutel: true)));
        Assert.Equal(HttpStatusCode.Redirect, await DuoStartAsync(ander, sessie));
    }

    private static async Task<HttpStatusCode> DuoStartAsync(WebApplicationFactory<Program> portaal, string sessie)
    {
        var koekjes = new CookieContainer();
        koekjes.Add(Aanmelding.Basis, new Cookie(PibSessie.CookieNaam, sessie));
        using var client = Aanmelding.Anoniem(portaal, koekjes);
        return (await client.GetAsync(new Uri("/duo", UriKind.Relative))).StatusCode;
    }

    [Fact]
    public async Task Production_without_a_certificate_refuses_to_start_with_one_Dutch_line()
    {
        var server = await PostgresServer.GetAsync();
        var (code, stderr) = await StartupFailureTests.RunPortalAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Pib"] = server.ConnectionString("postgres"),
            ["Deadlines__Ingeschakeld"] = "false",
            // Sign-in and the audit key are configured (they are checked first); only the certificate is missing.
            ["Authenticatie__Oidc__Authority"] = "https://inloggen.voorbeeld.invalid",
            ["Authenticatie__Oidc__ClientSecret"] = "geheim",
            ["Audit__BsnSleutel"] = new string('k', 40),
        });
        Assert.Equal(1, code);
        Assert.StartsWith("Het portaal kan niet starten: de sleutels die de sessies beveiligen zouden onversleuteld", stderr.Trim(), StringComparison.Ordinal);
        Assert.Contains("DataProtection__Certificaat", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ontbreekt", "is niet te lezen")]
    [InlineData("fout wachtwoord", "is niet te lezen")]
    [InlineData("zonder privésleutel", "heeft geen privésleutel")]
    public async Task A_certificate_the_portal_cannot_use_stops_it_with_one_Dutch_line(string geval, string melding)
    {
        var server = await PostgresServer.GetAsync();
        var (pad, wachtwoord) = geval switch
        {
            "ontbreekt" => (Path.Combine(Path.GetTempPath(), $"bestaat-niet-{Guid.NewGuid():N}.pfx"), TestCertificaat.Wachtwoord),
            "fout wachtwoord" => (TestCertificaat.Pad, "niet-het-wachtwoord"),
            _ => (TestCertificaat.Maak(metPrivesleutel: false), TestCertificaat.Wachtwoord),
        };
        var (code, stderr) = await StartupFailureTests.RunPortalAsync(new()
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Pib"] = server.ConnectionString("postgres"),
            ["Deadlines__Ingeschakeld"] = "false",
            ["DataProtection__Certificaat"] = pad,
            ["DataProtection__CertificaatWachtwoord"] = wachtwoord,
        });
        Assert.Equal(1, code);
        Assert.StartsWith($"Het portaal kan niet starten: DataProtection__Certificaat ({pad}) {melding}", stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
