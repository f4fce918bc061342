using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Components;
using DuoInburgering.Web.Components.Layout;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Features.Demo;
using DuoInburgering.Web.Features.DuoPersoon;
using DuoInburgering.Web.Features.Feiten;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Features.Health;
using DuoInburgering.Web.Features.Importen;
using DuoInburgering.Web.Features.Inloggen;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Features.Persoonscorrecties;
using DuoInburgering.Web.Features.Personen;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Features.Start;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Verwerking;

return await Startup.RunGuardedAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPibLogging();
    var connectionString = await PibDatabase.ResolveConnectionStringAsync(builder);
    await PibDatabase.VerifyReachableAsync(connectionString);

    // Shelves: data (migrations run first), processing, sign-in, audit, session keys.
    builder.Services.AddPibData(connectionString);
    builder.Services.AddPibVerwerking(builder.Configuration);
    builder.AddPibAuthenticatie();
    builder.AddPibAudit();
    builder.AddPibSleutelring();
    builder.AddPibBeveiligingskoppen();

    // Features: one user task each.
    builder.Services.AddPibDemo();
    builder.Services.AddPibStart();
    builder.Services.AddPibSignalen();
    builder.Services.AddPibPersonen();
    builder.Services.AddPibDeadlines();
    builder.Services.AddPibPauzes();
    builder.Services.AddPibGeparkeerd();
    builder.Services.AddPibDuoPersoon();
    builder.Services.AddPibCorrecties();
    builder.Services.AddPibPersoonscorrecties();
    builder.Services.AddPibImporten();
    builder.Services.AddPibAuditSchermen();
    builder.Services.AddPibHealth();
    builder.Services.AddPibFeiten();

    builder.Services.AddPibMudServices();
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();

    var app = builder.Build();
    app.UsePibBeveiligingskoppen();
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);
    app.UsePibRequestLogging();
    app.UsePibAuthenticatie();
    app.UseAntiforgery();
    app.UseRateLimiter();
    app.MapStaticAssets().AllowAnonymous();
    app.MapPibInloggen();
    app.MapPibHealth();
    app.MapPibFeiten();
    app.MapPibSignalen();
    app.MapPibImporten();
    app.MapPibCorrecties();
    app.MapPibAudit();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    await app.RunAsync();
});

public partial class Program;
