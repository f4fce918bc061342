using System.Net;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Persoonscorrecties;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Feiten;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PersoonscorrectieDienst = DuoInburgering.Web.Features.Persoonscorrecties.Persoonscorrecties;

namespace DuoInburgering.Web.Tests.Features.Persoonscorrecties;

/// <summary>
/// Issue 5 part 5: a single-person correction is proposed with a reason, shows its effect, and is applied only
/// when another DUO user approves it; the proposer can never approve (code and database); a proposal is
/// decided once; a rejection keeps its reason and changes nothing. Real host, real database, fake clock.
/// </summary>
public sealed class PersoonscorrectieTests : PersonenTestdata
{
    private static readonly PibGebruiker Beheer = new("duo.beheer", "Functioneel beheer DUO", Rol.Duo, null);
    private static readonly PibGebruiker Controle = new("duo.controle", "Controleur DUO", Rol.Duo, null);
    private static readonly PibGebruiker Uitvoering = new("duo.uitvoering", "Uitvoering DUO", Rol.Duo, null);
    private static readonly DateOnly Verwerkt = new(2022, 1, 25);

    private WebApplicationFactory<Program>? _web;

    private WebApplicationFactory<Program> WebHost => _web ??= Web();

    private PersoonscorrectieDienst Dienst => WebHost.Services.GetRequiredService<PersoonscorrectieDienst>();

    /// <summary>The January 2022 case: beschikking made known 2022-01-10 (Wi2021), living in Rotterdam.</summary>
    private async Task<string> StatushouderAsync(int volgnummer = 11)
    {
        var bsn = Bsn(volgnummer);
        await VerwerkAsync(Asielstatushouder(bsn, new DateOnly(2022, 1, 10)), Rotterdam, Verwerkt, vestiging: new DateOnly(2022, 1, 20));
        return bsn;
    }

    private async Task<CorrectieInvoer> InvoerAsync(string bsn, Action<CorrectieInvoer> wijzig, string? reden)
    {
        var gevonden = Assert.IsType<Opzoeking.Gevonden>(await Dienst.ZoekAsync(Beheer, bsn));
        var invoer = CorrectieInvoer.Van(gevonden.Dossier.Feiten);
        wijzig(invoer);
        invoer.Reden = reden;
        return invoer;
    }

    private async Task<long> StelVoorAsync(string bsn, Action<CorrectieInvoer> wijzig, string reden = "IND-dossier: beschikking op 28 december uitgereikt.")
    {
        var resultaat = await Dienst.StelVoorAsync(Beheer, bsn, await InvoerAsync(bsn, wijzig, reden));
        return Assert.IsType<Voorstelresultaat.Berekend>(resultaat).Id!.Value;
    }

    private Task<List<string[]>> VoorstelRijAsync(long id) => FeitenDb.RijenAsync(Database.ConnectionString,
        "select status, voorgesteld_door, besloten_door, afwijzingsreden, reden from persoonscorrectie where id = @id", ("id", id));

    private Task<string> PersoonAsync(string bsn) => FeitenDb.ScalarAsync<string>(Database.ConnectionString,
        "select concat_ws('|', uitkomst, pub_uitkomst, datum_bekendmaking_beschikking, pub_gemeente_code, geparkeerd, bijgewerkt_op) from persoon where bsn = @bsn",
        ("bsn", bsn));

    /// <summary>The person's signals as "code gemeente regime" with "(ingetrokken)" for those withdrawn, oldest first.</summary>
    private Task<List<string[]>> AlleSignalenAsync(string bsn) => FeitenDb.RijenAsync(Database.ConnectionString,
        "select code || ' ' || gemeente_code || ' ' || regime || case when ingetrokken_op is null then '' else ' (ingetrokken)' end " +
        "from signaal where bsn = @bsn order by id", ("bsn", bsn));

