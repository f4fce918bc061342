using DuoInburgering.Web.Components;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Features.Feiten;
using DuoInburgering.Web.Features.Health;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Infrastructure;
using MudBlazor.Services;

return await Startup.RunGuardedAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPibLogging();
    var connectionString = await PibDatabase.ResolveConnectionStringAsync(builder);
    await PibDatabase.VerifyReachableAsync(connectionString);
    builder.Services.AddPibData(connectionString);
    builder.Services.AddPibDeadlines(builder.Configuration);
    builder.Services.AddPibPauzes();
    builder.Services.AddPibHealth();
    builder.Services.AddPibSignalen();
    builder.Services.AddMudServices();
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();

    var app = builder.Build();
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);
    app.UsePibRequestLogging();
    app.UseAntiforgery();
    app.MapStaticAssets();
    app.MapPibHealth();
    app.MapPibFeiten();
    app.MapPibSignalen();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    await app.RunAsync();
});

public partial class Program;
