using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Tests.Verwerking;

public sealed class PersoonBatchTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static Persoon Nieuw(string bsn) => new()
    {
        Bsn = bsn, Naam = "Demo Persoon", Geboortedatum = new DateOnly(1990, 5, 1), Nationaliteit = "SYR",
        Verblijfsdoel = "asiel", DatumBekendmakingBeschikking = new DateOnly(2021, 12, 28),
        DatumKennisgeving = new DateOnly(2022, 1, 10),
        Uitkomst = default, RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
    };

    private static async Task<BatchResultaat> VerwerkAsync(NpgsqlConnection conn, PersoonRegel regel, IReadOnlySet<PauzeSleutel>? pauzes = null)
    {
        var context = new Verwerkingscontext(Domain.Regimes.RegimeRegelsets.Huidig, pauzes ?? new HashSet<PauzeSleutel>(),
            new DateOnly(2022, 3, 25), new DateTimeOffset(2022, 3, 25, 9, 0, 0, TimeSpan.Zero));
        await using var tx = await conn.BeginTransactionAsync();
        var r = await PersoonBatch.HerbepaalEnSchrijfAsync(conn, [regel], context, CancellationToken.None);
        await tx.CommitAsync();
        return r;
    }

    [Fact]
    public async Task Late_2021_asylum_permit_is_Wi2013_and_signals_the_COA_linked_municipality_not_the_AZC()
    {
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        var coa = new CoaFeit { Bsn = "111222333", Locatie = "AZC Budel", GekoppeldeGemeente = "GM0363", BerichtId = "C1" };
        var brp = new BrpFeit { Bsn = "111222333", Gemeente = "GM1706", AdresIsCoaLocatie = true, BerichtId = "B1" };
        await using (var feiten = database.CreateContext())
        {
            // The import stores the COA and BRP facts; the batch reads them back on the replay below.
            feiten.CoaFeiten.Add(coa);
            feiten.BrpFeiten.Add(brp);
            await feiten.SaveChangesAsync();
        }

        var eerste = await VerwerkAsync(conn, new PersoonRegel(Nieuw("111222333"), coa, brp));

        Assert.Equal(1, eerste.Personen);
        Assert.True(eerste.Signalen > 0);
        await using var db = database.CreateContext();
        var p = await db.Personen.SingleAsync(x => x.Bsn == "111222333");
        Assert.Equal(Domain.Regimes.RegimeUitkomst.Wi2013, p.Uitkomst);
        Assert.Equal("GM0363", p.GemeenteCode);
        Assert.Equal("2022-03", p.RegelsetVersie);
        var signalen = await db.Signalen.Where(s => s.Bsn == "111222333").ToListAsync();
        Assert.All(signalen, s => Assert.Equal("GM0363", s.GemeenteCode));
        Assert.All(signalen, s => Assert.Equal(Domain.Regimes.Regime.Wi2013, s.Regime));
        // Each signal carries the doelgroep the municipality receives it with (the signal list filters on it).
        Assert.All(signalen, s => Assert.Equal(Domain.Regimes.Doelgroep.Asielstatushouder, s.Doelgroep));

        // Replaying the same facts emits nothing new.
        var geladen = await PersoonBatch.LaadAsync(conn, ["111222333"], CancellationToken.None);
        var tweede = await VerwerkAsync(conn, geladen["111222333"]);
        Assert.Equal(0, tweede.Signalen);
        Assert.Equal(signalen.Count, await db.Signalen.CountAsync(s => s.Bsn == "111222333"));
    }

    [Fact]
    public async Task An_SS190_is_written_with_the_BSN_only_never_a_doelgroep()
    {
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        var gm = new Domain.Identiteit.GemeenteCode("GM0599");
        var datum = new DateOnly(2022, 3, 25);
        Domain.Signalen.Signaal Maak(Domain.Signalen.SignaalCode code) =>
            new(code, gm, Domain.Regimes.Regime.Wi2021, datum, Domain.Signalen.SignaalCatalogus.Naam(code));
        await PersoonBatch.SchrijfSignalenAsync(conn,
            [("999990019", Domain.Regimes.Doelgroep.Asielstatushouder, Maak(Domain.Signalen.SignaalCode.SS190)),
             ("999990019", Domain.Regimes.Doelgroep.Asielstatushouder, Maak(Domain.Signalen.SignaalCode.SS120))],
            DateTimeOffset.UnixEpoch, new Verwerkingsaudit(DateTimeOffset.UnixEpoch), CancellationToken.None);

        await using var db = database.CreateContext();
        var geschreven = await db.Signalen.Where(s => s.Bsn == "999990019").ToDictionaryAsync(s => s.Code, s => s.Doelgroep);
        Assert.Null(geschreven[Domain.Signalen.SignaalCode.SS190]);
        Assert.Equal(Domain.Regimes.Doelgroep.Asielstatushouder, geschreven[Domain.Signalen.SignaalCode.SS120]);
    }

    [Fact]
    public async Task An_AZC_resident_without_a_COA_link_belongs_to_no_municipality_and_gets_no_signal()
    {
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        var coa = new CoaFeit { Bsn = "123456782", Locatie = "AZC Ter Apel", BerichtId = "C2" };
        var brp = new BrpFeit { Bsn = "123456782", Gemeente = "GM1950", AdresIsCoaLocatie = true, BerichtId = "B2" };

        var r = await VerwerkAsync(conn, new PersoonRegel(Nieuw("123456782"), coa, brp));

        Assert.Equal(0, r.Signalen);
        await using var db = database.CreateContext();
        Assert.Null((await db.Personen.SingleAsync(x => x.Bsn == "123456782")).GemeenteCode);
    }

    [Fact]
    public async Task A_paused_regime_and_doelgroep_stores_the_person_as_uitgesteld_without_signals()
    {
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        var brp = new BrpFeit { Bsn = "111111110", Gemeente = "GM0599", BerichtId = "B3" };
        var pauze = new HashSet<PauzeSleutel> { new(Domain.Regimes.Regime.Wi2013, Domain.Regimes.Doelgroep.Asielstatushouder) };

        var r = await VerwerkAsync(conn, new PersoonRegel(Nieuw("111111110"), null, brp), pauze);

        Assert.Equal(1, r.Uitgesteld);
        Assert.Equal(0, r.Signalen);
        await using var db = database.CreateContext();
        var p = await db.Personen.SingleAsync(x => x.Bsn == "111111110");
        Assert.Equal(Domain.Verwerking.Verwerkingsstatus.Uitgesteld, p.Status);
        Assert.Null(p.PubUitkomst);
    }
}
