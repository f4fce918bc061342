using DuoInburgering.Web.Tests.Audit;
using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>Issue 6: each signal a caseworker handles, reopens or undoes is an audit entry in that same transaction.</summary>
public sealed class SignalenAuditTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (!await db.Signalen.AnyAsync())
        {
            await VulAsync(database);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<SignaalRecord>> AlleAsync()
    {
        await using var db = database.CreateContext();
        return await db.Signalen.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Handling_and_its_undo_record_one_entry_per_signal_changed_by_the_caseworker_and_nothing_for_anything_else()
    {
        var cs = database.ConnectionString;
        var alle = await AlleAsync();
        var eigen = alle.Where(s => s.GemeenteCode == Eigen && s.Regime == Domain.Regimes.Regime.Wi2021 && s.IngetrokkenOp is null && s.AfgehandeldOp is null)
            .Take(3).ToList();
        var ander = alle.First(s => s.GemeenteCode == Ander && s.AfgehandeldOp is null);
        var ingetrokken = alle.First(s => s.GemeenteCode == Eigen && s.IngetrokkenOp is not null && s.AfgehandeldOp is null);
        long[] ids = [.. eigen.Select(s => s.Id), ander.Id, ingetrokken.Id];
        var klok = Klok();
        var afhandelen = Afhandelen(database, klok);
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        var uitkomst = await afhandelen.VoerUitAsync(Klantmanager, new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Afhandelen, ids));

        Assert.Equal(3, uitkomst.Gewijzigd);
        var rijen = await AuditRijen.NaAsync(cs, laatste);
        Assert.Equal(eigen.Select(s => (AuditRijen.Pseudoniem(s.Bsn), s.Id.ToString(CultureInfo.InvariantCulture), s.Code.ToString(), "Wi2021", Datum(s.Datum))),
            rijen.Select(r => (r.Betrokkene!, r["signaal_id"]!, r["code"]!, r["regime"]!, r["datum"]!)).OrderBy(x => long.Parse(x.Item2, CultureInfo.InvariantCulture)));
        Assert.All(rijen, r => Assert.Equal(
            ("SignaalAfgehandeld", "signaal-afhandelen", "km.amsterdam", "Gemeente", Eigen, "code,regime,datum,signaal_id,actie", "afhandelen", uitkomst.Tijdstip),
            (r.Soort, r.Activiteit, r.Actor, r.Rol, r.Gemeente, r.Sleutels, r["actie"], r.Tijdstip)));

        klok.Advance(TimeSpan.FromSeconds(5));
        laatste = await AuditRijen.LaatsteIdAsync(cs);
        var terug = await afhandelen.VoerUitAsync(Klantmanager,
            new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Heropenen, ids, Terugdraaien: uitkomst.Tijdstip));
        Assert.Equal(3, terug.Gewijzigd);
        var ongedaan = await AuditRijen.NaAsync(cs, laatste);
        Assert.Equal(eigen.Select(s => s.Id.ToString(CultureInfo.InvariantCulture)).Order(), ongedaan.Select(r => r["signaal_id"]!).Order());
        Assert.All(ongedaan, r => Assert.Equal("ongedaan-maken", r["actie"]));

        // Another municipality's caseworker with our ids: nothing changes, nothing is recorded.
        laatste = await AuditRijen.LaatsteIdAsync(cs);
        Assert.Equal(0, (await afhandelen.VoerUitAsync(AnderKlantmanager,
            new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Afhandelen, [.. eigen.Select(s => s.Id)]))).Gewijzigd);
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
    }

    [Fact]
    public async Task A_handling_whose_commit_fails_leaves_neither_the_change_nor_an_audit_entry()
    {
        var cs = database.ConnectionString;
        var doel = (await AlleAsync()).First(s => s.GemeenteCode == Eigen && s.Regime == Domain.Regimes.Regime.Wi2021 && s.IngetrokkenOp is null && s.AfgehandeldOp is null);
        await using var ds = NpgsqlDataSource.Create(cs);
        await using (var cmd = ds.CreateCommand("""
            create function weiger_afhandeling() returns trigger language plpgsql as $$
            begin raise exception 'test: commit geweigerd'; end $$;
            create constraint trigger weiger_afhandeling after update on signaal deferrable initially deferred
                for each row execute function weiger_afhandeling();
            """))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        try
        {
            var fout = await Assert.ThrowsAsync<PostgresException>(() =>
                Afhandelen(database, Klok()).VoerUitAsync(Klantmanager, new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Afhandelen, [doel.Id])));
            Assert.Equal("test: commit geweigerd", fout.MessageText);
        }
        finally
        {
            await using var drop = ds.CreateCommand("drop trigger weiger_afhandeling on signaal; drop function weiger_afhandeling();");
            await drop.ExecuteNonQueryAsync();
        }

        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
        Assert.Null((await AlleAsync()).Single(s => s.Id == doel.Id).AfgehandeldOp);
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }
}
