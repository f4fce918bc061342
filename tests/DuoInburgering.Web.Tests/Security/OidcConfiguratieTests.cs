namespace DuoInburgering.Web.Tests.Security;

/// <summary>Production without a sign-in provider would be a portal nobody can enter, or worse: it does not start.</summary>
public sealed class OidcConfiguratieTests
{
    [Fact]
    public async Task Production_without_an_OpenID_Connect_provider_refuses_to_start_with_one_Dutch_line()
    {
        var (code, stderr) = await Features.Start.StartupFailureTests.RunProductieAsync();

        Assert.Equal(1, code);
        var melding = stderr.Trim();
        Assert.StartsWith("Het portaal kan niet starten: geen inlogvoorziening geconfigureerd", melding, StringComparison.Ordinal);
        Assert.Contains("Authenticatie__Oidc__Authority", melding, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", melding, StringComparison.Ordinal);
    }
}
