using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace DuoInburgering.Web.Components.Layout;

/// <summary>
/// MudBlazor's own texts that reach the user, most of them as aria-labels a screen reader speaks
/// ("Toggle Gemeente", "Next page"), in Dutch like the rest of the page (lang="nl", WCAG 3.1.2).
/// Keys without a translation here keep MudBlazor's English.
/// </summary>
public sealed class MudTeksten(ILoggerFactory loggerFactory) : ILocalizationInterceptor
{
    private static readonly Dictionary<string, string> Nederlands = new(StringComparer.Ordinal)
    {
        ["MudNavGroup_ToggleExpand"] = "{0} in- of uitklappen",
        ["MudTablePager_FirstPage"] = "Eerste pagina",
        ["MudTablePager_PreviousPage"] = "Vorige pagina",
        ["MudTablePager_NextPage"] = "Volgende pagina",
        ["MudTablePager_LastPage"] = "Laatste pagina",
        ["MudDataGridPager_FirstPage"] = "Eerste pagina",
        ["MudDataGridPager_PreviousPage"] = "Vorige pagina",
        ["MudDataGridPager_NextPage"] = "Volgende pagina",
        ["MudDataGridPager_LastPage"] = "Laatste pagina",
        ["MudDataGridPager_RowsPerPage"] = "Rijen per pagina:",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} van {2}",
        ["MudDataGridPager_AllItems"] = "Alle",
        ["MudPagination_FirstPage"] = "Eerste pagina",
        ["MudPagination_PreviousPage"] = "Vorige pagina",
        ["MudPagination_NextPage"] = "Volgende pagina",
        ["MudPagination_LastPage"] = "Laatste pagina",
        ["MudPagination_CurrentPage"] = "Huidige pagina {0}",
        ["MudPagination_PageIndex"] = "Pagina {0}",
        ["MudTable_Loading"] = "Bezig met laden…",
        ["MudDataGrid_Loading"] = "Bezig met laden…",
        ["MudDialog_Close"] = "Sluiten",
        ["MudSnackbar_Close"] = "Sluiten",
        ["MudAlert_Close"] = "Sluiten",
        ["MudChip_Close"] = "Verwijderen",
    };

    private readonly DefaultLocalizationInterceptor _engels = new(loggerFactory);

    public LocalizedString Handle(string key, params object[] arguments) =>
        Nederlands.TryGetValue(key, out var tekst)
            ? new LocalizedString(key, string.Format(CultureInfo.GetCultureInfo("nl-NL"), tekst, arguments))
            : _engels.Handle(key, arguments);
}

public static class MudTekstenDiensten
{
    /// <summary>MudBlazor's services, speaking Dutch.</summary>
    public static IServiceCollection AddPibMudServices(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddLocalizationInterceptor(sp => new MudTeksten(sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}
