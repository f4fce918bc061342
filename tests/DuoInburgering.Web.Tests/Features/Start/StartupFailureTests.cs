using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DuoInburgering.Web.Tests.Features.Start;

/// <summary>Bad configuration stops the real executable with one clear Dutch line, not a stack trace.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task Unreachable_database_stops_with_one_clear_message()
    {
        var port = FreePort();
        var (code, stderr) = await RunPortalAsync(new()
        {
            ["ConnectionStrings__Pib"] = $"Host=127.0.0.1;Port={port};Username=pib;Database=pib",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}",
        });
        Assert.Equal(1, code);
        Assert.StartsWith("Het portaal kan niet starten: database niet bereikbaar", stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_connection_string_refuses_to_start()
    {
        var (code, stderr) = await RunPortalAsync(new()
        {
            ["ConnectionStrings__Pib"] = "",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
        Assert.Equal(1, code);
        Assert.Contains("zet ConnectionStrings__Pib", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_in_use_stops_with_one_clear_message()
    {
        var server = await Infrastructure.PostgresServer.GetAsync();
        using var bezet = new TcpListener(IPAddress.Loopback, 0);
        bezet.Start();
        var port = ((IPEndPoint)bezet.LocalEndpoint).Port;
        var (code, stderr) = await RunPortalAsync(new(Volledig)
        {
            ["ConnectionStrings__Pib"] = server.ConnectionString("postgres"),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });
        Assert.Equal(1, code);
        Assert.StartsWith("Het portaal kan niet starten: de poort is al in gebruik", stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every environment but Development refuses weak defaults, Acceptatie as much as Production: each setting left
    /// out in turn (the others configured) stops the portal with its own Dutch line.
    /// </summary>
    [Theory]
    [InlineData("Acceptatie", "Authenticatie__Oidc__Authority", "geen inlogvoorziening geconfigureerd")]
    [InlineData("Acceptatie", "Audit__BsnSleutel", "geen sleutel voor het pseudonimiseren van BSN's")]
    [InlineData("Acceptatie", "DataProtection__Certificaat", "de sleutels die de sessies beveiligen zouden onversleuteld")]
    [InlineData("Acceptatie", "AllowedHosts", "AllowedHosts staat elke hostnaam toe")]
    [InlineData("Staging", "Audit__BsnSleutel", "geen sleutel voor het pseudonimiseren van BSN's")]
    [InlineData("Production", "AllowedHosts", "AllowedHosts staat elke hostnaam toe")]
    public async Task Every_environment_but_Development_refuses_to_start_without_its_real_settings(string omgeving, string zonder, string melding)
    {
        var server = await Infrastructure.PostgresServer.GetAsync();
        var env = new Dictionary<string, string>(Volledig)
        {
            ["ASPNETCORE_ENVIRONMENT"] = omgeving,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Pib"] = server.ConnectionString("postgres"),
            ["Deadlines__Ingeschakeld"] = "false",
        };
        // Left out: an empty value hides appsettings.json's (AllowedHosts "*" stays the default there, for Development).
        env[zonder] = zonder == "AllowedHosts" ? "*" : "";

        var (code, stderr) = await RunPortalAsync(env);

        Assert.Equal(1, code);
        Assert.StartsWith($"Het portaal kan niet starten: {melding}", stderr.Trim(), StringComparison.Ordinal);
        Assert.Contains(zonder, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>A sign-in provider as Production asks for first (it is never reached: the portal stops before it would be).</summary>
    internal static readonly IReadOnlyDictionary<string, string> OidcIngesteld = new Dictionary<string, string>
    {
        ["Authenticatie__Oidc__Authority"] = "https://inloggen.voorbeeld.invalid",
        ["Authenticatie__Oidc__ClientSecret"] = "geheim",
    };

    /// <summary>Everything an environment other than Development needs, so a test can leave out just one.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Volledig = new Dictionary<string, string>(OidcIngesteld)
    {
        ["Audit__BsnSleutel"] = new string('k', 40),
        ["DataProtection__Certificaat"] = Infrastructure.TestCertificaat.Pad,
        ["DataProtection__CertificaatWachtwoord"] = Infrastructure.TestCertificaat.Wachtwoord,
        ["AllowedHosts"] = "pib.voorbeeld.invalid",
    };

    /// <summary>
    /// The portal's executable in Production against the test server, with <paramref name="ingesteld"/> configured too
    /// (each of Production's checks is reached only when those before it pass); its exit code and stderr.
    /// </summary>
    internal static async Task<(int Code, string Stderr)> RunProductieAsync(params IReadOnlyDictionary<string, string>[] ingesteld)
    {
        var server = await Infrastructure.PostgresServer.GetAsync();
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Pib"] = server.ConnectionString("postgres"),
            ["Deadlines__Ingeschakeld"] = "false",
        };
        foreach (var (k, v) in ingesteld.SelectMany(d => d))
        {
            env[k] = v;
        }
        return await RunPortalAsync(env);
    }

    /// <summary>The portal's executable in Testing with the given environment variables added; its exit code and stderr.</summary>
    internal static async Task<(int Code, string Stderr)> RunPortalAsync(Dictionary<string, string> env)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DuoInburgering.Web.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Database__MigrateOnStartup"] = "false";
        info.Environment["Database__SeedDemoData"] = "false";
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // It started after all (a refusal that no longer holds): stop it, or it keeps running after the test.
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("Het portaal startte binnen 60 s niet af: het weigerde niet te starten.");
        }
        return (process.ExitCode, await stderr);
    }
}
