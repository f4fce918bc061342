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
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["RijksoverheidSans", "Verdana", "Arial", "sans-serif"], FontSize = "1rem" },
        },
    };
}
