using DuoInburgering.Cli;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>Tests that set process-wide state (environment variables, Console) run alone, never beside other tests.</summary>
[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class CliCollectie
{
    public const string Naam = "CLI (procesbrede omgeving)";
}

/// <summary>
/// Runs the real CLI entry point against a test database and captures its output. Environment and
/// console are process-wide: use it only in the non-parallel <c>CliCollectie</c>.
/// </summary>
public static class CliUitvoering
{
    /// <summary>Runs as an operator would, with the portal's audit key set (the demo key the tests' portal uses).</summary>
    public static Task<(int Code, string Uit, string Fout)> VoerUitAsync(string connectionString, params string[] args) =>
        VoerUitMetSleutelAsync(connectionString, Web.Audit.AuditOpties.DemoSleutel, args);

    /// <param name="auditSleutel">Audit__BsnSleutel for this run; null runs without one.</param>
    public static async Task<(int Code, string Uit, string Fout)> VoerUitMetSleutelAsync(string connectionString, string? auditSleutel,
        params string[] args)
    {
        var vorigeOmgeving = Environment.GetEnvironmentVariable("ConnectionStrings__Pib");
        var vorigeSleutel = Environment.GetEnvironmentVariable("Audit__BsnSleutel");
        var (vorigeUit, vorigeFout) = (Console.Out, Console.Error);
        using var uit = new StringWriter();
        using var fout = new StringWriter();
        try
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Pib", connectionString);
            Environment.SetEnvironmentVariable("Audit__BsnSleutel", auditSleutel);
            Console.SetOut(uit);
            Console.SetError(fout);
            var code = await CliProgram.Main(args);
            return (code, uit.ToString(), fout.ToString());
        }
        finally
        {
            Console.SetOut(vorigeUit);
            Console.SetError(vorigeFout);
            Environment.SetEnvironmentVariable("ConnectionStrings__Pib", vorigeOmgeving);
            Environment.SetEnvironmentVariable("Audit__BsnSleutel", vorigeSleutel);
        }
    }
}
