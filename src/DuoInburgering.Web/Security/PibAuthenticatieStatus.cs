using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The authentication state of a circuit (an open tab), checked against its session record every
/// <see cref="SessieOpties.Hercontrole"/> (at most a minute). When the session has ended (sign-out in another
/// tab, idle time, absolute lifetime) the circuit's user becomes anonymous: pages that need sign-in stop, and
/// the tab goes to the signed-out page (<see cref="Components.Sessie"/>: SessieBewaking, NaarInloggen).
/// </summary>
public sealed class PibAuthenticatieStatus(ILoggerFactory loggerFactory, SessieRegister register, SessieOpties opties)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>True once revalidation found the session ended: the tab shows the signed-out page, not the sign-in.</summary>
    public bool SessieBeeindigd { get; private set; }

    protected override TimeSpan RevalidationInterval => opties.Hercontrole;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var geldig = SessieRegister.IdVan(authenticationState.User) is { } id
            && await register.ControleerAsync(id, activiteit: false, cancellationToken);
        // Set before the base class makes the user anonymous, so whoever reacts to that change reads it.
        SessieBeeindigd = !geldig;
        return geldig;
    }
}
