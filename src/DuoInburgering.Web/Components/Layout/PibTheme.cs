using MudBlazor;

namespace DuoInburgering.Web.Components.Layout;

/// <summary>Sober Rijksoverheid look: white surfaces, the DUO blue #01689B as the one accent.</summary>
public static class PibTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#01689B",
            AppbarBackground = "#01689B",
            AppbarText = "#FFFFFF",
            Background = "#FFFFFF",
            DrawerBackground = "#F3F3F3",
            DrawerText = "#1A1A1A",
            TextPrimary = "#1A1A1A",
            TextSecondary = "#4A4A4A",
            Secondary = "#154273",
            // MudBlazor's defaults (#f44336, #ff9800, #4caf50, #2196f3) fail WCAG 1.4.3 as text on white and
            // as white text on them: field errors, alerts and snackbars. These reach at least 5.5:1 either way.
            Error = "#B3261E",
            Warning = "#8A4B00",
            Success = "#1B6E20",
            Info = "#0B5FA5",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["RijksoverheidSans", "Verdana", "Arial", "sans-serif"], FontSize = "1rem" },
        },
    };
}
