using System.Net;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The key ring that protects session cookies lives in the database, encrypted with the configured certificate
/// (<see cref="Sleutelring"/>): a session made by one instance of the portal is valid at another instance (or after a
/// restart) on the same database and certificate, and not at one with another certificate.
/// </summary>
public sealed class SessieSleutelsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_session_made_by_one_instance_is_accepted_by_another_with_the_same_certificate_only()
    {
        string cookie;
        await using (var eerste = new PibWebFactory(database))
        {
            cookie = Aanmelding.CookieWaarde(eerste.Services, PibPrincipal.VoorDemo(Aanmelding.DemoGebruiker("duo.beheer")));
        }
        await using (var db = database.CreateContext())
        {
            var sleutels = await db.DataProtectionKeys.ToListAsync();
            Assert.NotEmpty(sleutels);
            Assert.All(sleutels, k =>
            {
                Assert.Contains("<key ", k.Xml, StringComparison.Ordinal);
                // The key's secret only encrypted, never as it is.
                Assert.Contains("<encryptedSecret", k.Xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", k.Xml, StringComparison.Ordinal);
            });
        }

        await using var tweede = new PibWebFactory(database);
        Assert.Equal(HttpStatusCode.OK, await DuoStartAsync(tweede, cookie));
        // Another certificate cannot read the stored keys, so the same session is not accepted there.
        await using var ander = new PibWebFactory(database).WithWebHostBuilder(b =>
            b.UseSetting("DataProtection:Certificaat", TestCertificaat.Maak(metPrivesleutel: true)));
        Assert.Equal(HttpStatusCode.Redirect, await DuoStartAsync(ander, cookie));
    }

    private static async Task<HttpStatusCode> DuoStartAsync(WebApplicationFactory<Program> portaal, string cookie)
    {
        var cookies = new CookieContainer();
        cookies.Add(Aanmelding.Basis, new Cookie(PibSessie.CookieNaam, cookie));
        using var client = Aanmelding.Anoniem(portaal, cookies);
        return (await client.GetAsync(new Uri("/duo", UriKind.Relative))).StatusCode;
    }
}
