using System.Net;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace DuoInburgering.Web.Tests.Features.Start;

/// <summary>
/// The first start on an empty database, as `./run.sh` on a fresh machine does it: the portal migrates and seeds,
/// then serves, and its log holds no error. Data protection reads its key ring from the database at start; before
/// the migrations ran first, every first start logged that table data_protection_key did not exist, twice, with stack traces.
/// </summary>
public sealed class EersteStartTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_migrates_seeds_and_serves_without_logging_an_error()
    {
        var server = await PostgresServer.GetAsync();
        var leeg = await server.CreateEmptyDatabaseAsync();
        var log = new Applicatielog();
        try
        {
            // The test host as every test starts it, pointed at the empty database instead of a migrated copy, with the
            // portal's own log levels (not the privacy test's Verbose: EF logs its look for a history table that is not there yet).
            await using (var portaal = new PibWebFactory(new TestDatabase()).WithWebHostBuilder(b =>
            {
                b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(log));
                b.UseSetting("ConnectionStrings:Pib", leeg);
                b.UseSetting("Database:MigrateOnStartup", "true");
                b.UseSetting("Database:DemoPersonen", "25");
                b.UseSetting("Deadlines:Ingeschakeld", "false");
            }))
            {
                using var client = portaal.CreateClient();
                var antwoord = await client.GetAsync(new Uri("/", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
            }

            var fouten = log.Regels.Where(r => r.Tekst.StartsWith("Error ", StringComparison.Ordinal) || r.Tekst.StartsWith("Fatal ", StringComparison.Ordinal))
                .Select(r => r.Tekst[..Math.Min(300, r.Tekst.Length)]).ToList();
            Assert.Empty(fouten);
            await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(leeg).Options);
            Assert.True(await db.Personen.CountAsync() >= 25);
            // Data protection did start, and made its key once the table was there.
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }
        finally
        {
            await server.DropDatabaseAsync(leeg);
        }
    }
}
