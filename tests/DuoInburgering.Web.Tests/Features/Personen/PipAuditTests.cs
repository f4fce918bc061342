using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Features.Personen;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Feiten;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>
/// Issue 6: a municipality's PIP is a fact received from that municipality, with the derivation and signals it
/// causes, in the registration's transaction; the deadline job records what it decided and sent.
/// </summary>
public sealed class PipAuditTests : PersonenTestdata
{
    private static readonly DateOnly Document = new(2026, 3, 1);
    private static readonly DateOnly Aangemeld = new(2026, 4, 1);

    private PipRegistratie Handler() => new(Sessies(), Klok);

    [Fact]
    public async Task A_PIP_records_the_municipalitys_message_the_derivation_and_SS102_a_refused_one_records_nothing()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, Document), Amsterdam, Aangemeld);
        ZetKlok(new DateOnly(2026, 5, 1));
        var cs = Database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        // Refused by DUO's rules, and asked by a municipality that may not see the person: nothing recorded.
        Assert.IsType<Registratie.Ongeldig>(await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 2, 15), Leerroute.B1Route)));
        Assert.IsType<Registratie.NietGevonden>(await Handler().RegistreerPipAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route)));
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));

        Assert.IsType<Registratie.Geregistreerd>(await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route)));

        var rijen = await AuditRijen.NaAsync(cs, laatste);
        Assert.All(rijen, r => Assert.True(r.Over(bsn)));
        Assert.All(rijen, r => Assert.Equal(Klok.GetUtcNow(), r.Tijdstip));
        Assert.Equal(["FeitOntvangen", "Bepaling", "SignaalVerzonden"], rijen.Select(r => r.Soort));
        var feit = rijen[0];
        Assert.Equal((Amsterdam, "Bron", Amsterdam, "bron,bericht_id,soort,gebruiker"), (feit.Actor, feit.Rol, feit.Gemeente, feit.Sleutels));
        Assert.Equal((PipRegistratie.BronGemeente, null, "PIP", "km.GM0363"), (feit["bron"], feit["bericht_id"], feit["soort"], feit["gebruiker"]));
        var bepaling = rijen[1];
        Assert.Equal(("systeem", Amsterdam, "Wi2021", "Bepaald", "Gezinsmigrant"),
            (bepaling.Actor, bepaling.Gemeente, bepaling["regime"], bepaling["status"], bepaling["doelgroep"]));
        Assert.Equal("Persoonlijk plan inburgering en participatie van GM0363 vastgelegd: dagtekening 2026-04-20, B1-route, niveau B1.",
            bepaling["toelichting"]);
        var signaal = rijen[2];
        var id = await FeitenDb.ScalarAsync<long>(cs, "select id from signaal where bsn = @b and code = 'SS102'", ("b", bsn));
        Assert.Equal(("SS102", "Wi2021", "2026-05-01", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Amsterdam),
            (signaal["code"], signaal["regime"], signaal["datum"], signaal["signaal_id"], signaal.Gemeente));
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }

    [Fact]
    public async Task The_deadline_job_records_a_derivation_with_its_reason_and_the_SS126_it_sends()
    {
        var bsn = Bsn(2);
        await VerwerkAsync(Gezinsmigrant(bsn, Document), Amsterdam, Aangemeld);
        var cs = Database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        var klok = KlokOp(new DateOnly(2026, 6, 15));

        var resultaat = await DeadlineVerwerking.RunAsync(DataSource, klok, DeadlineInstellingen.Standaard, TestAudit.Log(klok), CancellationToken.None);

        Assert.Equal(1, resultaat.Ss126);
        var rijen = await AuditRijen.NaAsync(cs, laatste);
        Assert.Equal(["Bepaling", "SignaalVerzonden"], rijen.Select(r => r.Soort));
        Assert.All(rijen, r => Assert.Equal((true, "systeem", Amsterdam, klok.GetUtcNow()), (r.Over(bsn), r.Actor, r.Gemeente, r.Tijdstip)));
        Assert.Equal("Termijnbewaking op 2026-06-15: SS126 Geen leerroute na 10 weken.", rijen[0]["toelichting"]);
        Assert.Equal(("SS126", "Wi2021", "2026-06-15"), (rijen[1]["code"], rijen[1]["regime"], rijen[1]["datum"]));

        // A second run the same day sends nothing and records nothing.
        laatste = await AuditRijen.LaatsteIdAsync(cs);
        await DeadlineVerwerking.RunAsync(DataSource, klok, DeadlineInstellingen.Standaard, TestAudit.Log(klok), CancellationToken.None);
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
    }
}
