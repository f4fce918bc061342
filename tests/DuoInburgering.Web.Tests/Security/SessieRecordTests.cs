using System.Net;
using System.Security.Claims;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>
/// The server-side session record (table sessie): sign-in starts it, sign-out ends it, idle time and the
/// absolute lifetime end it, and a cookie whose record has ended opens nothing, a download included.
/// </summary>
// Alone, beside no other test: its host's audit queue job, on a clock moved by hours, logs retries to the process's console,
// which the CLI tests capture as the CLI's own output.
[Collection(CliCollectie.Naam)]
public sealed class SessieRecordTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Download = "/gemeente/signalen/wi2021/download.csv";
    private readonly FakeTimeProvider _klok = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private PibWebFactory _basis = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _basis = new PibWebFactory(database);
        _factory = _basis.WithWebHostBuilder(b => b
                .UseSetting("Deadlines:Ingeschakeld", "false")
                .UseSetting("Sessie:AbsoluteLevensduur", "00:30:00"))
            .MetKlok(_klok);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _basis.DisposeAsync();

    private static ClaimsPrincipal Amsterdam() => PibPrincipal.VoorDemo(Aanmelding.DemoGebruiker("km.amsterdam"));

    private HttpClient ClientMet(string cookie)
    {
        var cookies = new CookieContainer();
        cookies.Add(Aanmelding.Basis, new Cookie(PibSessie.CookieNaam, cookie));
        return Aanmelding.Anoniem(_factory, cookies);
    }

    private async Task<Sessie> RecordAsync(Guid id)
    {
        await using var db = database.CreateContext();
        return await db.Sessies.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    [Fact]
    public async Task Signing_out_ends_the_record_and_the_same_cookie_in_another_tab_downloads_nothing()
    {
        var cookie = Aanmelding.CookieWaarde(_factory.Services, Amsterdam());
        var sessie = Aanmelding.SessieVan(_factory.Services, cookie);
        using var tab1 = ClientMet(cookie);
        using var tab2 = ClientMet(cookie);
        Assert.Equal(HttpStatusCode.OK, (await tab2.GetAsync(new Uri(Download, UriKind.Relative))).StatusCode);
        Assert.Null((await RecordAsync(sessie)).Beeindigd);

        var token = await Aanmelding.AntiforgeryTokenAsync(tab1, "/gemeente");
        using var formulier = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var uit = await tab1.PostAsync(new Uri("/uitloggen", UriKind.Relative), formulier);
        Assert.Equal("/uitgelogd", uit.Headers.Location?.OriginalString);

        var record = await RecordAsync(sessie);
        Assert.Equal(_klok.GetUtcNow(), record.Beeindigd);
        Assert.Equal(SessieEinde.Uitgelogd, record.Einde);
        Assert.Equal("km.amsterdam", record.Gebruiker);

        // The other tab still holds the cookie, and its 15 minutes have not passed: the record refuses it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await tab2.GetAsync(new Uri(Download, UriKind.Relative))).StatusCode);
        var pagina = await tab2.GetAsync(new Uri("/gemeente", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, pagina.StatusCode);
        Assert.StartsWith("/inloggen", pagina.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_without_a_session_record_is_refused()
    {
        // A cookie as the portal wrote them before the record existed: valid signature, no pib_sessie claim.
        var opties = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        var nu = _klok.GetUtcNow();
        var zonder = opties.TicketDataFormat.Protect(new Microsoft.AspNetCore.Authentication.AuthenticationTicket(Amsterdam(),
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties { IssuedUtc = nu, ExpiresUtc = nu + PibSessie.Duur },
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));
        using var client = ClientMet(zonder);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri(Download, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_absolute_lifetime_ends_an_active_session()
    {
        var cookie = Aanmelding.CookieWaarde(_factory.Services, Amsterdam());
        var sessie = Aanmelding.SessieVan(_factory.Services, cookie);
        using var client = ClientMet(cookie);
        // Active all along (a page every 14 minutes), but the configured lifetime here is 30 minutes.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            _klok.Advance(TimeSpan.FromMinutes(14));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/gemeente", UriKind.Relative))).StatusCode);
        }
        Assert.Equal(_klok.GetUtcNow(), (await RecordAsync(sessie)).LaatstGezien);

        _klok.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri(Download, UriKind.Relative))).StatusCode);
        var record = await RecordAsync(sessie);
        Assert.Equal(SessieEinde.Levensduur, record.Einde);
        Assert.Equal(_klok.GetUtcNow(), record.Beeindigd);
    }

    [Fact]
    public async Task By_default_the_lifetime_is_ten_hours_and_idle_time_is_fifteen_minutes()
    {
        var register = new SessieRegister(_factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), _klok, new SessieOpties());
        Assert.Equal(TimeSpan.FromHours(10), new SessieOpties().AbsoluteLevensduur);

        var actief = await register.BeginAsync("duo.beheer");
        var stil = await register.BeginAsync("duo.uitvoering");
        for (var minuten = 0; minuten + 14 < 600; minuten += 14)
        {
            _klok.Advance(TimeSpan.FromMinutes(14));
            Assert.True(await register.ControleerAsync(actief, activiteit: true), $"na {minuten + 14} minuten");
        }
        _klok.Advance(TimeSpan.FromMinutes(600 % 14));
        Assert.False(await register.ControleerAsync(actief, activiteit: true));
        Assert.Equal(SessieEinde.Levensduur, (await RecordAsync(actief)).Einde);

        // Asked but never active (a circuit's revalidation is not activity): idle after 15 minutes.
        Assert.False(await register.ControleerAsync(stil, activiteit: false));
        Assert.Equal(SessieEinde.Inactief, (await RecordAsync(stil)).Einde);
    }

    [Fact]
    public async Task An_open_circuit_becomes_anonymous_within_the_revalidation_interval_once_its_session_ends()
    {
        var register = _factory.Services.GetRequiredService<SessieRegister>();
        var sessie = await register.BeginAsync("km.amsterdam");
        var principal = Amsterdam();
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessieRegister.Claim, sessie.ToString()));

        using var status = new PibAuthenticatieStatus(NullLoggerFactory.Instance, register,
            new SessieOpties { Hercontrole = TimeSpan.FromMilliseconds(200) });
        // As the circuit host does when a tab connects; then listen for what revalidation changes.
        status.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var gewijzigd = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        status.AuthenticationStateChanged += async t => gewijzigd.TrySetResult(await t);
        // Let it revalidate a few times while the session holds.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(gewijzigd.Task.IsCompleted);
        Assert.False(status.SessieBeeindigd);

        await register.BeeindigAsync(sessie, SessieEinde.Uitgelogd);
        var nieuw = await gewijzigd.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(nieuw.User.Identity?.IsAuthenticated);
        Assert.True(status.SessieBeeindigd);
    }

    [Fact]
    public void The_revalidation_interval_is_at_most_a_minute()
    {
        var te_lang = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sessie:Hercontrole"] = "00:05:00" }).Build();
        Assert.Throws<PibConfigurationException>(() => SessieOpties.Lees(te_lang));
        var standaard = SessieOpties.Lees(new ConfigurationBuilder().Build());
        Assert.Equal(TimeSpan.FromMinutes(1), standaard.Hercontrole);
        Assert.Equal(TimeSpan.FromHours(10), standaard.AbsoluteLevensduur);
    }
}

