using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>Handling and its undo: own visible signals only, never in Wi2007, SS190 markable but never deletable.</summary>
public sealed class SignalenAfhandelenTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.Signalen.ExecuteDeleteAsync();
        await db.Personen.ExecuteDeleteAsync();
        await VulAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<SignaalRecord>> AlleAsync()
    {
        await using var db = database.CreateContext();
        return await db.Signalen.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task Marking_changes_only_own_open_visible_signals_of_the_environment_and_undo_reopens_exactly_those()
    {
        var voor = await AlleAsync();
        var eigenOpen = voor.Where(s => s.GemeenteCode == Eigen && s.Regime == Domain.Regimes.Regime.Wi2021 && s.IngetrokkenOp is null && s.AfgehandeldOp is null).Take(4).ToList();
        var eigenAl = voor.First(s => s.GemeenteCode == Eigen && s.Regime == Domain.Regimes.Regime.Wi2021 && s.IngetrokkenOp is null && s.AfgehandeldOp is not null);
        var ingetrokken = voor.First(s => s.GemeenteCode == Eigen && s.IngetrokkenOp is not null && s.AfgehandeldOp is null);
        var ander = voor.First(s => s.GemeenteCode == Ander && s.AfgehandeldOp is null);
        var anderRegime = voor.First(s => s.GemeenteCode == Eigen && s.Regime == Domain.Regimes.Regime.Wi2013 && s.IngetrokkenOp is null && s.AfgehandeldOp is null);
        long[] ids = [.. eigenOpen.Select(s => s.Id), eigenAl.Id, ingetrokken.Id, ander.Id, anderRegime.Id];
        var klok = Klok();
        var afhandelen = Afhandelen(database, klok);

        var uitkomst = await afhandelen.VoerUitAsync(Klantmanager, new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Afhandelen, ids));
        Assert.Null(uitkomst.Fout);
        Assert.Equal(eigenOpen.Count, uitkomst.Gewijzigd);
        var na = (await AlleAsync()).ToDictionary(s => s.Id);
        Assert.All(eigenOpen, s => Assert.Equal((uitkomst.Tijdstip, "km.amsterdam"), (na[s.Id].AfgehandeldOp!.Value, na[s.Id].AfgehandeldDoor!)));
        foreach (var onaangeroerd in new[] { eigenAl, ingetrokken, ander, anderRegime })
        {
            Assert.Equal((onaangeroerd.AfgehandeldOp, onaangeroerd.AfgehandeldDoor), (na[onaangeroerd.Id].AfgehandeldOp, na[onaangeroerd.Id].AfgehandeldDoor));
        }

        klok.Advance(TimeSpan.FromSeconds(5));
        var terug = await afhandelen.VoerUitAsync(Klantmanager,
            new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Heropenen, ids, Terugdraaien: uitkomst.Tijdstip));
        Assert.Equal(eigenOpen.Count, terug.Gewijzigd);
        var daarna = (await AlleAsync()).ToDictionary(s => s.Id);
        Assert.All(eigenOpen, s => Assert.Null(daarna[s.Id].AfgehandeldOp));
        // The signal that was already handled before stays handled: undo is not "reopen everything".
        Assert.NotNull(daarna[eigenAl.Id].AfgehandeldOp);
    }

    [Fact]
    public async Task Another_municipality_cannot_handle_or_reopen_our_signals()
    {
        var voor = await AlleAsync();
        var eigen = voor.Where(s => s.GemeenteCode == Eigen && s.Regime == Domain.Regimes.Regime.Wi2021 && s.IngetrokkenOp is null).Select(s => s.Id).ToList();
        var afhandelen = Afhandelen(database, Klok());
        foreach (var actie in new[] { SignaalActie.Afhandelen, SignaalActie.Heropenen })
        {
            var uitkomst = await afhandelen.VoerUitAsync(AnderKlantmanager, new AfhandelOpdracht(Regime.Wi2021, actie, eigen));
            Assert.Equal(0, uitkomst.Gewijzigd);
        }
        Assert.Equal(voor.Select(s => (s.Id, s.AfgehandeldOp, s.AfgehandeldDoor)), (await AlleAsync()).Select(s => (s.Id, s.AfgehandeldOp, s.AfgehandeldDoor)));
    }

    [Fact]
    public async Task Wi2007_is_read_only_and_says_so_in_Dutch()
    {
        var voor = await AlleAsync();
        var wi2007 = voor.Where(s => s.GemeenteCode == Eigen && s.Regime == Domain.Regimes.Regime.Wi2007 && s.IngetrokkenOp is null).Select(s => s.Id).ToList();
        Assert.NotEmpty(wi2007);
        var uitkomst = await Afhandelen(database, Klok()).VoerUitAsync(Klantmanager, new AfhandelOpdracht(Regime.Wi2007, SignaalActie.Afhandelen, wi2007));
        Assert.Equal((0, "De Wi2007-omgeving is alleen-lezen: signalen kunnen hier niet worden afgehandeld."), (uitkomst.Gewijzigd, uitkomst.Fout));
        Assert.Equal(voor.Select(s => s.AfgehandeldOp), (await AlleAsync()).Select(s => s.AfgehandeldOp));
    }

    [Fact]
    public async Task An_SS190_can_be_marked_and_reopened()
    {
        var ss190 = (await AlleAsync()).First(s => s.GemeenteCode == Eigen && s.Code == Domain.Signalen.SignaalCode.SS190 && s.Regime == Domain.Regimes.Regime.Wi2021 && s.IngetrokkenOp is null && s.AfgehandeldOp is null);
        var afhandelen = Afhandelen(database, Klok());
        Assert.Equal(1, (await afhandelen.VoerUitAsync(Klantmanager, new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Afhandelen, [ss190.Id]))).Gewijzigd);
        Assert.Equal(1, (await afhandelen.VoerUitAsync(Klantmanager, new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Heropenen, [ss190.Id]))).Gewijzigd);
    }

    [Fact]
    public async Task No_signal_can_be_deleted_in_a_municipal_session_not_even_its_own_SS190()
    {
        var ss190 = (await AlleAsync()).First(s => s.GemeenteCode == Eigen && s.Code == Domain.Signalen.SignaalCode.SS190 && s.IngetrokkenOp is null);
        await using (var sessie = await GemeenteSessie.OpenAsync(Factory(database), Klantmanager, Vandaag, TestAudit.Log()))
        {
            var fout = await Assert.ThrowsAsync<PostgresException>(() => sessie.Db.Signalen.Where(s => s.Id == ss190.Id).ExecuteDeleteAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
        }
        Assert.Contains(await AlleAsync(), s => s.Id == ss190.Id);
        // And the status table offers no way out of existence: handling and reopening are all there is.
        Assert.Equal([SignaalActie.Afhandelen, SignaalActie.Heropenen], Enum.GetValues<SignaalActie>());
        Assert.False(SignaalCatalogus.IsVerwijderbaarDoorGemeente(SignaalCode.SS190));
    }

    [Fact]
    public async Task A_selection_larger_than_a_thousand_is_refused()
    {
        var uitkomst = await Afhandelen(database, Klok()).VoerUitAsync(Klantmanager,
            new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Afhandelen, Enumerable.Range(1, 1001).Select(i => (long)i).ToList()));
        Assert.Equal((0, "Kies hoogstens 1.000 signalen tegelijk."), (uitkomst.Gewijzigd, uitkomst.Fout));
    }
}
