using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Deadlines;

/// <summary>
/// A fresh migrated database per test (a deadline run looks at everybody, so tests must not share
/// persons), and persons created the way production creates them: through PersoonBatch.
/// </summary>
public abstract class DeadlineTestdata : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The day the persons below are first processed (their SS139 or SS101 date).</summary>
    protected static readonly DateOnly Aanmelddag = new(2024, 4, 1);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A valid BSN (elfproef) per sequence number.</summary>
    protected static string Bsn(int volgnummer)
    {
        for (var prefix = 20_000_000 + volgnummer * 10; ; prefix++)
        {
            var s = prefix.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var som = 0;
            for (var i = 0; i < 8; i++)
            {
                som += (9 - i) * (s[i] - '0');
            }
            if (som % 11 < 10)
            {
                return s + (som % 11).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Family migrant, document handed out on <paramref name="document"/>: Wi2021 from 2022, Wi2013 before.</summary>
    protected static Persoon Gezinsmigrant(string bsn, DateOnly document, DateOnly? geboren = null) => new()
    {
        Bsn = bsn, Naam = "Test Persoon", Geboortedatum = geboren ?? new DateOnly(1990, 5, 1), Nationaliteit = "MAR",
        Verblijfsdoel = "gezinshereniging", DatumUitreikingDocument = document,
        Uitkomst = default, RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
    };

    protected static Persoon Asielstatushouder(string bsn, DateOnly bekendmaking) => new()
    {
        Bsn = bsn, Naam = "Test Persoon", Geboortedatum = new DateOnly(1995, 2, 1), Nationaliteit = "SYR",
        Verblijfsdoel = "asiel", DatumBekendmakingBeschikking = bekendmaking,
        Uitkomst = default, RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
    };

    /// <summary>Processes the person on <paramref name="dag"/>, living in <paramref name="gemeente"/> (BRP, not at COA).</summary>
    protected async Task<BatchResultaat> VerwerkAsync(Persoon persoon, string? gemeente, DateOnly dag, params PauzeSleutel[] pauzes)
    {
        var brp = gemeente is null ? null : new BrpFeit { Bsn = persoon.Bsn, Gemeente = gemeente, BerichtId = "B-" + persoon.Bsn };
        var context = new Verwerkingscontext(RegimeRegelsets.Huidig, pauzes.ToHashSet(), dag,
            new DateTimeOffset(dag.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var r = await PersoonBatch.HerbepaalEnSchrijfAsync(conn, [new PersoonRegel(persoon, null, brp)], context, CancellationToken.None);
        await tx.CommitAsync();
        return r;
    }

    /// <summary>The stored row again, as the next processing would load it.</summary>
    protected async Task<Persoon> LaadAsync(string bsn)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        return (await PersoonBatch.LaadAsync(conn, [bsn], CancellationToken.None))[bsn].Persoon!;
    }

    protected async Task SqlAsync(string sql, params object[] waarden)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var w in waarden)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = w });
        }
        await cmd.ExecuteNonQueryAsync();
    }

    protected async Task RegistreerPipAsync(string bsn, string gemeente, DateOnly dagtekening, DateOnly? aanbod = null) =>
        await SqlAsync("update persoon set pip_gemeente_code = $1, pip_dagtekening = $2, pip_leerroute = 'B1Route', " +
            "datum_inburgeringsaanbod = $3 where bsn = $4", gemeente, dagtekening, (object?)aanbod ?? DBNull.Value, bsn);

    protected async Task PauzeerAsync(Regime regime, Doelgroep doelgroep) =>
        await SqlAsync("insert into pauze (regime, doelgroep, sinds, door, reden) values ($1, $2, now(), 'test', 'test')",
            regime.ToString(), doelgroep.ToString());

    /// <summary>The person's signals as "code gemeente regime datum", oldest first.</summary>
    protected async Task<List<string>> SignalenAsync(string bsn, params string[] codes)
    {
        await using var cmd = DataSource.CreateCommand(
            "select code || ' ' || gemeente_code || ' ' || regime || ' ' || to_char(datum, 'YYYY-MM-DD') from signaal " +
            "where bsn = $1 and (cardinality($2::text[]) = 0 or code = any($2)) order by id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = bsn });
        cmd.Parameters.Add(new NpgsqlParameter { Value = codes });
        var uit = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            uit.Add(reader.GetString(0));
        }
        return uit;
    }

    protected async Task<(bool Ss126, bool Ss127, bool Ss128)> VlaggenAsync(string bsn)
    {
        var p = await LaadAsync(bsn);
        return (p.Ss126Verzonden, p.Ss127Verzonden, p.Ss128Verzonden);
    }

    /// <summary>A fake clock at <paramref name="lokaal"/> wall-clock time in Amsterdam (kept in UTC, as TimeProvider promises).</summary>
    protected static Microsoft.Extensions.Time.Testing.FakeTimeProvider Klok(DateTime lokaal) =>
        new(new DateTimeOffset(lokaal, Web.Infrastructure.DagPlanning.Amsterdam.GetUtcOffset(lokaal)).ToUniversalTime());
}
