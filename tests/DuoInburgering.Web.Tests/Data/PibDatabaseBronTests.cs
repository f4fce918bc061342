using DuoInburgering.Web.Data;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Data;

/// <summary>The portal's connections: repeated statements prepared once, each call still planned for its own values.</summary>
public sealed class PibDatabaseBronTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Vraag = "select current_setting('plan_cache_mode'), count(*) from pg_prepared_statements";

    [Fact]
    public async Task A_statement_sent_twice_is_prepared_on_the_connection_and_planned_per_call()
    {
        await using var bron = PibDatabase.Bron(database.ConnectionString);
        await using var verbinding = await bron.OpenConnectionAsync();
        var eerst = await LeesAsync(verbinding);
        await LeesAsync(verbinding);
        var daarna = await LeesAsync(verbinding);

        Assert.Equal(("force_custom_plan", 0L), eerst);
        Assert.Equal(("force_custom_plan", 1L), daarna);
    }

    [Fact]
    public async Task A_connection_string_that_turns_preparing_off_is_followed()
    {
        await using var bron = PibDatabase.Bron(database.ConnectionString + ";Max Auto Prepare=0");
        await using var verbinding = await bron.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await LeesAsync(verbinding);
        }

        Assert.Equal(("auto", 0L), await LeesAsync(verbinding));
    }

    private static async Task<(string, long)> LeesAsync(NpgsqlConnection verbinding)
    {
        await using var cmd = new NpgsqlCommand(Vraag, verbinding);
        await using var lezer = await cmd.ExecuteReaderAsync();
        await lezer.ReadAsync();
        return (lezer.GetString(0), lezer.GetInt64(1));
    }
}
