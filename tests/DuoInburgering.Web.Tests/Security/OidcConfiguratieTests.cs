using System.Diagnostics;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>Production without a sign-in provider would be a portal nobody can enter, or worse: it does not start.</summary>
public sealed class OidcConfiguratieTests
{
    [Fact]
    public async Task Production_without_an_OpenID_Connect_provider_refuses_to_start_with_one_Dutch_line()
    {
        var server = await Infrastructure.PostgresServer.GetAsync();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DuoInburgering.Web.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["ConnectionStrings__Pib"] = server.ConnectionString("postgres");
        info.Environment["Database__MigrateOnStartup"] = "false";
        info.Environment["Database__SeedDemoData"] = "false";
        info.Environment["Deadlines__Ingeschakeld"] = "false";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);

        Assert.Equal(1, process.ExitCode);
        var melding = (await stderr).Trim();
        Assert.StartsWith("Het portaal kan niet starten: geen inlogvoorziening geconfigureerd", melding, StringComparison.Ordinal);
        Assert.Contains("Authenticatie__Oidc__Authority", melding, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", melding, StringComparison.Ordinal);
    }
}
