using System.Net;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The key ring that protects session cookies lives in the database: a session made by one instance of
/// the portal is valid at another instance (or after a restart) on the same database.
/// </summary>
public sealed class SessieSleutelsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_session_cookie_made_by_one_instance_is_accepted_by_another_and_the_key_is_in_the_database()
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
            Assert.All(sleutels, k => Assert.Contains("<key ", k.Xml, StringComparison.Ordinal));
        }

        await using var tweede = new PibWebFactory(database);
        var cookies = new CookieContainer();
        cookies.Add(Aanmelding.Basis, new Cookie(PibSessie.CookieNaam, cookie));
        using var client = Aanmelding.Anoniem(tweede, cookies);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/duo", UriKind.Relative))).StatusCode);
    }
}