/// <summary>The real sign-in (Development's demo login) starts a record that names the user, not the person.</summary>
public sealed class SessieAanmeldingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PibWebFactory _basis = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _basis = new PibWebFactory(database);
        _factory = _basis.WithWebHostBuilder(b => b.UseEnvironment("Development").UseSetting("Database:DemoPersonen", "0"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _basis.DisposeAsync();

    [Fact]
    public async Task Signing_in_starts_a_record_and_signing_out_ends_it()
    {
        var cookies = new CookieContainer();
        using var client = Aanmelding.Anoniem(_factory, cookies);
        var token = await Aanmelding.AntiforgeryTokenAsync(client, "/inloggen");
        using var formulier = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["gebruikersnaam"] = "km.utrecht",
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri("/inloggen/demo", UriKind.Relative), formulier)).StatusCode);
        var cookie = cookies.GetCookies(Aanmelding.Basis)[PibSessie.CookieNaam]!.Value;
        var sessie = Aanmelding.SessieVan(_factory.Services, cookie);

        await using (var db = database.CreateContext())
        {
            var record = await db.Sessies.AsNoTracking().SingleAsync(s => s.Id == sessie);
            Assert.Equal("km.utrecht", record.Gebruiker);
            Assert.Null(record.Beeindigd);
        }

        var uitToken = await Aanmelding.AntiforgeryTokenAsync(client, "/gemeente");
        using var uit = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = uitToken });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri("/uitloggen", UriKind.Relative), uit)).StatusCode);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(SessieEinde.Uitgelogd, (await db.Sessies.AsNoTracking().SingleAsync(s => s.Id == sessie)).Einde);
        }
    }
}
