using System.Runtime.CompilerServices;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>
/// bUnit's waits (WaitForAssertion, WaitForElement) give up after one second by default. On a shared 2-core machine
/// under load (CI, other test projects beside this one) the renderer's dispatcher may not even run the check within that
/// second. A wait returns as soon as its condition holds, so a longer limit costs nothing when all is well.
/// </summary>
internal static class BunitWachttijd
{
    [ModuleInitializer]
    internal static void Zet() => Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
