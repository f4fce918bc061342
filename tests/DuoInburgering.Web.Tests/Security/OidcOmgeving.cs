using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>One database, one provider and one portal configured for it, shared by a class's tests (each starts its own browser).</summary>
public sealed class OidcOmgeving : IAsyncLifetime
{
    public const string AmsterdamOin = "00000001002564440000";

    public TestDatabase Database { get; } = new();
    public TestOidcProvider Provider { get; } = new();
    public HttpClient BrowserBijProvider { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    public PibWebFactory Basis { get; private set; } = null!;
    public WebApplicationFactory<Program> Portaal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Provider.InitializeAsync();
        Basis = new PibWebFactory(Database);
        Portaal = Basis.WithWebHostBuilder(b => Oidc(b, "Testing"));
    }

    public void Oidc(IWebHostBuilder b, string omgeving)
    {
        b.UseEnvironment(omgeving);
        b.UseSetting("Authenticatie:Oidc:Authority", Provider.Authority.ToString());
        b.UseSetting("Authenticatie:Oidc:ClientId", TestOidcProvider.ClientId);
        b.UseSetting("Authenticatie:Oidc:ClientSecret", TestOidcProvider.ClientSecret);
        b.UseSetting("Authenticatie:Oidc:RequireHttpsMetadata", "false");
        b.UseSetting($"Authenticatie:Oidc:OinGemeenten:{AmsterdamOin}", "GM0363");
    }

    public async Task DisposeAsync()
    {
        BrowserBijProvider.Dispose();
        await Basis.DisposeAsync();
        await Provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
