using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>The real web host on a test database: same Program, same pipeline.</summary>
public sealed class PibWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    /// <summary>The shared keys of the machine clients in tests (header X-Pib-Sleutel).</summary>
    public const string IndSleutel = "test-ind-sleutel";
    public const string CoaSleutel = "test-coa-sleutel";
    public const string BrpSleutel = "test-brp-sleutel";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Signs in by forging the session cookie over plain HTTP: the in-process host may keep Development's weak
        // defaults (PibOmgeving); the real executable in StartupFailureTests checks every environment's refusals.
        DuoInburgering.Web.Infrastructure.PibOmgeving.InProcesTesthost = true;
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Pib", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Feiten:Sleutels:Ind", IndSleutel);
        builder.UseSetting("Feiten:Sleutels:Coa", CoaSleutel);
        builder.UseSetting("Feiten:Sleutels:Brp", BrpSleutel);
        // Also for hosts a test runs as Production; the same key as TestAudit, so searches find what hosts wrote.
        builder.UseSetting("Audit:BsnSleutel", DuoInburgering.Web.Audit.AuditOpties.DemoSleutel);
        // Keys encrypted as Production must have them, so every host test also reads and writes them that way.
        builder.UseSetting("DataProtection:Certificaat", TestCertificaat.Pad);
        builder.UseSetting("DataProtection:CertificaatWachtwoord", TestCertificaat.Wachtwoord);
    }
}
