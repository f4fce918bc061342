using DuoInburgering.Web.Features.DuoPersoon;
using DuoInburgering.Web.Features.Feiten;
using System.Net;
using System.Text;
using System.Text.Json;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Geparkeerd;

/// <summary>A person's choice under the overgangsregeling 2022, registered by DUO on the real host and database.</summary>
public sealed class RegimeKeuzeTests : GeparkeerdTestdata
{
    private static readonly CancellationToken Geen = CancellationToken.None;

    [Fact]
    public async Task An_asylum_status_holder_who_stayed_Wi2021_opts_out_to_Wi2013_with_SS190_withdrawal_and_the_Wi2013_announcement()
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutAsiel(bsn, "Samir Keuze"), Amsterdam);
        ZetKlok(Vrijgave);
        await Groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Asielstatushouder, true, "duo.beheer", "Besluit: blijft Wi2021", Geen);
        ZetKlok(Vrijgave.AddDays(120)); // the opt-out has no term

        var r = await Keuzes.RegistreerAsync(bsn, Regime.Wi2013, "duo.beheer", "Brief van de inburgeraar", Geen);

        Assert.Equal(new KeuzeResultaat(Regime.Wi2021, Regime.Wi2013, 1, 1, "Keuze voor de Wi2013 geregistreerd op 2026-06-30 (overgangsregeling 2022)"), r);
        Assert.Equal(
            [
                "SS139 GM0363 Wi2021 (ingetrokken)", "SS190 GM0363 Wi2021",   // the correction
                "SS139 GM0363 Wi2021 (ingetrokken)",                          // the release "blijft Wi2021", withdrawn by the choice
                "SS190 GM0363 Wi2021",                                        // the choice: leaving Wi2021
                "SS101 GM0363 Wi2013",                                        // and the announcement in Wi2013
            ],
            await AlleSignalenAsync(bsn));
        var rij = await RijAsync(bsn);
        Assert.Equal((Domain.Regimes.RegimeUitkomst.Wi2013, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2013, (Domain.Overgang.KeuzeSoort?)Domain.Overgang.KeuzeSoort.Keuze, (Domain.Regimes.Regime?)Domain.Regimes.Regime.Wi2013, (DateOnly?)Vandaag), (rij.Uitkomst, rij.PubUitkomst, rij.KeuzeSoort, rij.KeuzeRegime, rij.KeuzeDatum));
        Assert.StartsWith("Keuze voor de Wi2013 geregistreerd op 2026-06-30 (overgangsregeling 2022); volgens de regels: Asielstatushouder", rij.Reden, StringComparison.Ordinal);
        var k = Assert.Single(await KeuzeRegistratiesAsync());
        Assert.Equal((bsn, Domain.Regimes.Regime.Wi2013, Domain.Regimes.Regime.Wi2021, "duo.beheer", "Brief van de inburgeraar", 1, 1), (k.Bsn, k.Regime, k.VorigRegime, k.Door, k.Reden, k.Ss190, k.Signalen));

        // Amsterdam sees the person under the Wi2013 with the toelichting; of the Wi2021 only the SS190s remain.
        var pagina = await PersoonPaginaAsync(Amsterdam, bsn, HttpStatusCode.OK);
        Assert.Contains("Keuze voor de Wi2013 geregistreerd op 2026-06-30", pagina, StringComparison.Ordinal);
        Assert.DoesNotContain("SS139", pagina, StringComparison.Ordinal);
        using var amsterdam = Host.GemeenteClient(Amsterdam);
        var wi2021 = await amsterdam.GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative));
        Assert.Equal(["SS190", "SS190"], wi2021.Split("\r\n").Where(l => l.StartsWith(bsn, StringComparison.Ordinal)).Select(l => l.Split(';')[2]));
    }

    [Fact]
    public async Task Opting_in_to_Wi2021_works_on_day_56_and_is_refused_on_day_57_with_the_reason_and_nothing_changed()
    {
        string opTijd = Bsn(1), teLaat = Bsn(2);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(opTijd), Utrecht);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(teLaat), Utrecht);
        ZetKlok(Vrijgave);
        await Groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant, false, "duo.beheer", "Herstart gezinsmigranten", Geen);

        ZetKlok(Vrijgave.AddDays(56));
        var r = await Keuzes.RegistreerAsync(opTijd, Regime.Wi2021, "duo.beheer", "Formulier opt-in ontvangen", Geen);

        Assert.Equal((Regime.Wi2013, Regime.Wi2021, 0, 2), (r.Van, r.Naar, r.Ss190, r.Signalen));
        Assert.Equal(["SS139 GM0344 Wi2021 (ingetrokken)", "SS190 GM0344 Wi2021", "SS101 GM0344 Wi2013", "SS110 GM0344 Wi2013", "SS139 GM0344 Wi2021"],
            await AlleSignalenAsync(opTijd));
        await using (var db = Database.CreateContext())
        {
            var ss110 = db.Signalen.Single(s => s.Bsn == opTijd && s.Code == Domain.Signalen.SignaalCode.SS110);
            Assert.Equal("Inburgeringsplicht onder de Wi2013 beëindigd: keuze voor de Wi2021 geregistreerd op 2026-04-27 (overgangsregeling 2022); "
                + "de persoon staat voortaan in de Wi2021-omgeving.", ss110.Toelichting);
        }
        Assert.Equal((Domain.Regimes.RegimeUitkomst.Wi2021, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2021), ((await RijAsync(opTijd)).Uitkomst, (await RijAsync(opTijd)).PubUitkomst));

        ZetKlok(Vrijgave.AddDays(57));
        var voor = (await RijAsync(teLaat), await AlleSignalenAsync(teLaat));
        var fout = await Assert.ThrowsAsync<DuoActieException>(() =>
            Keuzes.RegistreerAsync(teLaat, Regime.Wi2021, "duo.beheer", "Formulier te laat ontvangen", Geen));

        Assert.Equal("De keuzetermijn van 8 weken is verstreken: vrijgegeven op 2026-03-02, kiezen voor de Wi2021 kon tot en met 2026-04-27 (vandaag is dag 57).",
            fout.Message);
        var na = await RijAsync(teLaat);
        Assert.Equal((voor.Item1.Uitkomst, voor.Item1.PubUitkomst, voor.Item1.Reden, (Domain.Overgang.KeuzeSoort?)null, voor.Item1.BijgewerktOp),
            (na.Uitkomst, na.PubUitkomst, na.Reden, na.KeuzeSoort, na.BijgewerktOp));
        Assert.Equal(voor.Item2, await AlleSignalenAsync(teLaat));
        Assert.Equal([opTijd], (await KeuzeRegistratiesAsync()).Select(k => k.Bsn));
    }

    [Fact]
    public async Task A_second_choice_is_refused_and_a_later_IND_message_keeps_the_first()
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(bsn, "Amina Eerst"), Utrecht);
        ZetKlok(Vrijgave);
        await Groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant, false, "duo.beheer", "Herstart", Geen);
        ZetKlok(Vrijgave.AddDays(10));
        await Keuzes.RegistreerAsync(bsn, Regime.Wi2021, "duo.beheer", "Opt-in", Geen);
        var signalen = await AlleSignalenAsync(bsn);

        var tweede = await Assert.ThrowsAsync<DuoActieException>(() => Keuzes.RegistreerAsync(bsn, Regime.Wi2013, "duo.beheer", "Toch terug", Geen));
        Assert.Equal("Er is al een keuze geregistreerd: Keuze voor de Wi2021 geregistreerd op 2026-03-12 (overgangsregeling 2022). "
            + "Per persoon kan één keuze worden geregistreerd.", tweede.Message);

        // The IND sends the same permit again, with a corrected name: re-derived through the real endpoint.
        using var client = Host.CreateClient();
        using var bericht = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/ind")
        {
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["bericht_id"] = "IND-NA-KEUZE", ["bsn"] = bsn, ["v_nummer"] = null, ["naam"] = "Amina Later",
                ["geboortedatum"] = "1990-05-01", ["nationaliteit"] = "MAR", ["verblijfsdoel"] = "gezinshereniging",
                ["datum_ingang_verblijfsrecht"] = null, ["datum_beschikking"] = null, ["datum_bekendmaking_beschikking"] = null,
                ["datum_uitreiking_document"] = "2021-12-20", ["datum_kennisgeving"] = "2022-01-11", ["datum_intrekking"] = null,
            }), Encoding.UTF8, "application/json"),
        };
        bericht.Headers.Add(FeitenEndpoints.SleutelHeader, PibWebFactory.IndSleutel);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(bericht)).StatusCode);

        var rij = await RijAsync(bsn);
        Assert.Equal(("Amina Later", Domain.Regimes.RegimeUitkomst.Wi2021, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2021, (Domain.Overgang.KeuzeSoort?)Domain.Overgang.KeuzeSoort.Keuze), (rij.Naam, rij.Uitkomst, rij.PubUitkomst, rij.KeuzeSoort));
        Assert.StartsWith("Keuze voor de Wi2021 geregistreerd op 2026-03-12 (overgangsregeling 2022); volgens de regels: Gezinsmigrant", rij.Reden, StringComparison.Ordinal);
        Assert.Equal(signalen, await AlleSignalenAsync(bsn));
        Assert.Single(await KeuzeRegistratiesAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_choice_without_a_reason_is_refused_and_changes_nothing(string reden)
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(bsn), Utrecht);
        ZetKlok(Vrijgave);
        await Groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant, false, "duo.beheer", "Herstart", Geen);
        var signalen = await AlleSignalenAsync(bsn);

        var fout = await Assert.ThrowsAsync<DuoActieException>(() => Keuzes.RegistreerAsync(bsn, Regime.Wi2021, "duo.beheer", reden, Geen));

        Assert.Equal("Geef een reden op: elke keuze wordt met reden vastgelegd.", fout.Message);
        Assert.Null((await RijAsync(bsn)).KeuzeSoort);
        Assert.Equal(signalen, await AlleSignalenAsync(bsn));
        Assert.Empty(await KeuzeRegistratiesAsync());
    }

    [Fact]
    public async Task A_choice_into_a_paused_group_is_refused_until_the_resume()
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(bsn), Utrecht);
        ZetKlok(Vrijgave);
        await Groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant, false, "duo.beheer", "Herstart", Geen);
        await Pauzering.PauzeerAsync(Regime.Wi2021, Doelgroep.Gezinsmigrant, "duo.beheer", "Wi2021 even dicht", Geen);

        var fout = await Assert.ThrowsAsync<DuoActieException>(() => Keuzes.RegistreerAsync(bsn, Regime.Wi2021, "duo.beheer", "Opt-in", Geen));

        Assert.Equal("De bepaling van Wi2021 / Gezinsmigrant is gepauzeerd; registreer de keuze na het hervatten.", fout.Message);
        Assert.Null((await RijAsync(bsn)).KeuzeSoort);
    }
}
