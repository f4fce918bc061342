using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>
/// The real portal (same Program, same pipeline) as a browser meets it: Development, so the demo
/// users, the demo login and the synthetic persons exist; a small cohort keeps start-up quick.
/// </summary>
public sealed class PortaalFactory(string connectionString, int demoPersonen) : WebApplicationFactory<Program>
{
    /// <summary>How often an open tab checks its session: seconds here, so a test sees another tab's sign-out soon.</summary>
    public static readonly TimeSpan Hercontrole = TimeSpan.FromSeconds(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Pib", connectionString);
        // The database is a copy of the migrated template.
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:DemoPersonen", demoPersonen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Feiten:Sleutels:Ind", PibWebFactory.IndSleutel);
        builder.UseSetting("Feiten:Sleutels:Coa", PibWebFactory.CoaSleutel);
        builder.UseSetting("Feiten:Sleutels:Brp", PibWebFactory.BrpSleutel);
        builder.UseSetting("Sessie:Hercontrole", Hercontrole.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
    }
}
