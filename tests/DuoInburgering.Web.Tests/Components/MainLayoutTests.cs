using Bunit;
using DuoInburgering.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DuoInburgering.Web.Tests.Components;

public sealed class MainLayoutTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync()
    {
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(TimeProvider.System);
        // Not signed in: the layout offers the sign-in and the menu of all three groups.
        _ctx.AddAuthorization();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // The layout marks its interactive render for the browser tests (data-pib-interactief).
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<MainLayout> Render<T>(Action<ComponentParameterCollectionBuilder<MainLayout>> parameters) =>
        _ctx.Render(parameters);

    [Fact]
    public void Layout_offers_a_skip_link_the_menu_of_three_groups_and_the_page_body()
    {
        RenderFragment body = b => b.AddMarkupContent(0, "<p id=\"body\">inhoud</p>");
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, body));

        Assert.Equal("#inhoud", cut.Find("a.skip-link").GetAttribute("href"));
        Assert.NotNull(cut.Find("main#inhoud #body"));
        Assert.Equal("Hoofdmenu", cut.Find("nav").GetAttribute("aria-label"));
        var groepen = cut.FindAll(".mud-nav-group").Select(g => g.TextContent).ToList();
        Assert.Equal(3, groepen.Count);
        Assert.Contains(groepen, g => g.Contains("Gemeente", StringComparison.Ordinal));
        Assert.Contains(groepen, g => g.Contains("DUO", StringComparison.Ordinal));
        Assert.Contains(groepen, g => g.Contains("Audit", StringComparison.Ordinal));
        Assert.Contains("Portaal Inburgering", cut.Find("header").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_link_stays_on_the_current_page()
    {
        // With <base href="/"> a bare "#inhoud" would lead every page's skip link to the start page.
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("duo/gemeenten?zoek=a");
        RenderFragment body = b => b.AddMarkupContent(0, "<p>x</p>");
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, body));

        Assert.Equal("duo/gemeenten?zoek=a#inhoud", cut.Find("a.skip-link").GetAttribute("href"));
    }

    [Fact]
    public void Menu_button_has_a_Dutch_accessible_name_and_toggles_the_drawer()
    {
        RenderFragment body = b => b.AddMarkupContent(0, "<p>x</p>");
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, body));
        var knop = cut.Find("button[aria-label='Menu tonen of verbergen']");
        bool Open() => cut.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");
        var eerst = Open();
        Assert.Equal(eerst ? "true" : "false", knop.GetAttribute("aria-expanded"));
        knop.Click();
        Assert.NotEqual(eerst, Open());
        Assert.Equal(Open() ? "true" : "false", cut.Find("button[aria-label='Menu tonen of verbergen']").GetAttribute("aria-expanded"));
        cut.Find("button[aria-label='Menu tonen of verbergen']").Click();
        Assert.Equal(eerst, Open());
    }
}
