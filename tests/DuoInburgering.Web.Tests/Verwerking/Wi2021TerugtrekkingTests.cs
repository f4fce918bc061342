using DuoInburgering.Web.Tests.Features.Geparkeerd;
using System.Net;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Features.Start;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Verwerking;

/// <summary>
/// Leaving the Wi2021: an SS190 for every municipality that still shows Wi2021 signals about the person,
/// the rest withdrawn, and withdrawn signals gone from every municipal view (list, downloads, start
/// page, person page), while the SS190 stays.
/// </summary>
public sealed class Wi2021TerugtrekkingTests : GeparkeerdTestdata
{
    [Fact]
    public async Task Every_municipality_with_Wi2021_signals_gets_one_SS190_and_the_other_signals_leave_every_view()
    {
        string verhuisd = Bsn(1), ander = Bsn(2);
        // Announced in Amsterdam, then moved to Rotterdam: both hold Wi2021 signals about the person.
        await VerwerkOnderAsync(Regelset2021_12.Instance, FoutGezin(verhuisd, "Amina Verhuisd"), Amsterdam, Plaatsing);
        await VerwerkOnderAsync(Regelset2021_12.Instance, FoutGezin(verhuisd, "Amina Verhuisd"), Rotterdam, Plaatsing.AddDays(7));
        await VerwerkOnderAsync(Regelset2021_12.Instance, FoutGezin(ander, "Bram Blijft"), Rotterdam, Plaatsing);
        await SqlAsync("update signaal set afgehandeld_op = now(), afgehandeld_door = 'km' where bsn = $1 and code = 'SS139'", verhuisd);
        Assert.Equal(["SS139 GM0363 Wi2021", "SS122 GM0363 Wi2021", "SS120 GM0599 Wi2021"], await AlleSignalenAsync(verhuisd));

        int eerste, tweede;
        await using (var conn = await DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            eerste = await Wi2021Terugtrekking.TrekTerugAsync(conn, [verhuisd], Correctie, Moment(Correctie), new Verwerkingsaudit(Moment(Correctie)), CancellationToken.None);
            // Twice in a row (a resumed run): everybody was told already, nothing more is written.
            tweede = await Wi2021Terugtrekking.TrekTerugAsync(conn, [verhuisd, verhuisd], Correctie, Moment(Correctie), new Verwerkingsaudit(Moment(Correctie)), CancellationToken.None);
            await tx.CommitAsync();
        }

        Assert.Equal((2, 0), (eerste, tweede));
        Assert.Equal(
            ["SS139 GM0363 Wi2021 (ingetrokken)", "SS122 GM0363 Wi2021 (ingetrokken)", "SS120 GM0599 Wi2021 (ingetrokken)",
             "SS190 GM0363 Wi2021", "SS190 GM0599 Wi2021"],
            await AlleSignalenAsync(verhuisd));
        Assert.Equal(["SS139 GM0599 Wi2021"], await AlleSignalenAsync(ander));
        await using (var db = Database.CreateContext())
        {
            var ss190 = db.Signalen.First(s => s.Bsn == verhuisd && s.Code == Domain.Signalen.SignaalCode.SS190);
            Assert.Equal((SignaalCatalogus.Naam(SignaalCode.SS190), Correctie), (ss190.Toelichting, ss190.Datum));
        }

        // The views: list download, SS190 list, start page, person page.
        ZetKlok(Vrijgave);
        using var amsterdam = Host.GemeenteClient(Amsterdam);
        using var rotterdam = Host.GemeenteClient(Rotterdam);
        Assert.Equal(["SS190"], await CodesInDownloadAsync(amsterdam, "/gemeente/signalen/wi2021/download.csv", verhuisd));
        Assert.Equal(["SS190"], await CodesInDownloadAsync(rotterdam, "/gemeente/signalen/wi2021/download.csv", verhuisd));
        Assert.Equal(["SS139"], await CodesInDownloadAsync(rotterdam, "/gemeente/signalen/wi2021/download.csv", ander));
        Assert.Contains(verhuisd, await amsterdam.GetStringAsync(new Uri("/gemeente/signalen/ss190.csv", UriKind.Relative)), StringComparison.Ordinal);
        var start = await new StartOverzicht(Sessies(), Klok, new DeadlineOpties(false, new TimeOnly(2, 0), DeadlineInstellingen.Standaard))
            .LaadAsync(Klantmanager(Amsterdam));
        Assert.Equal([("SS190", 1)], start.Omgevingen.Single(o => o.Regime == Regime.Wi2021).Codes.Select(c => (c.Code, c.Totaal)));
        // Rotterdam still holds the person (not re-derived here): the page shows the SS190 and nothing withdrawn.
        var pagina = await PersoonPaginaAsync(Rotterdam, verhuisd, HttpStatusCode.OK);
        Assert.Contains("SS190", pagina, StringComparison.Ordinal);
        Assert.DoesNotContain("SS120", pagina, StringComparison.Ordinal);

        // Underneath, row-level security agrees: as pib_gemeente for Amsterdam only the SS190 is there.
        await using var sessie = await DataSource.OpenConnectionAsync();
        await using var rls = await sessie.BeginTransactionAsync();
        await using (var rol = new NpgsqlCommand("set local role pib_gemeente; select set_config('pib.gemeente', 'GM0363', true)", sessie))
        {
            await rol.ExecuteNonQueryAsync();
        }
        await using var cmd = new NpgsqlCommand("select string_agg(code, ',') from signaal where bsn = $1", sessie);
        cmd.Parameters.Add(new NpgsqlParameter { Value = verhuisd });
        Assert.Equal("SS190", await cmd.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("regime_keuze")]
    [InlineData("vrijgave")]
    public async Task Municipalities_may_not_read_releases_or_choices(string tabel)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var rol = new NpgsqlCommand("set local role pib_gemeente", conn))
        {
            await rol.ExecuteNonQueryAsync();
        }
        await using var cmd = new NpgsqlCommand($"select count(*) from {tabel}", conn);
        var fout = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
    }

    private static async Task<List<string>> CodesInDownloadAsync(HttpClient client, string pad, string bsn) =>
        [.. (await client.GetStringAsync(new Uri(pad, UriKind.Relative))).Split("\r\n")
            .Where(l => l.StartsWith(bsn, StringComparison.Ordinal)).Select(l => l.Split(';')[2])];
}
