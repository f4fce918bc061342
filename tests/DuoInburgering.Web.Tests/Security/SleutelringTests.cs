using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Start;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The certificate that encrypts the keys protecting sessions (<see cref="Sleutelring"/>; that they are encrypted:
/// <see cref="SessieSleutelsTests"/>): Production without one, or any environment with one that cannot be used, does
/// not start, and says why in one Dutch line.
/// </summary>
public sealed class SleutelringTests
{
    [Fact]
    public async Task Production_without_a_certificate_refuses_to_start_with_one_Dutch_line()
    {
        // Sign-in and the audit key are configured (they are checked first); only the certificate is missing.
        var (code, stderr) = await StartupFailureTests.RunProductieAsync(StartupFailureTests.OidcIngesteld,
            new Dictionary<string, string> { ["Audit__BsnSleutel"] = new string('k', 40) });
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
        var (code, stderr) = await StartupFailureTests.RunPortalAsync(new(StartupFailureTests.Volledig)
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
