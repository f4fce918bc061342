namespace DuoInburgering.Web.Infrastructure;

/// <summary>
/// Which environments may run on weak defaults (the demo BSN key, an unencrypted key ring, no sign-in provider, any
/// host name, session cookies over plain HTTP): Development only. Every other environment (Production, Acceptatie,
/// Staging, …) refuses to start without the real settings, so a new environment name never falls back silently.
/// </summary>
public static class PibOmgeving
{
    /// <summary>
    /// Set only by the test suites' in-process hosts (WebApplicationFactory), which sign in by forging the session cookie
    /// and talk plain HTTP. No configuration can set it, so a deployed portal never gets the weak defaults this way; the
    /// tests that start the real executable (StartupFailureTests) see the rule as deployed.
    /// </summary>
    internal static bool InProcesTesthost { get; set; }

    /// <summary>True in Development (and in the test suites' in-process hosts): weak defaults allowed.</summary>
    public static bool ZwakkeStandaardenToegestaan(IHostEnvironment omgeving) => omgeving.IsDevelopment() || InProcesTesthost;
}
