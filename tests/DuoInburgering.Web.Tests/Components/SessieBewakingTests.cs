using DuoInburgering.Web.Tests.Security;
using DuoInburgering.Web.Components.Sessie;
using Bunit;
using Bunit.TestDoubles;
using DuoInburgering.Web.Features.Inloggen;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace DuoInburgering.Web.Tests.Components;

/// <summary>The idle warning (WCAG 2.2.1) on a clock the test moves: warn at 13 minutes, end at 15, extend in between.</summary>
public sealed class SessieBewakingTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly FakeTimeProvider _tijd = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private BunitJSModuleInterop _module = null!;

    public Task InitializeAsync()
    {
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton<TimeProvider>(_tijd);
        _ctx.Services.AddCascadingAuthenticationState();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _module = _ctx.JSInterop.SetupModule(SessieBewaking.Module);
        _module.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<SessieBewaking> Render(VasteAuthenticatie wie, int verlengStatus = 204)
    {
        _ctx.Services.AddSingleton<AuthenticationStateProvider>(wie);
        _module.Setup<int>("verleng").SetResult(verlengStatus);
        return _ctx.Render<SessieBewaking>();
    }

    private NavigationManager Navigatie => _ctx.Services.GetRequiredService<NavigationManager>();
    private int Verlengd => _module.Invocations.Count(i => i.Identifier == "verleng");

    [Fact]
    public void Two_minutes_before_the_end_an_alertdialog_asks_to_go_on_and_takes_focus()
    {
        var cut = Render(VasteAuthenticatie.Als("km.amsterdam"));
        _tijd.Advance(TimeSpan.FromMinutes(12) + TimeSpan.FromSeconds(59));
        Assert.Empty(cut.FindAll("[role=alertdialog]"));

        _tijd.Advance(TimeSpan.FromSeconds(2));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[role=alertdialog]")));
        var dialoog = cut.Find("[role=alertdialog]");
        Assert.Equal("true", dialoog.GetAttribute("aria-modal"));
        Assert.Equal("Uw sessie verloopt bijna", cut.Find($"#{dialoog.GetAttribute("aria-labelledby")}").TextContent);
        Assert.Contains("Uw sessie verloopt over 1 minuut en 59 seconden", System.Text.RegularExpressions.Regex.Replace(cut.Find($"#{dialoog.GetAttribute("aria-describedby")}").TextContent, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("Wilt u doorgaan?", dialoog.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sessie verlengen", cut.Find("button.sessie-verlengen").TextContent.Trim());
        _ctx.JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public void Sessie_verlengen_renews_the_cookie_and_restarts_the_15_minutes()
    {
        var cut = Render(VasteAuthenticatie.Als("duo.beheer"));
        _tijd.Advance(TimeSpan.FromMinutes(14));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[role=alertdialog]")));

        cut.Find("button.sessie-verlengen").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=alertdialog]")));
        Assert.Equal(1, Verlengd);

        _tijd.Advance(TimeSpan.FromMinutes(12));
        Assert.Empty(cut.FindAll("[role=alertdialog]"));
        Assert.DoesNotContain("sessie-verlopen", Navigatie.Uri, StringComparison.Ordinal);
        _tijd.Advance(TimeSpan.FromMinutes(1.5));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[role=alertdialog]")));
    }

    [Fact]
    public void Without_an_answer_the_session_ends_after_15_minutes_on_the_expired_page()
    {
        var cut = Render(VasteAuthenticatie.Als("fg.auditor"));
        _tijd.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        Assert.DoesNotContain("sessie-verlopen", Navigatie.Uri, StringComparison.Ordinal);

        _tijd.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.EndsWith("/sessie-verlopen", Navigatie.Uri, StringComparison.Ordinal));
        Assert.True(((BunitNavigationManager)Navigatie).History.First().Options.ForceLoad, "a full load, so the server removes the cookie");
    }

    [Fact]
    public void Navigating_is_activity_and_renews_the_cookie()
    {
        var cut = Render(VasteAuthenticatie.Als("km.ede"));
        _tijd.Advance(TimeSpan.FromMinutes(10));
        Navigatie.NavigateTo("/gemeente");
        cut.WaitForAssertion(() => Assert.Equal(1, Verlengd));

        _tijd.Advance(TimeSpan.FromMinutes(12));
        Assert.Empty(cut.FindAll("[role=alertdialog]"));
        Assert.EndsWith("/gemeente", Navigatie.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_server_already_ended_the_session_extending_goes_to_the_expired_page()
    {
        var cut = Render(VasteAuthenticatie.Als("km.ede"), verlengStatus: 401);
        _tijd.Advance(TimeSpan.FromMinutes(13.5));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[role=alertdialog]")));
        cut.Find("button.sessie-verlengen").Click();
        cut.WaitForAssertion(() => Assert.EndsWith("/sessie-verlopen", Navigatie.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void A_navigation_whose_extend_call_is_refused_goes_to_the_expired_page()
    {
        var cut = Render(VasteAuthenticatie.Als("km.ede"), verlengStatus: 401);
        _tijd.Advance(TimeSpan.FromMinutes(5));
        Navigatie.NavigateTo("/gemeente");
        cut.WaitForAssertion(() => Assert.EndsWith("/sessie-verlopen", Navigatie.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void The_clock_starts_again_only_when_the_server_confirmed_the_extension()
    {
        // The extend call's outcome is unknown (the circuit lost its browser): the server's 15 minutes still run.
        var cut = Render(VasteAuthenticatie.Als("km.ede"), verlengStatus: 0);
        _tijd.Advance(TimeSpan.FromMinutes(10));
        Navigatie.NavigateTo("/gemeente");
        cut.WaitForAssertion(() => Assert.Equal(1, Verlengd));
        _tijd.Advance(TimeSpan.FromMinutes(3.5));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[role=alertdialog]")));
    }

    [Fact]
    public void When_the_circuit_loses_its_session_the_tab_goes_to_the_signed_out_page()
    {
        var aanmelding = new WisselendeAuthenticatie(VasteAuthenticatie.Als("km.amsterdam"));
        _ctx.Services.AddSingleton<AuthenticationStateProvider>(aanmelding);
        _module.Setup<int>("verleng").SetResult(204);
        var cut = _ctx.Render<SessieBewaking>();
        Assert.DoesNotContain("uitgelogd", Navigatie.Uri, StringComparison.Ordinal);

        aanmelding.WordAnoniem();
        cut.WaitForAssertion(() => Assert.EndsWith("/uitgelogd", Navigatie.Uri, StringComparison.Ordinal));
        Assert.True(((BunitNavigationManager)Navigatie).History.First().Options.ForceLoad, "a full load: the circuit and its data are gone");
    }

    /// <summary>What the revalidating provider does when a session ends: the circuit's user becomes anonymous.</summary>
    private sealed class WisselendeAuthenticatie(AuthenticationStateProvider begin) : AuthenticationStateProvider
    {
        private Task<AuthenticationState> _staat = begin.GetAuthenticationStateAsync();

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _staat;

        public void WordAnoniem()
        {
            _staat = Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())));
            NotifyAuthenticationStateChanged(_staat);
        }
    }

    [Fact]
    public void Anonymous_visitors_have_no_clock()
    {
        var cut = Render(new VasteAuthenticatie(null));
        _tijd.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(cut.FindAll("[role=alertdialog]"));
        Assert.DoesNotContain("sessie-verlopen", Navigatie.Uri, StringComparison.Ordinal);
        Assert.Equal(0, Verlengd);
    }

    [Theory]
    [InlineData(120, "2 minuten")]
    [InlineData(119, "1 minuut en 59 seconden")]
    [InlineData(61, "1 minuut en 1 seconde")]
    [InlineData(59.2, "1 minuut")]
    [InlineData(1, "1 seconde")]
    [InlineData(0, "0 seconden")]
    public void The_time_left_is_spelled_out(double seconden, string tekst) =>
        Assert.Equal(tekst, SessieKlok.Tekst(TimeSpan.FromSeconds(seconden)));
}