    [Fact]
    public async Task A_proposal_changes_nothing_until_another_DUO_user_approves_it_and_then_the_person_leaves_Wi2021_for_Wi2013()
    {
        var bsn = await StatushouderAsync();
        var voor = await PersoonAsync(bsn);
        var signalenVoor = await AlleSignalenAsync(bsn);
        Assert.Equal([["SS139 GM0599 Wi2021"]], signalenVoor);

        // The effect first: the pure rules, both explanations, nothing written.
        var invoer = await InvoerAsync(bsn, i => i.Bekendmaking = "2021-12-28", "IND-dossier: beschikking op 28 december uitgereikt.");
        var effect = Assert.IsType<Voorstelresultaat.Berekend>(await Dienst.BerekenAsync(Beheer, bsn, invoer)).Effect;
        Assert.Equal(("Wi2021", "Wi2013"), (effect.OudBesluit.Uitkomst.ToString(), effect.NieuwBesluit.Uitkomst.ToString()));
        Assert.Contains("2022-01-10", effect.OudBesluit.Reden, StringComparison.Ordinal);
        Assert.Contains("2021-12-28", effect.NieuwBesluit.Reden, StringComparison.Ordinal);
        Assert.True(effect.VerlaatWi2021);
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString, "select count(*) from persoonscorrectie"));

        var id = await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-28");
        Assert.Equal(voor, await PersoonAsync(bsn));
        Assert.Equal(signalenVoor, await AlleSignalenAsync(bsn));

        // The proposer may not approve.
        var zelf = Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.KeurGoedAsync(Beheer, id));
        Assert.Equal(PersoonscorrectieDienst.EigenVoorstelMelding, zelf.Melding);
        Assert.Equal("Open", (await VoorstelRijAsync(id))[0][0]);
        Assert.Equal(voor, await PersoonAsync(bsn));

        // Another DUO user does, later that day.
        Klok.Advance(TimeSpan.FromHours(2));
        var besloten = Assert.IsType<Besluitresultaat.Besloten>(await Dienst.KeurGoedAsync(Controle, id));
        Assert.Equal(CorrectieStatus.Goedgekeurd, besloten.Status);
        Assert.Equal(2, besloten.Signalen);

        var rij = await RijAsync(bsn);
        Assert.Equal((Domain.Regimes.RegimeUitkomst.Wi2013, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2013, new DateOnly(2021, 12, 28), Rotterdam, false),
            (rij.Uitkomst, rij.PubUitkomst, rij.DatumBekendmakingBeschikking!.Value, rij.PubGemeenteCode, rij.Geparkeerd));
        Assert.Contains("2021-12-28", rij.Reden, StringComparison.Ordinal);
        // SS190 in Rotterdam's Wi2021 environment, the other Wi2021 signal withdrawn, announced under Wi2013 (not parked).
        Assert.Equal([["SS139 GM0599 Wi2021 (ingetrokken)"], ["SS190 GM0599 Wi2021"], ["SS101 GM0599 Wi2013"]], await AlleSignalenAsync(bsn));
        Assert.Equal(["Goedgekeurd", "duo.beheer", "duo.controle", "∅", "IND-dossier: beschikking op 28 december uitgereikt."], (await VoorstelRijAsync(id))[0]);

        // Decided once.
        var opnieuw = Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.KeurGoedAsync(Uitvoering, id));
        Assert.StartsWith($"Voorstel {id} is al goedgekeurd door duo.controle op ", opnieuw.Melding, StringComparison.Ordinal);
        Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.WijsAfAsync(Uitvoering, id, "Toch niet"));
        Assert.Equal(3, (await AlleSignalenAsync(bsn)).Count);

        // The list: who, when, why, what.
        var regel = Assert.Single(await Dienst.LijstAsync(Uitvoering));
        Assert.Equal((id, bsn, CorrectieStatus.Goedgekeurd, "duo.beheer", "duo.controle"),
            (regel.Id, regel.Bsn, regel.Status, regel.VoorgesteldDoor, regel.BeslotenDoor));
        Assert.Equal(["Datum bekendmaking beschikking: 2022-01-10 → 2021-12-28"], regel.Wijzigingen);
        Assert.Equal(Klok.GetUtcNow(), regel.BeslotenOp);
        Assert.Equal(Klok.GetUtcNow() - TimeSpan.FromHours(2), regel.VoorgesteldOp);
    }

    [Fact]
    public async Task The_database_itself_refuses_self_approval_and_any_change_to_a_decided_proposal()
    {
        var bsn = await StatushouderAsync();
        var id = await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-28");

        var vierOgen = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(
            "update persoonscorrectie set status = 'Goedgekeurd', besloten_door = voorgesteld_door, besloten_op = now() where id = $1", id));
        Assert.Equal((PostgresErrorCodes.CheckViolation, "CK_persoonscorrectie_vier_ogen"), (vierOgen.SqlState, vierOgen.ConstraintName));
        var zonderReden = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(
            "update persoonscorrectie set status = 'Afgewezen', besloten_door = 'duo.controle', besloten_op = now(), afwijzingsreden = ' ' where id = $1", id));
        Assert.Equal("CK_persoonscorrectie_afwijzingsreden", zonderReden.ConstraintName);
        var leeg = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(
            "insert into persoonscorrectie (bsn, status, reden, voorgesteld_door, voorgesteld_op, feiten_voor, feiten_na, oude_uitkomst, nieuwe_uitkomst, " +
            "oude_reden, nieuwe_reden, oude_koppeling_reden, nieuwe_koppeling_reden, verlaat_wi2021) " +
            "values ($1, 'Open', '  ', 'duo.beheer', now(), '{}', '{}', 'x', 'x', 'x', 'x', 'x', 'x', false)", Bsn(99)));
        Assert.Equal("CK_persoonscorrectie_reden", leeg.ConstraintName);

        Assert.IsType<Besluitresultaat.Besloten>(await Dienst.WijsAfAsync(Controle, id, "Het IND-dossier zegt 10 januari."));
        var wijziging = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(
            "update persoonscorrectie set afwijzingsreden = 'anders' where id = $1", id));
        Assert.Contains("al besloten", wijziging.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("delete from persoonscorrectie where id = $1", id));
        Assert.Equal(["Afgewezen", "duo.beheer", "duo.controle", "Het IND-dossier zegt 10 januari.", "IND-dossier: beschikking op 28 december uitgereikt."],
            (await VoorstelRijAsync(id))[0]);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_keeps_it_and_changes_nothing_about_the_person()
    {
        var bsn = await StatushouderAsync();
        var id = await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-28");
        var voor = await PersoonAsync(bsn);
        var signalen = await AlleSignalenAsync(bsn);

        var zonder = Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.WijsAfAsync(Controle, id, "   "));
        Assert.StartsWith("Geef een reden voor de afwijzing", zonder.Melding, StringComparison.Ordinal);
        Assert.Equal("Open", (await VoorstelRijAsync(id))[0][0]);
        var zelf = Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.WijsAfAsync(Beheer, id, "Ik trek het in"));
        Assert.Equal(PersoonscorrectieDienst.EigenVoorstelMelding, zelf.Melding);

        Assert.IsType<Besluitresultaat.Besloten>(await Dienst.WijsAfAsync(Controle, id, "Het IND-dossier zegt 10 januari."));

        Assert.Equal(["Afgewezen", "duo.beheer", "duo.controle", "Het IND-dossier zegt 10 januari."], (await VoorstelRijAsync(id))[0][..4]);
        Assert.Equal(voor, await PersoonAsync(bsn));
        Assert.Equal(signalen, await AlleSignalenAsync(bsn));
        Assert.Equal("Het IND-dossier zegt 10 januari.", Assert.Single(await Dienst.LijstAsync(Controle)).Afwijzingsreden);
        // A new proposal may follow a decided one.
        Assert.True(await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-30") > id);
    }

    [Fact]
    public async Task A_missing_reason_an_invalid_BSN_an_unknown_BSN_and_a_second_open_proposal_get_Dutch_messages_and_store_nothing()
    {
        var bsn = await StatushouderAsync();

        var zonderReden = Assert.IsType<Voorstelresultaat.Ongeldig>(
            await Dienst.StelVoorAsync(Beheer, bsn, await InvoerAsync(bsn, i => i.Bekendmaking = "2021-12-28", reden: "  ")));
        Assert.Contains(zonderReden.Fouten, f => f.Veld == "reden" && f.Melding.StartsWith("Geef een reden voor de correctie", StringComparison.Ordinal));
        var nietsGewijzigd = Assert.IsType<Voorstelresultaat.Ongeldig>(
            await Dienst.StelVoorAsync(Beheer, bsn, await InvoerAsync(bsn, _ => { }, reden: "Controle")));
        Assert.Contains(nietsGewijzigd.Fouten, f => f.Melding == "Het voorstel wijzigt niets: pas ten minste één feit aan.");
        var onleesbaar = Assert.IsType<Voorstelresultaat.Ongeldig>(
            await Dienst.StelVoorAsync(Beheer, bsn, await InvoerAsync(bsn, i => { i.Bekendmaking = "28-12-2021"; i.BrpGemeente = "GM9999"; }, reden: null)));
        Assert.Contains(onleesbaar.Fouten, f => f.Veld == "bekendmaking" && f.Melding == "Geen geldige datum; gebruik jjjj-mm-dd.");
        Assert.Contains(onleesbaar.Fouten, f => f.Veld == "reden");
        var onbekendeGemeente = Assert.IsType<Voorstelresultaat.Ongeldig>(
            await Dienst.StelVoorAsync(Beheer, bsn, await InvoerAsync(bsn, i => i.BrpGemeente = "GM9999", reden: "Verhuisd")));
        Assert.Contains(onbekendeGemeente.Fouten, f => f.Veld == "brp" && f.Melding.StartsWith("Onbekende gemeente GM9999", StringComparison.Ordinal));

        Assert.Equal("BSN voldoet niet aan de elfproef.", Assert.IsType<Opzoeking.Ongeldig>(await Dienst.ZoekAsync(Beheer, "123456788")).Melding);
        Assert.Equal("BSN moet uit precies 9 cijfers bestaan.", Assert.IsType<Opzoeking.Ongeldig>(await Dienst.ZoekAsync(Beheer, "12345")).Melding);
        Assert.Equal("BSN ontbreekt.", Assert.IsType<Opzoeking.Ongeldig>(await Dienst.ZoekAsync(Beheer, " ")).Melding);
        Assert.Equal("Geen inburgeraar gevonden met dit BSN.", Assert.IsType<Opzoeking.NietGevonden>(await Dienst.ZoekAsync(Beheer, Bsn(98))).Melding);
        var ongeldigBsn = Assert.IsType<Voorstelresultaat.Ongeldig>(await Dienst.StelVoorAsync(Beheer, "123456788", new CorrectieInvoer { Reden = "x" }));
        Assert.Equal("BSN voldoet niet aan de elfproef.", Assert.Single(ongeldigBsn.Fouten).Melding);

        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString, "select count(*) from persoonscorrectie"));

        await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-28");
        var tweede = Assert.IsType<Voorstelresultaat.Ongeldig>(
            await Dienst.StelVoorAsync(Controle, bsn, await InvoerAsync(bsn, i => i.Bekendmaking = "2021-12-30", "Andere datum")));
        Assert.StartsWith("Er staat al een voorstel open voor deze persoon", Assert.Single(tweede.Fouten).Melding, StringComparison.Ordinal);
        Assert.Equal(1L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString, "select count(*) from persoonscorrectie"));
    }

    [Fact]
    public async Task Of_two_approvals_at_once_one_applies_and_the_other_is_told_in_Dutch()
    {
        var bsn = await StatushouderAsync();
        var id = await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-28");

        var uitkomsten = await Task.WhenAll(Dienst.KeurGoedAsync(Controle, id), Dienst.KeurGoedAsync(Uitvoering, id));

        Assert.Single(uitkomsten.OfType<Besluitresultaat.Besloten>());
        var verloren = Assert.Single(uitkomsten.OfType<Besluitresultaat.Geweigerd>());
        Assert.Matches($"^Voorstel {id} is al goedgekeurd door duo\\.(controle|uitvoering) op .*; een voorstel wordt één keer besloten\\.$", verloren.Melding);
        Assert.Equal(1L, await FeitenDb.ScalarAsync<long>(Database.ConnectionString,
            "select count(*) from signaal where bsn = @bsn and code = 'SS190'", ("bsn", bsn)));
    }

    [Fact]
    public async Task An_approval_on_facts_that_changed_since_the_proposal_applies_nothing()
    {
        var bsn = await StatushouderAsync();
        var id = await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-28");
        // A newer IND message arrived in between.
        await SqlAsync("update persoon set datum_bekendmaking_beschikking = '2022-01-12' where bsn = $1", bsn);
        var voor = await PersoonAsync(bsn);

        var geweigerd = Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.KeurGoedAsync(Controle, id));

        Assert.StartsWith("De feiten van deze persoon zijn gewijzigd sinds het voorstel", geweigerd.Melding, StringComparison.Ordinal);
        Assert.Equal("Open", (await VoorstelRijAsync(id))[0][0]);
        Assert.Equal(voor, await PersoonAsync(bsn));
    }

    [Fact]
    public async Task A_corrected_municipality_is_a_misplaatsing_the_old_one_loses_the_person_and_gets_no_SS122()
    {
        var bsn = Bsn(21);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2025, 10, 1)), Rotterdam, new DateOnly(2025, 10, 20), vestiging: new DateOnly(2025, 10, 5));
        var id = await StelVoorAsync(bsn, i => i.BrpGemeente = Amsterdam, "Verkeerd overgenomen uit de BRP; de persoon woont sinds 5 oktober in Amsterdam.");

        Assert.IsType<Besluitresultaat.Besloten>(await Dienst.KeurGoedAsync(Controle, id));

        Assert.Equal([["SS139 GM0599 Wi2021 (ingetrokken)"], ["SS139 GM0363 Wi2021"]], await AlleSignalenAsync(bsn));
        Assert.Equal(Amsterdam, (await RijAsync(bsn)).PubGemeenteCode);
        Assert.Equal($"DUO-PC-{id}", await FeitenDb.ScalarAsync<string>(Database.ConnectionString, "select bericht_id from brp_feit where bsn = @bsn", ("bsn", bsn)));
        var episode = Assert.Single(await FeitenDb.RijenAsync(Database.ConnectionString,
            "select oude_gemeente, nieuwe_gemeente, oorzaak, persoonscorrectie_id = @id, bericht_id, ingetrokken_signalen from misplaatsing", ("id", id)));
        Assert.Equal([Rotterdam, Amsterdam, "DuoCorrectie", "True", $"DUO-PC-{id}", "1"], episode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await WebHost.GemeenteClient(Rotterdam).GetAsync(new Uri($"/gemeente/personen/{bsn}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("duo.beheer", "ok")]
    [InlineData("duo.controle", "ok")]
    [InlineData("km.amsterdam", "/geen-toegang")]
    [InlineData("fg.auditor", "/geen-toegang")]
    [InlineData(null, "/inloggen")]
    public async Task Only_DUO_opens_the_page(string? gebruiker, string verwacht)
    {
        using var client = gebruiker is null ? Aanmelding.Anoniem(WebHost) : Aanmelding.Als(WebHost, gebruiker);

        var antwoord = await client.GetAsync(new Uri("/duo/persoonscorrecties", UriKind.Relative));

        if (verwacht == "ok")
        {
            Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
            var html = await antwoord.Content.ReadAsStringAsync();
            Assert.Matches("<h1[^>]*>Persoonscorrecties</h1>", html);
            Assert.Contains("Persoon opzoeken", html, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.Equal($"{verwacht}?returnUrl=%2Fduo%2Fpersoonscorrecties", antwoord.Headers.Location?.PathAndQuery);
        if (gebruiker is not null)
        {
            var pagina = await client.GetAsync(antwoord.Headers.Location!);
            Assert.Equal(HttpStatusCode.Forbidden, pagina.StatusCode);
            Assert.DoesNotContain("Persoon opzoeken", await pagina.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_handlers_refuse_anyone_but_DUO_whatever_the_page_did()
    {
        var bsn = await StatushouderAsync();
        var id = await StelVoorAsync(bsn, i => i.Bekendmaking = "2021-12-28");
        var klantmanager = Klantmanager(Rotterdam);

        Assert.IsType<Opzoeking.Ongeldig>(await Dienst.ZoekAsync(klantmanager, bsn));
        Assert.IsType<Voorstelresultaat.Ongeldig>(await Dienst.StelVoorAsync(klantmanager, bsn, new CorrectieInvoer()));
        Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.KeurGoedAsync(klantmanager, id));
        Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.WijsAfAsync(klantmanager, id, "nee"));
        Assert.Empty(await Dienst.LijstAsync(klantmanager));
        Assert.Equal("Open", (await VoorstelRijAsync(id))[0][0]);
    }
}
