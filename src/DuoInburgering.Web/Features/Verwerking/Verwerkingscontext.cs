using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using Npgsql;

namespace DuoInburgering.Web.Features.Verwerking;

/// <summary>What a processing run decides with: the rule set, the pauses in force and the clock.</summary>
public sealed record Verwerkingscontext(RegimeRuleSet Rules, IReadOnlySet<PauzeSleutel> Pauzes, DateOnly Vandaag, DateTimeOffset Nu)
{
    public bool IsGepauzeerd(PauzeSleutel sleutel) => Pauzes.Contains(sleutel);

    /// <summary>
    /// Reads the pauses inside the caller's transaction and holds a SHARE lock on table pauze until it
    /// ends: runs may overlap each other, but a pause or resume waits for running work and vice versa.
    /// </summary>
    public static async Task<Verwerkingscontext> LaadAsync(NpgsqlConnection conn, TimeProvider clock, CancellationToken ct,
        RegimeRuleSet? rules = null)
    {
        var pauzes = new HashSet<PauzeSleutel>();
        await using (var cmd = new NpgsqlCommand("lock table pauze in share mode; select regime, doelgroep from pauze", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                pauzes.Add(new PauzeSleutel(Enum.Parse<Regime>(reader.GetString(0)), Enum.Parse<Doelgroep>(reader.GetString(1))));
            }
        }
        var nu = clock.GetUtcNow();
        return new Verwerkingscontext(rules ?? RegimeRuleSets.Huidig, pauzes,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nu, Amsterdam).DateTime), nu);
    }

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
}
