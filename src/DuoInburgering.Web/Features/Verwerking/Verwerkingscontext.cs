using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using Npgsql;

namespace DuoInburgering.Web.Features.Verwerking;

/// <summary>What a processing run decides with: the rule set, the pauses in force and the clock.</summary>
public sealed record Verwerkingscontext(RegimeRuleSet Rules, IReadOnlySet<PauzeSleutel> Pauzes, DateOnly Vandaag, DateTimeOffset Nu)
{
    public bool IsGepauzeerd(PauzeSleutel sleutel) => Pauzes.Contains(sleutel);

    /// <summary>
    /// Reads the pauses inside the caller's transaction and locks table pauze in SHARE ROW EXCLUSIVE
    /// mode until it ends. That mode conflicts with itself: processing runs (imports, messages, deadline
    /// job, resume) that write persons follow each other, so no two of them re-derive the same person
    /// from the same published state, and a pause or resume never crosses a run.
    /// </summary>
    public static async Task<Verwerkingscontext> LaadAsync(NpgsqlConnection conn, TimeProvider clock, CancellationToken ct,
        RegimeRuleSet? rules = null)
    {
        var pauzes = new HashSet<PauzeSleutel>();
        await using (var cmd = new NpgsqlCommand("lock table pauze in share row exclusive mode; select regime, doelgroep from pauze", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                pauzes.Add(new PauzeSleutel(Enum.Parse<Regime>(reader.GetString(0)), Enum.Parse<Doelgroep>(reader.GetString(1))));
            }
        }
        var nu = clock.GetUtcNow();
        return new Verwerkingscontext(rules ?? RegimeRuleSets.Huidig, pauzes,
            PibVandaag.Op(nu), nu);
    }
}
