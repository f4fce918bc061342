using System.Globalization;

namespace DuoInburgering.Cli;

/// <summary>Options of the form --naam WAARDE.</summary>
internal static class CliArgs
{
    /// <param name="gebruik">Usage line added to the error, when the verb has one.</param>
    public static string? Optie(string[] args, string naam, string? gebruik = null)
    {
        var i = Array.IndexOf(args, naam);
        if (i < 0)
        {
            return null;
        }
        return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[i + 1]
            : throw new CliException(gebruik is null ? $"{naam} verwacht een waarde." : $"{naam} verwacht een waarde.\n{gebruik}", 2);
    }

    public static int Getal(string[] args, string naam, int standaard) =>
        Optie(args, naam) is not { } tekst ? standaard
        : int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliException($"{naam} verwacht een geheel getal, niet '{tekst}'.", 2);
}
