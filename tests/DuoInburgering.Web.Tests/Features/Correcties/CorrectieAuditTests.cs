using DuoInburgering.Web.Tests.Audit;
using System.Globalization;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;
using static DuoInburgering.Web.Tests.Features.Correcties.IncidentCohortDatabase;

namespace DuoInburgering.Web.Tests.Features.Correcties;

/// <summary>
/// Issue 6 on the January 2022 cohort: applying a correction records, per committed chunk, the DUO action for
/// each person carried out and every derivation, SS190, withdrawal and signal that followed; the switch of rule
/// set at the end is a DUO action of its own; the preview records nothing.
/// </summary>
[Collection(IncidentCohortCollectie.Naam)]
public sealed class CorrectieAuditTests(IncidentCohortDatabase cohort)
{
    private static readonly CancellationToken Geen = CancellationToken.None;

    private static Correctiedienst Dienst(string cs, int brok = 2_500, Func<int, CancellationToken, Task>? naBrok = null)
    {
        var klok = new Testklok(Correctiedag);
        return new Correctiedienst(NpgsqlDataSource.Create(cs), klok, TestAudit.Log(klok)) { Brokgrootte = brok, NaBrok = naBrok };
    }

    [Fact]
    public async Task Applying_records_each_person_carried_out_with_every_withdrawal_SS190_derivation_and_the_rule_set_switch()
    {
        var cs = await cohort.KopieAsync();
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        var v = await Dienst(cs).VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs)); // the preview writes nothing

        var r = await Dienst(cs, brok: 7).ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);

        var rijen = await AuditRijen.NaAsync(cs, laatste);
        var id = r.CorrectieId.ToString(CultureInfo.InvariantCulture);
        var acties = rijen.Where(x => x.Soort == "DuoActie" && x.Betrokkene is not null).ToList();
        Assert.Equal(v.Wijzigingen.Select(w => (AuditRijen.Pseudoniem(w.Bsn), w.Actie.ToString())).Order(),
            acties.Select(a => (a.Betrokkene!, a["correctie_actie"]!)).Order());
        Assert.All(acties, a => Assert.Equal(
            ("correctie", "duo.beheer", "Duo", "actie,reden,correctie_id,regelset,correctie_actie", "correctie-toepassen", id, "2022-03"),
            (a.Activiteit, a.Actor, a.Rol, a.Sleutels, a["actie"], a["correctie_id"], a["regelset"])));
        Assert.All(rijen, x => Assert.Equal(Correctiedag, x.Tijdstip));

        // The switch of rule set: a DUO action about no person in particular.
        var wissel = Assert.Single(rijen, x => x.Soort == "DuoActie" && x.Betrokkene is null);
        Assert.Equal(("regelset-wijzigen", "duo.beheer", "regelset-wijzigen", "2022-03", "2021-12", id, $"Correctie {id} toegepast"),
            (wissel.Activiteit, wissel.Actor, wissel["actie"], wissel["regelset"], wissel["vorige_regelset"], wissel["correctie_id"], wissel["reden"]));

        // Every withdrawal and every new signal, to the municipality it concerns, exactly as in table signaal.
        var ingetrokken = await CorrectieDb.LijstAsync(cs, """
            select id || '|' || bsn || '|' || code || '|' || regime || '|' || to_char(datum, 'YYYY-MM-DD') || '|' || gemeente_code
            from signaal where ingetrokken_op = @nu
            """, ("nu", Correctiedag));
        Assert.NotEmpty(ingetrokken);
        Assert.Equal(ingetrokken.Select(Signaal).Order(), rijen.Where(x => x.Soort == "SignaalIngetrokken").Select(Signaal).Order());
        var nieuw = await CorrectieDb.LijstAsync(cs, """
            select id || '|' || bsn || '|' || code || '|' || regime || '|' || to_char(datum, 'YYYY-MM-DD') || '|' || gemeente_code
            from signaal where aangemaakt_op = @nu
            """, ("nu", Correctiedag));
        Assert.Equal(nieuw.Select(Signaal).Order(), rijen.Where(x => x.Soort == "SignaalVerzonden").Select(Signaal).Order());

        // One derivation per person carried out, as the person row now reads.
        var bepalingen = rijen.Where(x => x.Soort == "Bepaling").ToList();
        Assert.Equal(v.Wijzigingen.Count, bepalingen.Count);
        var rij = await CorrectieDb.LijstAsync(cs, "select uitkomst || '|' || coalesce(gemeente_code, '-') || '|' || reden from persoon where bsn = @b",
            ("b", Benali));
        var benali = Assert.Single(bepalingen, x => x.Over(Benali));
        Assert.Equal(Assert.Single(rij), $"{benali["regime"]}|{benali.Gemeente ?? "-"}|{benali["toelichting"]}");
        Assert.Equal("2022-03", benali["regelset"]);

        // Benali (two municipalities had her Wi2021 signals) and Tesfazgi (shown to the AZC's Ede) in their timelines.
        var haar = await AuditRijen.VanAsync(cs, Benali, laatste);
        Assert.Equal("DuoActie", haar[0].Soort);
        Assert.Equal(["GM0363", "GM0599"], haar.Where(x => x.Soort == "SignaalVerzonden" && x["code"] == "SS190").Select(x => x.Gemeente!).Order());
        Assert.Equal(["GM0363", "GM0599"], haar.Where(x => x.Soort == "SignaalIngetrokken").Select(x => x.Gemeente!).Distinct().Order());
        var zijn = await AuditRijen.VanAsync(cs, Tesfazgi, laatste);
        Assert.Contains(zijn, x => x.Soort == "SignaalIngetrokken" && x.Gemeente == "GM0228");
        Assert.Contains(zijn, x => x.Soort == "SignaalVerzonden" && x.Gemeente == "GM0014" && x["code"] == "SS101");
        Assert.Equal("GM0014", Assert.Single(zijn, x => x.Soort == "Bepaling").Gemeente);
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }

    /// <summary>id|bsn-pseudonym|code|regime|datum|gemeente of a signal row or an audit row about a signal.</summary>
    private static string Signaal(string rij)
    {
        var d = rij.Split('|');
        return string.Join('|', d[0], AuditRijen.Pseudoniem(d[1]), d[2], d[3], d[4], d[5]);
    }

    private static string Signaal(AuditRij r) => string.Join('|', r["signaal_id"], r.Betrokkene, r["code"], r["regime"], r["datum"], r.Gemeente);

    [Fact]
    public async Task An_interrupted_run_keeps_the_entries_of_its_committed_chunks_and_the_resume_records_only_the_rest()
    {
        var cs = await cohort.KopieAsync();
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        var v = await Dienst(cs).VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        Assert.True(v.Wijzigingen.Count > 6);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Dienst(cs, brok: 3, naBrok: (n, _) =>
            n == 2 ? throw new InvalidOperationException("stroomstoring") : Task.CompletedTask)
            .ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen));

        var na = await AuditRijen.NaAsync(cs, laatste);
        var verwerkt = await CorrectieDb.LijstAsync(cs, "select bsn from correctie_persoon where verwerkt_op is not null");
        Assert.Equal(6, verwerkt.Count);
        Assert.Equal(verwerkt.Select(AuditRijen.Pseudoniem).Order(),
            na.Where(x => x.Soort == "DuoActie").Select(x => x.Betrokkene!).Order());
        Assert.DoesNotContain(na, x => x["actie"] == "regelset-wijzigen");

        laatste = await AuditRijen.LaatsteIdAsync(cs);
        var hervat = await Dienst(cs, brok: 3).HervatAsync(1, "duo.controle", Geen);

        Assert.Equal(ToepassingUitkomst.Hervat, hervat.Uitkomst);
        var rest = (await AuditRijen.NaAsync(cs, laatste)).Where(x => x.Soort == "DuoActie" && x.Betrokkene is not null).ToList();
        Assert.Equal(v.Wijzigingen.Select(w => w.Bsn).Except(verwerkt).Select(AuditRijen.Pseudoniem).Order(), rest.Select(x => x.Betrokkene!).Order());
        Assert.All(rest, x => Assert.Equal(("duo.controle", Correctiedienst.ActieHervatten), (x.Actor, x["actie"])));
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }

    [Fact]
    public async Task Switching_the_rule_set_by_hand_is_a_DUO_action_with_its_reason_and_a_refused_switch_records_nothing()
    {
        var cs = await cohort.KopieAsync();
        var klok = new Testklok(Correctiedag);
        await using var db = NpgsqlDataSource.Create(cs);
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        await Assert.ThrowsAsync<CorrectieException>(() => ActieveRegelset.WijzigAsync(db, "2020-01", "duo.beheer", "x", klok, TestAudit.Log(klok), Geen));
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
        await ActieveRegelset.WijzigAsync(db, "2022-03", "duo.beheer", "Terug naar de juiste regel", klok, TestAudit.Log(klok), Geen);

        var rij = Assert.Single(await AuditRijen.NaAsync(cs, laatste));
        Assert.Equal(("DuoActie", "regelset-wijzigen", "duo.beheer", "Duo", null, "actie,reden,regelset,vorige_regelset,correctie_id"),
            (rij.Soort, rij.Activiteit, rij.Actor, rij.Rol, rij.Betrokkene, rij.Sleutels));
        Assert.Equal(("Terug naar de juiste regel", "2022-03", "2021-12", (string?)null), (rij["reden"], rij["regelset"], rij["vorige_regelset"], rij["correctie_id"]));
    }
}
