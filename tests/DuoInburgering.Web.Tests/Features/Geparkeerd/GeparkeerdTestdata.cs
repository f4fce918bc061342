using DuoInburgering.Web.Features.DuoPersoon;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuoInburgering.Web.Tests.Features.Geparkeerd;

/// <summary>
/// The January 2022 story on a fresh database per test, replayed on the test clock (which starts in
/// 2026; only the facts carry 2021/2022 dates): persons are placed under the Wi2021 by the wrong rule
/// set 2021-12 (kennisgeving in January), then a correction is simulated as the correction feature does
/// it: SS190 and withdrawal (<see cref="Wi2021Terugtrekking"/>), parking by SQL, and re-derivation under
/// the corrected rules while parked (uitkomst Wi2013, nothing published).
/// </summary>
public abstract class GeparkeerdTestdata : PersonenTestdata
{
    public const string Utrecht = "GM0344";

    /// <summary>The wrong placement and the correction, before the clock's first release day.</summary>
    protected static readonly DateOnly Plaatsing = new(2026, 1, 5);
    protected static readonly DateOnly Correctie = new(2026, 1, 20);

    /// <summary>The groups are released on this day: day 0 of the 8-week choice term.</summary>
    protected static readonly DateOnly Vrijgave = new(2026, 3, 2);

    private WebApplicationFactory<Program>? _web;

    /// <summary>One real host per test, on this test's database and clock.</summary>
    protected WebApplicationFactory<Program> Host => _web ??= Web();

    protected GeparkeerdeGroepen Groepen => Host.Services.GetRequiredService<GeparkeerdeGroepen>();

    protected RegimeKeuzes Keuzes => Host.Services.GetRequiredService<RegimeKeuzes>();

    protected Pauzering Pauzering => Host.Services.GetRequiredService<Pauzering>();

    /// <summary>Family migrant, document 2021-12-20 (Wi2013 by the law), kennisgeving 2022-01-11 (Wi2021 by the wrong rule).</summary>
    protected static Persoon FoutGezin(string bsn, string naam = "Amina Test")
    {
        var p = Gezinsmigrant(bsn, new DateOnly(2021, 12, 20), naam);
        p.DatumKennisgeving = new DateOnly(2022, 1, 11);
        return p;
    }

    /// <summary>Asylum status holder, permit made known 2021-12-28, kennisgeving 2022-01-11.</summary>
    protected static Persoon FoutAsiel(string bsn, string naam = "Samir Test")
    {
        var p = Asielstatushouder(bsn, new DateOnly(2021, 12, 28), naam);
        p.DatumKennisgeving = new DateOnly(2022, 1, 11);
        return p;
    }

    /// <summary>Stores the BRP fact and derives the person under <paramref name="regels"/> on <paramref name="dag"/>.</summary>
    protected async Task VerwerkOnderAsync(RegimeRegelset regels, Persoon persoon, string gemeente, DateOnly dag)
    {
        await SqlAsync("insert into brp_feit (bsn, gemeente, adres_is_coa_locatie, bericht_id) values ($1, $2, false, $3) " +
            "on conflict (bsn) do update set gemeente = excluded.gemeente, bericht_id = excluded.bericht_id",
            persoon.Bsn, gemeente, $"B-{persoon.Bsn}-{dag:yyyyMMdd}-{gemeente}");
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var geladen = await PersoonBatch.LaadAsync(conn, [persoon.Bsn], CancellationToken.None);
        var regel = geladen.TryGetValue(persoon.Bsn, out var r) && r.Persoon is not null
            ? r
            : new PersoonRegel(persoon, r?.Coa, r?.Brp, Nieuw: true);
        var context = new Verwerkingscontext(regels, new HashSet<PauzeSleutel>(), dag, Moment(dag));
        await PersoonBatch.HerbepaalEnSchrijfAsync(conn, [regel], context, CancellationToken.None);
        await tx.CommitAsync();
    }

    /// <summary>Wrongly placed under the Wi2021 (announced), then corrected: SS190, withdrawn, parked, Wi2013 by the rules.</summary>
    protected async Task FoutGeplaatstEnGeparkeerdAsync(Persoon persoon, string gemeente)
    {
        await VerwerkOnderAsync(Regelset2021_12.Instance, persoon, gemeente, Plaatsing);
        await CorrigeerAsync(persoon.Bsn);
        await VerwerkOnderAsync(RegimeRegelsets.Huidig, persoon, gemeente, Correctie);
    }

    /// <summary>What the correction does to a person leaving the Wi2021, in one transaction.</summary>
    protected async Task<int> CorrigeerAsync(params string[] bsns)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var ss190 = await Wi2021Terugtrekking.TrekTerugAsync(conn, bsns, Correctie, Moment(Correctie), new Verwerkingsaudit(Moment(Correctie)), CancellationToken.None);
        await using (var park = new Npgsql.NpgsqlCommand("update persoon set geparkeerd = true where bsn = any($1)", conn))
        {
            park.Parameters.Add(new Npgsql.NpgsqlParameter { Value = bsns });
            await park.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return ss190;
    }

    protected static DateTimeOffset Moment(DateOnly dag) => new(dag.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

    /// <summary>The person's signals as "code gemeente regime", with " (ingetrokken)" when withdrawn; oldest first.</summary>
    protected async Task<List<string>> AlleSignalenAsync(string bsn)
    {
        await using var db = Database.CreateContext();
        return await db.Signalen.Where(s => s.Bsn == bsn).OrderBy(s => s.Id)
            .Select(s => s.Code + " " + s.GemeenteCode + " " + s.Regime + (s.IngetrokkenOp != null ? " (ingetrokken)" : "")).ToListAsync();
    }

    protected async Task<List<Vrijgave>> VrijgavenAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Vrijgaven.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
    }

    protected async Task<List<RegimeKeuzeRegistratie>> KeuzeRegistratiesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.RegimeKeuzes.AsNoTracking().OrderBy(k => k.Bsn).ToListAsync();
    }

    protected async Task<string> PersoonPaginaAsync(string gemeente, string bsn, System.Net.HttpStatusCode verwacht)
    {
        using var client = Host.GemeenteClient(gemeente);
        var antwoord = await client.GetAsync(new Uri($"/gemeente/personen/{bsn}", UriKind.Relative));
        Assert.Equal(verwacht, antwoord.StatusCode);
        return await antwoord.Content.ReadAsStringAsync();
    }
}
