using System.Net.Sockets;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Infrastructure;

public static class Startup
{
    /// <summary>
    /// Bad configuration (no or unreachable database, port in use) ends the portal with one clear
    /// Dutch line on stderr and exit code 1, not a stack trace.
    /// </summary>
    public static async Task<int> RunGuardedAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (Exception e) when (Explain(e) is { } message)
        {
            await Console.Error.WriteLineAsync($"Het portaal kan niet starten: {message}");
            return 1;
        }
    }

    private static string? Explain(Exception e) => e switch
    {
        PibConfigurationException or LocalPostgresException => e.Message,
        _ when IsPortInUse(e) =>
            $"de poort is al in gebruik ({e.Message}). Stop het andere proces of kies een andere poort met --urls of ASPNETCORE_URLS.",
        Npgsql.NpgsqlException or SocketException => $"database niet bereikbaar: {e.Message}",
        _ => null,
    };

    /// <summary>Kestrel reports a taken port as an IOException over a SocketException, or as its AddressInUseException.</summary>
    private static bool IsPortInUse(Exception e) =>
        e is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } }
            or IOException { InnerException.InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } }
        || e.GetType().Name == "AddressInUseException"
        || e.InnerException?.GetType().Name == "AddressInUseException";
}
