using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Tests.Audit;
using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>
/// A fresh database per test (deadline runs and start-page counts look at everybody), persons made the
/// way production makes them (facts stored, then PersoonBatch), and a fake clock in Amsterdam.
/// </summary>
public abstract class PersonenTestdata : IAsyncLifetime
{
    public const string Amsterdam = "GM0363";
    public const string Rotterdam = "GM0599";
    public const string Cranendonck = "GM1706";

    protected TestDatabase Database { get; } = new();

    private readonly List<WebApplicationFactory<Program>> _webs = [];

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The clock of the handlers under test, at 09:00 Amsterdam; tests move it forward only (<see cref="ZetKlok"/>).</summary>
    protected FakeTimeProvider Klok { get; } = KlokOp(new DateOnly(2026, 1, 5));

    protected DateOnly Vandaag => PibVandaag.Van(Klok);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        DataSource = NpgsqlDataSource.Create(Database.ConnectionString);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var web in _webs)
        {
            await web.DisposeAsync();
        }
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static FakeTimeProvider KlokOp(DateOnly dag)
    {
        var lokaal = dag.ToDateTime(new TimeOnly(9, 0));
        return new FakeTimeProvider(new DateTimeOffset(lokaal, DagPlanning.Amsterdam.GetUtcOffset(lokaal)).ToUniversalTime());
    }

    /// <summary>The real web host on this test's database, with real sign-in cookies and this test's clock; no deadline job.</summary>
    protected WebApplicationFactory<Program> Web()
    {
        var web = new PibWebFactory(Database).MetKlok(Klok)
            .WithWebHostBuilder(b => b.UseSetting("Deadlines:Ingeschakeld", "false"));
        _webs.Add(web);
        return web;
    }

    protected void ZetKlok(DateOnly dag) => Klok.SetUtcNow(KlokOp(dag).GetUtcNow());

    protected GemeenteSessies Sessies() => new(
        new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(Database.ConnectionString).Options), Klok, TestAudit.Log(Klok));

    protected static PibGebruiker Klantmanager(string gemeente) => new("km." + gemeente, "Klantmanager " + gemeente, Rol.Gemeente, GemeenteCode.Parse(gemeente));

    /// <summary>A valid BSN (elfproef) per sequence number.</summary>
    public static string Bsn(int volgnummer)
    {
        for (var prefix = 30_000_000 + volgnummer * 10; ; prefix++)
        {
            var s = prefix.ToString("D8", CultureInfo.InvariantCulture);
            var som = 0;
            for (var i = 0; i < 8; i++)
            {
                som += (9 - i) * (s[i] - '0');
            }
            if (som % 11 < 10)
            {
                return s + (som % 11).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Family migrant, document handed out on <paramref name="document"/>: Wi2021 from 2022, Wi2013 before.</summary>
    protected static Persoon Gezinsmigrant(string bsn, DateOnly document, string naam = "Amina Test") => new()
    {
        Bsn = bsn, Naam = naam, Geboortedatum = new DateOnly(1990, 5, 1), Nationaliteit = "MAR",
        Verblijfsdoel = "gezinshereniging", DatumUitreikingDocument = document,
        Uitkomst = default, RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
    };

    protected static Persoon Asielstatushouder(string bsn, DateOnly bekendmaking, string naam = "Samir Test") => new()
    {
        Bsn = bsn, Naam = naam, Geboortedatum = new DateOnly(1995, 2, 1), Nationaliteit = "SYR",
        Verblijfsdoel = "asiel", DatumBekendmakingBeschikking = bekendmaking,
        Uitkomst = default, RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
    };

    /// <summary>Stores the BRP fact (living in <paramref name="gemeente"/>, not at COA) and processes the person on <paramref name="dag"/>.</summary>
    protected Task VerwerkAsync(Persoon persoon, string gemeente, DateOnly dag, DateOnly? vestiging = null) =>
        VerwerkAsync(persoon, new BrpFeit { Bsn = persoon.Bsn, Gemeente = gemeente, DatumVestiging = vestiging, BerichtId = $"B-{persoon.Bsn}-{dag}" }, null, dag);

    /// <summary>Stores BRP and COA facts as given and processes the person on <paramref name="dag"/>, as a message would.</summary>
    protected async Task VerwerkAsync(Persoon persoon, BrpFeit? brp, CoaFeit? coa, DateOnly dag)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (brp is not null)
        {
            await SqlAsync(conn, "insert into brp_feit (bsn, gemeente, adres_is_coa_locatie, datum_vestiging, bericht_id) values ($1, $2, $3, $4, $5) " +
                "on conflict (bsn) do update set gemeente = excluded.gemeente, adres_is_coa_locatie = excluded.adres_is_coa_locatie, " +
                "datum_vestiging = excluded.datum_vestiging, bericht_id = excluded.bericht_id",
                brp.Bsn, (object?)brp.Gemeente ?? DBNull.Value, brp.AdresIsCoaLocatie, (object?)brp.DatumVestiging ?? DBNull.Value, brp.BerichtId);
        }
        if (coa is not null)
        {
            await SqlAsync(conn, "insert into coa_feit (bsn, locatie, gekoppelde_gemeente, datum_gekoppeld, bericht_id) values ($1, $2, $3, $4, $5) " +
                "on conflict (bsn) do update set locatie = excluded.locatie, gekoppelde_gemeente = excluded.gekoppelde_gemeente, " +
                "datum_gekoppeld = excluded.datum_gekoppeld, bericht_id = excluded.bericht_id",
                coa.Bsn, (object?)coa.Locatie ?? DBNull.Value, (object?)coa.GekoppeldeGemeente ?? DBNull.Value,
                (object?)coa.DatumGekoppeld ?? DBNull.Value, coa.BerichtId);
        }
        var geladen = await PersoonBatch.LaadAsync(conn, [persoon.Bsn], CancellationToken.None);
        var regel = geladen.TryGetValue(persoon.Bsn, out var r) && r.Persoon is not null
            ? r
            : new PersoonRegel(persoon, r?.Coa, r?.Brp, Nieuw: true);
        var context = new Verwerkingscontext(RegimeRegelsets.Huidig, new HashSet<Domain.Verwerking.PauzeSleutel>(), dag,
            new DateTimeOffset(dag.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
        await PersoonBatch.HerbepaalEnSchrijfAsync(conn, [regel], context, CancellationToken.None);
        await tx.CommitAsync();
    }

    private static async Task SqlAsync(NpgsqlConnection conn, string sql, params object[] waarden)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var w in waarden)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = w });
        }
        await cmd.ExecuteNonQueryAsync();
    }

    protected async Task SqlAsync(string sql, params object[] waarden)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await SqlAsync(conn, sql, waarden);
    }

    protected async Task<Persoon> RijAsync(string bsn)
    {
        await using var db = Database.CreateContext();
        return await db.Personen.AsNoTracking().SingleAsync(p => p.Bsn == bsn);
    }

    /// <summary>The person's signals as "code gemeente regime", oldest first.</summary>
    protected async Task<List<string>> SignalenAsync(string bsn)
    {
        await using var db = Database.CreateContext();
        return await db.Signalen.Where(s => s.Bsn == bsn).OrderBy(s => s.Id)
            .Select(s => s.Code + " " + s.GemeenteCode + " " + s.Regime).ToListAsync();
    }

    /// <summary>The disclosures recorded in this test's database, as the audit log holds them (one per event, oldest first).</summary>
    protected Task<List<AuditVerstrekking>> VerstrekkingenAsync() => AuditRijen.VerstrekkingenAsync(Database.ConnectionString);
}
