using DuoInburgering.Web.Features.Demo;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Tests.Data;

public sealed class AppDbContextTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migration_loads_all_345_municipalities_of_the_csv()
    {
        await using var db = database.CreateContext();
        Assert.Equal(345, await db.Gemeenten.CountAsync());
        var amsterdam = await db.Gemeenten.SingleAsync(g => g.Code == "GM0363");
        Assert.Equal("Amsterdam", amsterdam.Naam);
    }

    [Fact]
    public async Task A_user_written_through_EF_is_read_back_with_its_role_stored_as_text()
    {
        await using (var db = database.CreateContext())
        {
            db.Gebruikers.Add(new Gebruiker { Gebruikersnaam = "km.test", Naam = "Test", Rol = Rol.Gemeente, GemeenteCode = "GM0228" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
        {
            var gelezen = await db.Gebruikers.SingleAsync(g => g.Gebruikersnaam == "km.test");
            Assert.Equal(Rol.Gemeente, gelezen.Rol);
            Assert.Equal("GM0228", gelezen.GemeenteCode);
        }
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select rol from gebruiker where gebruikersnaam = 'km.test'", conn);
        Assert.Equal("Gemeente", await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_municipal_user_without_a_municipality_is_refused_by_the_database()
    {
        await using var db = database.CreateContext();
        db.Gebruikers.Add(new Gebruiker { Gebruikersnaam = "km.zonder", Naam = "Zonder", Rol = Rol.Gemeente });
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("ck_gebruiker_gemeente_rol", e.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_bound_to_an_unknown_municipality_is_refused()
    {
        await using var db = database.CreateContext();
        db.Gebruikers.Add(new Gebruiker { Gebruikersnaam = "km.onbekend", Naam = "X", Rol = Rol.Gemeente, GemeenteCode = "GM9999" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Demo_seeding_twice_adds_the_demo_users_once()
    {
        var factory = new TestContextFactory(database);
        await DemoGebruikers.SchrijfAsync(factory);
        await DemoGebruikers.SchrijfAsync(factory);
        await using var db = database.CreateContext();
        var namen = DemoGebruikers.Alle.Select(d => d.Gebruikersnaam).ToList();
        Assert.Equal(namen.Count, await db.Gebruikers.CountAsync(g => namen.Contains(g.Gebruikersnaam)));
    }

    private sealed class TestContextFactory(TestDatabase database) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => database.CreateContext();
    }
}
