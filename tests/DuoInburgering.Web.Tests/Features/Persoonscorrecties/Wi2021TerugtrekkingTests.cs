using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Features.Feiten;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Persoonscorrecties;

/// <summary>
/// Leaving Wi2021 (docs/domain.md "Corrections"): SS190 in the Wi2021 environment of every municipality that holds
/// Wi2021 signals about the person, every other Wi2021 signal withdrawn, in the caller's transaction.
/// </summary>
public sealed class Wi2021TerugtrekkingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateOnly Vandaag = new(2022, 3, 25);
    private static readonly DateTimeOffset Nu = new(2022, 3, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Eerder = new(2022, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task SignaalAsync(NpgsqlConnection conn, string bsn, string code, string gemeente, string regime, DateTimeOffset? ingetrokken = null)
    {
        await using var cmd = new NpgsqlCommand(
            "insert into signaal (bsn, code, gemeente_code, regime, datum, toelichting, aangemaakt_op, ingetrokken_op) " +
            "values ($1, $2, $3, $4, '2022-02-01', 'test', $5, $6)", conn);
        foreach (var w in new object[] { bsn, code, gemeente, regime, Eerder, (object?)ingetrokken ?? DBNull.Value })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = w });
        }
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Every_municipality_with_Wi2021_signals_gets_one_SS190_and_the_other_Wi2021_signals_are_withdrawn()
    {
        const string a = "900000011", b = "900000023", zonder = "900000035";
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await SignaalAsync(conn, a, "SS139", "GM0363", "Wi2021");
            await SignaalAsync(conn, a, "SS122", "GM0363", "Wi2021");
            await SignaalAsync(conn, a, "SS120", "GM0599", "Wi2021");
            await SignaalAsync(conn, a, "SS101", "GM0599", "Wi2013");                 // another environment: untouched
            await SignaalAsync(conn, a, "SS101", "GM0228", "Wi2021", ingetrokken: Eerder); // already out of view: no SS190
            await SignaalAsync(conn, b, "SS190", "GM0344", "Wi2021");                 // told before: kept, no second one
            await tx.CommitAsync();
        }

        int aantal;
        await using (var tx = await conn.BeginTransactionAsync())
        {
            aantal = await Wi2021Terugtrekking.TrekTerugAsync(conn, [a, b, zonder], Vandaag, Nu, new Verwerkingsaudit(Nu), CancellationToken.None);
            await tx.RollbackAsync();
        }
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(database.ConnectionString, "select count(*) from signaal where code = 'SS190' and bsn = @a", ("a", a)));

        await using (var tx = await conn.BeginTransactionAsync())
        {
            aantal = await Wi2021Terugtrekking.TrekTerugAsync(conn, [a, b, zonder], Vandaag, Nu, new Verwerkingsaudit(Nu), CancellationToken.None);
            await tx.CommitAsync();
        }

        Assert.Equal(2, aantal);
        var rijen = await FeitenDb.RijenAsync(database.ConnectionString, """
            select bsn, code, gemeente_code, regime, datum::text, toelichting,
                   case when ingetrokken_op is null then 'zichtbaar' when ingetrokken_op = @nu then 'nu ingetrokken' else 'eerder ingetrokken' end
            from signaal order by bsn, regime, gemeente_code, code
            """, ("nu", Nu));
        Assert.Equal<string[]>(
        [
            [a, "SS101", "GM0599", "Wi2013", "2022-02-01", "test", "zichtbaar"],
            [a, "SS101", "GM0228", "Wi2021", "2022-02-01", "test", "eerder ingetrokken"],
            [a, "SS122", "GM0363", "Wi2021", "2022-02-01", "test", "nu ingetrokken"],
            [a, "SS139", "GM0363", "Wi2021", "2022-02-01", "test", "nu ingetrokken"],
            [a, "SS190", "GM0363", "Wi2021", "2022-03-25", "Correctie: persoon is inburgeringsplichtig onder de Wi2013", "zichtbaar"],
            [a, "SS120", "GM0599", "Wi2021", "2022-02-01", "test", "nu ingetrokken"],
            [a, "SS190", "GM0599", "Wi2021", "2022-03-25", "Correctie: persoon is inburgeringsplichtig onder de Wi2013", "zichtbaar"],
            [b, "SS190", "GM0344", "Wi2021", "2022-02-01", "test", "zichtbaar"],
        ], rijen);
    }
}
