using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>Class fixture: each test class gets its own clean, migrated database.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private PostgresServer? _server;

    public string ConnectionString { get; private set; } = "";

    public AppDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        ConnectionString = await _server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(ConnectionString);
        }
    }
}
