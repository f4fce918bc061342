using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Tests.Features.Audit;

namespace DuoInburgering.Web.Tests.Features.Geparkeerd;

/// <summary>
/// Issue 6: releasing a parked group and registering a choice are DUO actions in the audit log, each person
/// with the derivation, withdrawals and signals that followed, in the same transaction.
/// </summary>
public sealed class GeparkeerdAuditTests : GeparkeerdTestdata
{
    private static readonly CancellationToken Geen = CancellationToken.None;

    [Fact]
    public async Task A_release_records_each_person_released_then_their_announcement_and_a_choice_records_the_move_a_refused_one_nothing()
    {
        string eerste = Bsn(1), tweede = Bsn(2);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(eerste), Utrecht);
        await FoutGeplaatstEnGeparkeerdAsync(FoutGezin(tweede), Utrecht);
        ZetKlok(Vrijgave);
        var cs = Database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        await Groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant, false, "duo.beheer", "Herstart gezinsmigranten", Geen);

        foreach (var bsn in new[] { eerste, tweede })
        {
            var rijen = await AuditRijen.VanAsync(cs, bsn, laatste);
            Assert.Equal(["DuoActie", "Bepaling", "SignaalVerzonden"], rijen.Select(r => r.Soort));
            var actie = rijen[0];
            Assert.Equal(("groep-vrijgeven", "duo.beheer", "Duo", "actie,reden,regime,doelgroep,blijft_wi2021"),
                (actie.Activiteit, actie.Actor, actie.Rol, actie.Sleutels));
            Assert.Equal(("vrijgeven", "Herstart gezinsmigranten", "Wi2013", "Gezinsmigrant", "nee"),
                (actie["actie"], actie["reden"], actie["regime"], actie["doelgroep"], actie["blijft_wi2021"]));
            Assert.Equal(("Wi2013", "Bepaald", Utrecht), (rijen[1]["regime"], rijen[1]["status"], rijen[1].Gemeente));
            Assert.Equal(("SS101", "Wi2013", Utrecht), (rijen[2]["code"], rijen[2]["regime"], rijen[2].Gemeente));
        }

        // Day 56: the opt-in is recorded with the move it causes.
        ZetKlok(Vrijgave.AddDays(56));
        laatste = await AuditRijen.LaatsteIdAsync(cs);
        await Keuzes.RegistreerAsync(eerste, Regime.Wi2021, "duo.beheer", "Formulier opt-in ontvangen", Geen);

        var keuze = await AuditRijen.NaAsync(cs, laatste);
        Assert.All(keuze, r => Assert.True(r.Over(eerste)));
        Assert.Equal("DuoActie", keuze[0].Soort);
        Assert.Equal(("keuze-registreren", "keuze-registreren", "Formulier opt-in ontvangen", "Wi2021", "Wi2013", "Keuze", "actie,reden,regime,vorig_regime,soort"),
            (keuze[0].Activiteit, keuze[0]["actie"], keuze[0]["reden"], keuze[0]["regime"], keuze[0]["vorig_regime"], keuze[0]["soort"], keuze[0].Sleutels));
        Assert.Contains(keuze, r => r is { Soort: "SignaalVerzonden", Gemeente: Utrecht } && r["code"] == "SS110" && r["regime"] == "Wi2013");
        Assert.Equal("Wi2021", Assert.Single(keuze, r => r.Soort == "Bepaling")["regime"]);
        Assert.Contains(keuze, r => r.Soort == "SignaalVerzonden" && r["regime"] == "Wi2021");

        // Day 57 is too late for the other one: refused, nothing recorded.
        ZetKlok(Vrijgave.AddDays(57));
        laatste = await AuditRijen.LaatsteIdAsync(cs);
        await Assert.ThrowsAsync<DuoActieException>(() => Keuzes.RegistreerAsync(tweede, Regime.Wi2021, "duo.beheer", "Te laat", Geen));
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }

    [Fact]
    public async Task Opting_out_of_the_Wi2021_records_each_withdrawn_signal_and_the_SS190_for_the_municipality_that_had_them()
    {
        var bsn = Bsn(1);
        await FoutGeplaatstEnGeparkeerdAsync(FoutAsiel(bsn), Amsterdam);
        ZetKlok(Vrijgave);
        await Groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Asielstatushouder, true, "duo.beheer", "Besluit: blijft Wi2021", Geen);
        ZetKlok(Vrijgave.AddDays(120));
        var cs = Database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        var ss139 = await Feiten.FeitenDb.ScalarAsync<long>(cs,
            "select id from signaal where bsn = @b and code = 'SS139' and ingetrokken_op is null", ("b", bsn));

        await Keuzes.RegistreerAsync(bsn, Regime.Wi2013, "duo.beheer", "Brief van de inburgeraar", Geen);

        var rijen = await AuditRijen.VanAsync(cs, bsn, laatste);
        Assert.Equal(["DuoActie", "SignaalIngetrokken", "SignaalVerzonden", "Bepaling", "SignaalVerzonden"], rijen.Select(r => r.Soort));
        var ingetrokken = rijen[1];
        Assert.Equal(("signaal-intrekken", "systeem", "Systeem", Amsterdam, "SS139", "Wi2021", ss139.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ingetrokken.Activiteit, ingetrokken.Actor, ingetrokken.Rol, ingetrokken.Gemeente, ingetrokken["code"], ingetrokken["regime"], ingetrokken["signaal_id"]));
        Assert.Equal(("SS190", "Wi2021", Amsterdam), (rijen[2]["code"], rijen[2]["regime"], rijen[2].Gemeente));
        Assert.Equal(("Wi2013", Amsterdam), (rijen[3]["regime"], rijen[3].Gemeente));
        Assert.Equal(("SS101", "Wi2013", Amsterdam), (rijen[4]["code"], rijen[4]["regime"], rijen[4].Gemeente));
    }
}
