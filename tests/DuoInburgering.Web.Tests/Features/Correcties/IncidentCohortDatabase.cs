using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Correcties;

[CollectionDefinition(Naam)]
public sealed class IncidentCohortCollectie : ICollectionFixture<IncidentCohortDatabase>
{
    public const string Naam = "Incidentcohort onder regelset 2021-12";
}

/// <summary>
/// January 2022 as data: the incident cohort and 300 synthetic persons imported through the real import
/// path while the active rule set was 2021-12 (kennisgeving date as peildatum, AZC residents shown to the
/// AZC's municipality), then Fatima Benali (#06) moved within Wi2021 from Rotterdam to Amsterdam, so two
/// municipalities hold Wi2021 signals about her. Built once; every test works on its own copy.
/// </summary>
public sealed class IncidentCohortDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Januari = new(2022, 1, 17, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Verhuizing = new(2022, 2, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Correctiedag = new(2022, 3, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Vandaag = new(2022, 3, 25);
    public const int Synthetisch = 300;
    public const string Benali = "999990068";

    /// <summary>The cohort's wrongly placed persons (docs/domain.md incident 1): Wi2021 under 2021-12, Wi2013 under 2022-03.</summary>
    public static readonly string[] VerkeerdGeplaatst =
        ["999990019", "999990020", "999990032", "999990044", "999990056", "999990068", "999990081", "999990159"];

    /// <summary>Meron Tesfazgi (#08): rightly Wi2021, but shown to Ede (the AZC) instead of Groningen (COA's link; incident 2).</summary>
    public const string Tesfazgi = "999990093";

    private readonly List<string> _kopieen = [];
    private PostgresServer? _server;
    private string _bron = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        _bron = await _server.CreateDatabaseAsync();
        var klok = new Testklok(Januari);
        await using (var ds = NpgsqlDataSource.Create(_bron))
        {
            await ActieveRegelset.WijzigAsync(ds, "2021-12", "test", "Januari 2022 naspelen", klok, TestAudit.Log(klok), CancellationToken.None);
            await SyntheseImport.ImportAsync(ds, new SyntheseOpties(Synthetisch, Vandaag: DateOnly.FromDateTime(Januari.UtcDateTime)), klok,
                TestAudit.Log(klok), CancellationToken.None);
            klok.Zet(Verhuizing);
            var map = Directory.CreateTempSubdirectory("pib-correctie-");
            try
            {
                var pad = Path.Combine(map.FullName, "brp.csv");
                await File.WriteAllTextAsync(pad, SynthetischePopulatie.BrpKop + "\nBRP-VERHUIS-06," + Benali + ",GM0363,false,2022-01-31,,\n");
                await FeitenImport.ImportAsync(ds, FeitBron.Brp, pad, klok, TestAudit.Log(klok), CancellationToken.None);
            }
            finally
            {
                map.Delete(recursive: true);
            }
        }
        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh copy of the filled database, dropped when the collection ends.</summary>
    public async Task<string> KopieAsync()
    {
        var naam = "t_" + Guid.NewGuid().ToString("N")[..16];
        var bron = new NpgsqlConnectionStringBuilder(_bron).Database;
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_bron) { Database = "postgres" }.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database \"{naam}\" template \"{bron}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(_bron) { Database = naam }.ConnectionString;
        _kopieen.Add(cs);
        return cs;
    }

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }
        foreach (var cs in _kopieen.Append(_bron))
        {
            await _server.DropDatabaseAsync(cs);
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class Testklok(DateTimeOffset nu) : TimeProvider
{
    private DateTimeOffset _nu = nu;

    public void Zet(DateTimeOffset nu) => _nu = nu;

    public override DateTimeOffset GetUtcNow() => _nu;
}

/// <summary>The real web host on one database (as <see cref="PibWebFactory"/>, for a database that is not a class fixture).</summary>
public sealed class CorrectieWebFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        DuoInburgering.Web.Infrastructure.PibOmgeving.InProcesTesthost = true;
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Pib", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Deadlines:Ingeschakeld", "false");
    }
}
