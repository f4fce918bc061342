using DuoInburgering.Web.Data;
using Microsoft.AspNetCore.Authorization;

namespace DuoInburgering.Web.Security;

/// <summary>
/// The portal's authorization policies by name, for pages (<c>@attribute [Authorize(Policy = PibBeleid.Gemeente)]</c>)
/// and endpoints (<c>.RequireAuthorization(PibBeleid.Gemeente)</c>). Without a named policy the default
/// and fallback rule applies: the path's area decides (<see cref="PibGebieden"/>).
/// </summary>
public static class PibBeleid
{
    /// <summary>Any valid portal user, whatever the role.</summary>
    public const string Aangemeld = "PibAangemeld";
    public const string Gemeente = "PibGemeente";
    public const string Duo = "PibDuo";
    public const string Auditor = "PibAuditor";

    public static void Registreer(AuthorizationOptions opties)
    {
        var volgensPad = new AuthorizationPolicyBuilder().AddRequirements(new PibToegangVereiste()).Build();
        opties.DefaultPolicy = volgensPad;
        opties.FallbackPolicy = volgensPad;
        opties.AddPolicy(Aangemeld, p => p.AddRequirements(new PibGebruikerVereiste(null)));
        opties.AddPolicy(Gemeente, p => p.AddRequirements(new PibGebruikerVereiste(Rol.Gemeente)));
        opties.AddPolicy(Duo, p => p.AddRequirements(new PibGebruikerVereiste(Rol.Duo)));
        opties.AddPolicy(Auditor, p => p.AddRequirements(new PibGebruikerVereiste(Rol.Auditor)));
    }
}
