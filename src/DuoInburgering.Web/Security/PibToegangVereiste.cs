using DuoInburgering.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using RouteData = Microsoft.AspNetCore.Components.RouteData;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The default and fallback rule: the path decides (<see cref="PibGebieden"/>). Works for HTTP requests
/// (the resource is the HttpContext) and for pages the router shows inside a Blazor circuit (the resource
/// is the page's RouteData), so interactive navigation cannot step around it.
/// </summary>
public sealed class PibToegangVereiste : IAuthorizationRequirement;

/// <summary>A valid portal user; with a role, exactly that role. Used by the named policies of <see cref="PibBeleid"/>.</summary>
public sealed record PibGebruikerVereiste(Rol? Rol) : IAuthorizationRequirement;

/// <summary>
/// Scoped, because inside a circuit the place of a page is the circuit's current address: the router does
/// not always fill in <see cref="RouteData.Template"/>.
/// </summary>
public sealed class PibToegangHandler(IServiceProvider services) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var gebruiker = PibPrincipal.Geldig(context.User);
        foreach (var vereiste in context.PendingRequirements.ToList())
        {
            var voldaan = vereiste switch
            {
                PibGebruikerVereiste v => gebruiker is not null && (v.Rol is null || v.Rol == gebruiker.Rol),
                PibToegangVereiste => MagOpenen(context.Resource, gebruiker),
                _ => false,
            };
            if (voldaan)
            {
                context.Succeed(vereiste);
            }
        }
        return Task.CompletedTask;
    }

    private bool MagOpenen(object? resource, PibGebruiker? gebruiker) => resource switch
    {
        // Nothing routed: there is nothing to protect, and the answer will be the Dutch 404 page.
        HttpContext http when http.GetEndpoint() is null => true,
        HttpContext http => PibGebieden.MagOpenen(http.Request.Path.Value ?? "/", gebruiker),
        RouteData { Template: { } template } => PibGebieden.MagOpenen(template, gebruiker),
        RouteData route => MagPaginaOpenen(route.PageType, gebruiker),
        // No place (an AuthorizeView in the layout): a signed-in portal user.
        _ => gebruiker is not null,
    };

    private bool MagPaginaOpenen(Type pagina, PibGebruiker? gebruiker)
    {
        var routes = pagina.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>().Select(r => r.Template).ToList();
        // An open page is open however it is reached, also as the router's not-found page on any address.
        if (routes.Count > 0 && routes.All(PibGebieden.IsOpenbaar))
        {
            return true;
        }
        // Otherwise the address the router matched this page for decides (one page may serve several areas).
        if (HuidigPad() is { } pad)
        {
            return PibGebieden.MagOpenen(pad, gebruiker);
        }
        return routes.Count > 0 && routes.All(r => PibGebieden.MagOpenen(r, gebruiker));
    }

    private string? HuidigPad()
    {
        try
        {
            var navigatie = services.GetService<NavigationManager>();
            return navigatie is null ? null : "/" + navigatie.ToBaseRelativePath(navigatie.Uri);
        }
        catch (InvalidOperationException)
        {
            // Not initialised: no page is being rendered in this scope.
            return null;
        }
    }
}
