using System.Net;
using System.Text;
using System.Text.Json;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Features.Feiten;
using DuoInburgering.Web.Features.Personen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>
/// Issue 17 item 1, the walk of the issue on the real database: seeing is not acting. After a move the old municipality
/// still sees the person (its own current PIP, then the previous PIP within a month) but every PIP or aanbod it sends
/// is refused with the Dutch explanation before anything is written; its sight ends a month after the new PIP.
/// </summary>
public sealed class AlleenInzienTests : PersonenTestdata
{
    private const string Uitleg =
        "Alleen de gemeente waar de persoon nu woont of aan wie het COA de persoon heeft gekoppeld (Rotterdam) legt een PIP of inburgeringsaanbod vast; uw gemeente mag deze persoon nog inzien.";

    private PipRegistratie Handler() => new(Sessies(), Klok);

    private PersoonOpvraging Opvraging() => new(Sessies(), Klok);

    [Fact]
    public async Task The_old_municipality_reads_but_cannot_register_and_its_sight_still_ends_a_month_after_the_new_PIP()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Asielstatushouder(bsn, new DateOnly(2026, 3, 1)), Amsterdam, new DateOnly(2026, 4, 1));
        ZetKlok(new DateOnly(2026, 5, 1));
        Assert.IsType<Registratie.Geregistreerd>(await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route, PipNiveau.B1, 400)));
        Assert.Null((await Opvraging().LaadAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)))!.AlleenInzien);

        // The person moves to Rotterdam: a BRP message through the real endpoint.
        ZetKlok(new DateOnly(2026, 5, 10));
        var web = Web();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/feiten/brp")
        {
            Content = new StringContent(JsonSerializer.Serialize(new
            {
                bericht_id = "I17-BRP-1", bsn, gemeente = Rotterdam, adres_is_coa_locatie = "false", datum_vestiging = "2026-05-10",
            }), Encoding.UTF8, "application/json"),
        })
        {
            request.Headers.Add(FeitenEndpoints.SleutelHeader, PibWebFactory.BrpSleutel);
            Assert.Equal(HttpStatusCode.Accepted, (await web.CreateClient().SendAsync(request)).StatusCode);
        }
        var signalen = await SignalenAsync(bsn);
        Assert.Contains("SS122 GM0363 Wi2021", signalen);
        Assert.Contains("SS121 GM0599 Wi2021", signalen);
        Assert.Equal(Rotterdam, (await RijAsync(bsn)).PubGemeenteCode);

        // Amsterdam still sees the person through its own current PIP, read-only; Rotterdam acts.
        ZetKlok(new DateOnly(2026, 5, 12));
        Assert.Equal(Uitleg, (await Opvraging().LaadAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)))!.AlleenInzien);
        Assert.Null((await Opvraging().LaadAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)))!.AlleenInzien);
        await WordtGeweigerdAsync(bsn, new DateOnly(2026, 5, 11));

        // Rotterdam registers its PIP: accepted; Amsterdam's becomes the previous one.
        ZetKlok(new DateOnly(2026, 5, 20));
        Assert.IsType<Registratie.Geregistreerd>(await Handler().RegistreerPipAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 5, 15), Leerroute.ZRoute)));
        var rij = await RijAsync(bsn);
        Assert.Equal((Rotterdam, (DateOnly?)new DateOnly(2026, 5, 15), Amsterdam), (rij.PipGemeenteCode, rij.PipDagtekening, rij.VorigePipGemeenteCode));

        // Amsterdam, visible only through the previous PIP within a month: still read-only, PIP and aanbod refused.
        ZetKlok(new DateOnly(2026, 6, 1));
        Assert.Equal(Uitleg, (await Opvraging().LaadAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)))!.AlleenInzien);
        await WordtGeweigerdAsync(bsn, new DateOnly(2026, 5, 31));

        // A month after Rotterdam's PIP, Amsterdam's sight ends: none of its attempts extended it.
        ZetKlok(new DateOnly(2026, 6, 15));
        Assert.Null(await Opvraging().LaadAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)));
        Assert.IsType<Registratie.NietGevonden>(await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 6, 14), Leerroute.B1Route, PipNiveau.B1)));
        Assert.NotNull(await Opvraging().LaadAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)));
        ZetKlok(new DateOnly(2030, 1, 1));
        Assert.Null(await Opvraging().LaadAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)));

        // The breach report says who was responsible when: Amsterdam received SS122 and viewed the person after the
        // move, when the person belonged to Rotterdam, so it is not "Verantwoordelijk: Ja"; nor was it misplaced.
        var rapport = await new Lekrapportage(
            new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(Database.ConnectionString).Options),
            TestAudit.Log(Klok), Klok).MaakAsync(new LekrapportBereik.Bsns([bsn]));
        var ams = rapport.Gemeenten.Single(g => g.Code == Amsterdam);
        var rdam = rapport.Gemeenten.Single(g => g.Code == Rotterdam);
        Assert.Equal((false, 0, 1), (ams.Verantwoordelijk, ams.PersonenOnterecht, ams.PersonenElders));
        Assert.Equal("Nee, voor 1 van 1: de persoon hoorde toen bij een andere gemeente (alleen inzage)", ams.Verantwoordelijkheid);
        Assert.StartsWith("De rectificatie doorgeven", ams.Rectificatie, StringComparison.Ordinal);
        Assert.Equal((true, 0, 0, "Ja"), (rdam.Verantwoordelijk, rdam.PersonenOnterecht, rdam.PersonenElders, rdam.Verantwoordelijkheid));
        // The timeline says who was responsible at each entry: Amsterdam's SS122 came when Rotterdam was.
        var auditor = new PibGebruiker("auditor.1", "Auditor", Rol.Auditor, null);
        var tijdlijn = await new AuditTijdlijn(
            new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(Database.ConnectionString).Options),
            TestAudit.Log(Klok), Klok).ZoekAsync(auditor, bsn, 0, 500, registreer: false);
        var ss122 = tijdlijn.Regels.Single(r => r.Soort == DuoInburgering.Web.Audit.AuditSoort.SignaalVerzonden && r.Gegevens.GetValueOrDefault("code") == "SS122");
        Assert.Equal((Amsterdam, "Rotterdam (GM0599)"), (ss122.GemeenteCode, ss122.Verantwoordelijk));
        var ss102 = tijdlijn.Regels.Single(r => r.Soort == DuoInburgering.Web.Audit.AuditSoort.SignaalVerzonden && r.Gegevens.GetValueOrDefault("code") == "SS102");
        Assert.Equal("Amsterdam (GM0363)", ss102.Verantwoordelijk);
    }

    /// <summary>Amsterdam sends a PIP and an aanbod: both refused with the explanation; no row, signal or audit entry changes.</summary>
    private async Task WordtGeweigerdAsync(string bsn, DateOnly datum)
    {
        var voor = await RijAsync(bsn);
        var signalenVoor = await SignalenAsync(bsn);
        var auditVoor = await AuditRijen.LaatsteIdAsync(Database.ConnectionString);

        var pip = await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn), new PipAanvraag(datum, Leerroute.B1Route, PipNiveau.B1, 400));
        var aanbod = await Handler().RegistreerAanbodAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn), datum);

        Assert.Equal(Uitleg, Assert.IsType<Registratie.AlleenInzien>(pip).Melding);
        Assert.Equal(Uitleg, Assert.IsType<Registratie.AlleenInzien>(aanbod).Melding);
        Assert.Equal(Velden(voor), Velden(await RijAsync(bsn)));
        Assert.Equal(signalenVoor, await SignalenAsync(bsn));
        Assert.Equal(auditVoor, await AuditRijen.LaatsteIdAsync(Database.ConnectionString));
    }

    private static object Velden(Persoon p) => new
    {
        p.PipGemeenteCode, p.PipDagtekening, p.PipLeerroute, p.PipNiveau, p.VorigePipGemeenteCode, p.VorigePipDagtekening,
        p.DatumInburgeringsaanbod, p.AanvangGemeld, p.TermijnLeerrouteStart, p.PubGemeenteCode, p.BijgewerktOp,
    };
}
