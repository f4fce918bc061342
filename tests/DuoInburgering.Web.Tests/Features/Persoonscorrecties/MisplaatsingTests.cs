using DuoInburgering.Web.Features.Feiten;
using System.Net;
using System.Text;
using System.Text.Json;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Start;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Tests.Features.Feiten;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Persoonscorrecties;

/// <summary>
/// Issue 5 part 3, through the real host and the real message and import paths: a corrected COA link or BRP
/// registration is not a move. The old municipality loses the person from every view (list, grouped view,
/// counts, person page, downloads, row-level security), gets no SS122, a PIP it registered lapses; the new
/// one is announced; the episode is recorded in misplaatsing. A real move stays a move.
/// </summary>
public sealed class MisplaatsingTests : PersonenTestdata
{
    private const string Ede = "GM0228";
    private static readonly string Bsn1 = Bsn(1);

    private WebApplicationFactory<Program>? _web;

    private WebApplicationFactory<Program> WebHost => _web ??= Web();

    private async Task PostAsync(string bron, object bericht)
    {
        using var client = WebHost.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feiten/{bron}")
        {
            Content = new StringContent(JsonSerializer.Serialize(bericht), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, bron switch
        {
            "ind" => PibWebFactory.IndSleutel,
            "coa" => PibWebFactory.CoaSleutel,
            _ => PibWebFactory.BrpSleutel,
        });
        var antwoord = await client.SendAsync(request);
        Assert.True(antwoord.StatusCode == HttpStatusCode.Accepted, await antwoord.Content.ReadAsStringAsync());
    }

    /// <summary>An asylum status holder at AZC Budel (BRP: Cranendonck, a COA address), linked by COA to <paramref name="gekoppeld"/> on 2025-12-15.</summary>
    private async Task StatushouderInAzcAsync(string gekoppeld)
    {
        await PostAsync("brp", new { bericht_id = "B-1", bsn = Bsn1, gemeente = Cranendonck, adres_is_coa_locatie = "true", datum_vestiging = "2025-11-20" });
        await PostAsync("coa", Coa("C-1", gekoppeld, "2025-12-15"));
        await PostAsync("ind", new Dictionary<string, string?>
        {
            ["bericht_id"] = "I-1", ["bsn"] = Bsn1, ["v_nummer"] = "0099990101", ["naam"] = "Samira Haddad",
            ["geboortedatum"] = "1994-04-04", ["nationaliteit"] = "SYR", ["verblijfsdoel"] = "asiel",
            ["datum_ingang_verblijfsrecht"] = "2025-11-01", ["datum_beschikking"] = "2025-11-25",
            ["datum_bekendmaking_beschikking"] = "2025-12-01", ["datum_uitreiking_document"] = null,
            ["datum_kennisgeving"] = null, ["datum_intrekking"] = null,
        });
    }

    private static object Coa(string berichtId, string gekoppeld, string datum) =>
        new { bericht_id = berichtId, bsn = Bsn1, coa_locatie = "AZC Budel", gekoppelde_gemeente = gekoppeld, datum_gekoppeld = datum };

    private async Task<List<string>> ZichtbaarInLijstAsync(string gemeente)
    {
        var zoeken = WebHost.Services.GetRequiredService<SignalenZoeken>();
        var lijst = await zoeken.ZoekAsync(Klantmanager(gemeente), new SignaalFilter(Regime.Wi2021));
        var groepen = await zoeken.ZoekPerPersoonAsync(Klantmanager(gemeente), new SignaalFilter(Regime.Wi2021));
        return [.. lijst.Rijen.Select(r => "lijst " + r.Bsn + " " + r.Code), .. groepen.Rijen.Select(g => "groep " + g.Bsn)];
    }

    /// <summary>What row-level security lets role pib_gemeente read of this person, as the municipality.</summary>
    private async Task<(long Personen, long Signalen)> OnderRlsAsync(string gemeente)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var sessie = new NpgsqlCommand(
            "select set_config('role', 'pib_gemeente', true), set_config('pib.gemeente', $1, true), set_config('pib.vandaag', $2, true)", conn))
        {
            sessie.Parameters.Add(new NpgsqlParameter { Value = gemeente });
            sessie.Parameters.Add(new NpgsqlParameter { Value = Vandaag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            await sessie.ExecuteNonQueryAsync();
        }
        await using var tel = new NpgsqlCommand("select (select count(*) from persoon where bsn = $1), (select count(*) from signaal where bsn = $1)", conn);
        tel.Parameters.Add(new NpgsqlParameter { Value = Bsn1 });
        await using var r = await tel.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    [Fact]
    public async Task A_corrected_COA_link_takes_the_person_out_of_every_view_of_the_old_municipality_and_announces_them_to_the_new_one()
    {
        await StatushouderInAzcAsync(gekoppeld: Ede);
        Assert.Equal(["SS101 GM0228 Wi2021"], await SignalenAsync(Bsn1));
        // Ede registered a PIP for the person it thought was its own.
        await SqlAsync("update persoon set pip_gemeente_code = $1, pip_dagtekening = $2, pip_leerroute = 'B1Route' where bsn = $3",
            Ede, new DateOnly(2026, 1, 2), Bsn1);
        var ede = WebHost.GemeenteClient(Ede);
        Assert.Equal(HttpStatusCode.OK, (await ede.GetAsync(new Uri($"/gemeente/personen/{Bsn1}", UriKind.Relative))).StatusCode);
        Assert.Contains(Bsn1, await ede.GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.NotEmpty(await ZichtbaarInLijstAsync(Ede));

        // A day later COA corrects its link: same date linked, Amsterdam.
        ZetKlok(new DateOnly(2026, 1, 6));
        await PostAsync("coa", Coa("C-2", Amsterdam, "2025-12-15"));

        // Ede: nothing left, in any view (a new session: the clock moved a day).
        ede = WebHost.GemeenteClient(Ede);
        Assert.Empty(await ZichtbaarInLijstAsync(Ede));
        Assert.Equal(HttpStatusCode.NotFound, (await ede.GetAsync(new Uri($"/gemeente/personen/{Bsn1}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(Bsn1, await ede.GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(Bsn1, await ede.GetStringAsync(new Uri("/gemeente/signalen/ss190.csv", UriKind.Relative)), StringComparison.Ordinal);
        var start = await WebHost.Services.GetRequiredService<StartOverzicht>().LaadAsync(Klantmanager(Ede));
        Assert.Equal(0, start.Omgevingen.Sum(o => o.Totaal));
        Assert.Equal((0L, 0L), await OnderRlsAsync(Ede));

        // Amsterdam: announced as if it had been the right one from the start; no SS122 to anybody.
        Assert.Equal(["SS101 GM0228 Wi2021", "SS101 GM0363 Wi2021"], await SignalenAsync(Bsn1));
        Assert.Contains($"lijst {Bsn1} SS101", await ZichtbaarInLijstAsync(Amsterdam));
        Assert.Equal(HttpStatusCode.OK,
            (await WebHost.GemeenteClient(Amsterdam).GetAsync(new Uri($"/gemeente/personen/{Bsn1}", UriKind.Relative))).StatusCode);
        Assert.Equal((1L, 1L), await OnderRlsAsync(Amsterdam));

        var rij = await RijAsync(Bsn1);
        Assert.Equal((Amsterdam, (Domain.Koppeling.KoppelingBron?)Domain.Koppeling.KoppelingBron.Coa, new DateOnly(2025, 12, 15)), (rij.PubGemeenteCode, rij.PubKoppelingBron, rij.PubKoppelingDatum!.Value));
        Assert.Null(rij.PipGemeenteCode); // Ede's PIP lapsed

        var episode = Assert.Single(await FeitenDb.RijenAsync(Database.ConnectionString,
            "select bsn, oude_gemeente, nieuwe_gemeente, oorzaak, regime, bericht_id, import_id, persoonscorrectie_id, ingetrokken_signalen, " +
            "eerste_signaal_op is not null, vastgesteld_op = @nu, uitleg from misplaatsing", ("nu", Klok.GetUtcNow())));
        Assert.Equal([Bsn1, Ede, Amsterdam, "CoaCorrectie", "Wi2021", "C-2", "∅", "∅", "1", "True", "True"], episode[..^1]);
        Assert.Contains("geen verhuizing", episode[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(Bsn1, episode[^1], StringComparison.Ordinal);
        // Withdrawn, not deleted: kept for the audit.
        Assert.Equal(1L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString,
            "select count(*) from signaal where bsn = @bsn and gemeente_code = @g and ingetrokken_op is not null", ("bsn", Bsn1), ("g", Ede)));
    }

    [Fact]
    public async Task A_corrected_COA_link_during_a_pause_takes_the_person_from_the_old_municipality_at_once_and_the_resume_announces_them()
    {
        await StatushouderInAzcAsync(gekoppeld: Ede);
        var pauzering = WebHost.Services.GetRequiredService<DuoInburgering.Web.Features.Pauzes.Pauzering>();
        await pauzering.PauzeerAsync(Regime.Wi2021, Doelgroep.Asielstatushouder, "duo.beheer", "Incident", default);

        ZetKlok(new DateOnly(2026, 1, 6));
        await PostAsync("coa", Coa("C-2", Amsterdam, "2025-12-15"));

        // The pause holds back the new decision, not the end of a wrong disclosure: Ede sees nothing now,
        // Amsterdam nothing yet, and the episode is recorded.
        Assert.Empty(await ZichtbaarInLijstAsync(Ede));
        Assert.Equal((0L, 0L), await OnderRlsAsync(Ede));
        Assert.Equal((0L, 0L), await OnderRlsAsync(Amsterdam));
        Assert.Equal(1L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString,
            "select count(*) from misplaatsing where bsn = @bsn and oude_gemeente = @g", ("bsn", Bsn1), ("g", Ede)));

        await pauzering.HervatAsync(Regime.Wi2021, Doelgroep.Asielstatushouder, "duo.beheer", "Opgelost", default);

        Assert.Equal(["SS101 GM0228 Wi2021", "SS101 GM0363 Wi2021"], await SignalenAsync(Bsn1));
        Assert.Equal((1L, 1L), await OnderRlsAsync(Amsterdam));
        Assert.Equal((0L, 0L), await OnderRlsAsync(Ede));
        Assert.Equal(1L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString,
            "select count(*) from misplaatsing where bsn = @bsn", ("bsn", Bsn1)));
    }

    [Fact]
    public async Task A_new_link_with_another_date_is_a_move_the_old_municipality_gets_SS122_and_keeps_what_it_had()
    {
        await StatushouderInAzcAsync(gekoppeld: Ede);
        ZetKlok(new DateOnly(2026, 1, 6));

        await PostAsync("coa", Coa("C-2", Amsterdam, "2026-01-06"));

        Assert.Equal(["SS101 GM0228 Wi2021", "SS122 GM0228 Wi2021", "SS120 GM0363 Wi2021"], await SignalenAsync(Bsn1));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString, "select count(*) from misplaatsing"));
        var ede = await ZichtbaarInLijstAsync(Ede);
        Assert.Contains($"lijst {Bsn1} SS101", ede);
        Assert.Contains($"lijst {Bsn1} SS122", ede);
        Assert.Equal((0L, 2L), await OnderRlsAsync(Ede)); // its signals, not the person
    }

    [Fact]
    public async Task A_corrected_BRP_registration_in_a_bulk_import_is_a_correction_recorded_with_its_import_run()
    {
        var bsn = Bsn(2);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2025, 10, 1)), Rotterdam, new DateOnly(2025, 10, 20), vestiging: new DateOnly(2025, 10, 5));
        var anderen = Bsn(3);
        await VerwerkAsync(Gezinsmigrant(anderen, new DateOnly(2025, 10, 1)), Rotterdam, new DateOnly(2025, 10, 20), vestiging: new DateOnly(2025, 10, 5));
        Assert.Equal(["SS139 GM0599 Wi2021"], await SignalenAsync(bsn));

        var pad = Path.Combine(Path.GetTempPath(), $"brp-correctie-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(pad, string.Join('\n',
            FeitSchema.Brp.Kop,
            $"R-2,{bsn},{Amsterdam},false,2025-10-05,,",          // same date of settlement: a correction
            $"R-3,{anderen},{Amsterdam},false,2026-01-03,,") + "\n"); // a new date: a move
        try
        {
            var rapport = await FeitenImport.ImportAsync(DataSource, FeitBron.Brp, pad, Klok, TestAudit.Log(Klok), CancellationToken.None);
            Assert.Equal(2, rapport.Verwerkt);

            Assert.Equal(["SS139 GM0599 Wi2021", "SS139 GM0363 Wi2021"], await SignalenAsync(bsn));
            Assert.Equal(["SS139 GM0599 Wi2021", "SS122 GM0599 Wi2021", "SS120 GM0363 Wi2021"], await SignalenAsync(anderen));
            var episode = Assert.Single(await FeitenDb.RijenAsync(Database.ConnectionString,
                "select bsn, oude_gemeente, nieuwe_gemeente, oorzaak, bericht_id, import_id = @import, ingetrokken_signalen from misplaatsing",
                ("import", rapport.ImportId)));
            Assert.Equal([bsn, Rotterdam, Amsterdam, "BrpCorrectie", "R-2", "True", "1"], episode);
        }
        finally
        {
            File.Delete(pad);
        }
    }

    [Fact]
    public async Task Municipalities_cannot_read_the_breach_episodes_or_the_correction_proposals()
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var rol = new NpgsqlCommand("select set_config('role', 'pib_gemeente', true), set_config('pib.gemeente', 'GM0228', true)", conn))
        {
            await rol.ExecuteNonQueryAsync();
        }
        foreach (var tabel in new[] { "misplaatsing", "persoonscorrectie" })
        {
            await using var sp = new NpgsqlCommand("savepoint s", conn);
            await sp.ExecuteNonQueryAsync();
            await using var lees = new NpgsqlCommand($"select count(*) from {tabel}", conn);
            var fout = await Assert.ThrowsAsync<PostgresException>(() => lees.ExecuteScalarAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
            await using var terug = new NpgsqlCommand("rollback to savepoint s", conn);
            await terug.ExecuteNonQueryAsync();
        }
    }
}
