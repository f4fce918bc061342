using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>A test class whose every test has its own migrated database, with a data source on it.</summary>
public abstract class EigenDatabase : IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    protected NpgsqlDataSource Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Db = NpgsqlDataSource.Create(Database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await Database.DisposeAsync();
    }
}
