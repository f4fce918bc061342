using DuoInburgering.Web.Features.Demo;
using System.Security.Claims;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>For bUnit: a circuit whose user is fixed (null: anonymous), with the portal's own claims.</summary>
public sealed class VasteAuthenticatie(ClaimsPrincipal? principal) : AuthenticationStateProvider
{
    public static VasteAuthenticatie Als(string gebruikersnaam) =>
        new(PibPrincipal.VoorDemo(DemoGebruikers.Alle.Single(g => g.Gebruikersnaam == gebruikersnaam)));

    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(principal ?? new ClaimsPrincipal(new ClaimsIdentity())));
}

/// <summary>For bUnit: forms render without an antiforgery token (there is no HTTP request to take one from).</summary>
public sealed class GeenAntiforgery : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
}
