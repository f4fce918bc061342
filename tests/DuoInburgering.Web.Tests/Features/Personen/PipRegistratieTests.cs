using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Features.Deadlines;
using DuoInburgering.Web.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>
/// Registering a PIP and an inburgeringsaanbod through the handler, on the real database: SS102 to the
/// own municipality, no SS126/SS127 afterwards from the deadline run on a fake clock, DUO's rules with
/// Dutch messages and nothing written when they fail, and nothing at all for another municipality.
/// </summary>
public sealed class PipRegistratieTests : PersonenTestdata
{
    // Obligation from 1 March 2026; processed (SS139, 10-week term starts) on 1 April; SS126 due 10 June.
    private static readonly DateOnly Document = new(2026, 3, 1);
    private static readonly DateOnly Aangemeld = new(2026, 4, 1);

    private PipRegistratie Handler() => new(Sessies(), Klok);

    private async Task<string> GezinsmigrantInAmsterdamAsync(int nummer, DateOnly? vestiging = null)
    {
        var bsn = Bsn(nummer);
        await VerwerkAsync(Gezinsmigrant(bsn, Document), Amsterdam, Aangemeld, vestiging);
        return bsn;
    }

    [Fact]
    public async Task A_valid_PIP_emits_SS102_to_the_own_municipality_only_and_the_deadline_job_sends_no_SS126()
    {
        var metPip = await GezinsmigrantInAmsterdamAsync(1);
        var zonderPip = await GezinsmigrantInAmsterdamAsync(2);
        ZetKlok(new DateOnly(2026, 5, 1));

        var uitkomst = await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(metPip),
            new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route));

        var klaar = Assert.IsType<Registratie.Geregistreerd>(uitkomst);
        Assert.Equal([SignaalCode.SS102], klaar.Signalen.Select(s => s.Code));
        Assert.Equal(["SS139 GM0363 Wi2021", "SS102 GM0363 Wi2021"], await SignalenAsync(metPip));
        var rij = await RijAsync(metPip);
        Assert.Equal((Amsterdam, (DateOnly?)new DateOnly(2026, 4, 20), (Domain.Pip.Leerroute?)Domain.Pip.Leerroute.B1Route, (Domain.Pip.PipNiveau?)Domain.Pip.PipNiveau.B1), (rij.PipGemeenteCode, rij.PipDagtekening, rij.PipLeerroute, rij.PipNiveau));
        Assert.Null(rij.VorigePipGemeenteCode);

        // The deadline run on the fake clock, past the end of both 10-week terms.
        var klok = KlokOp(new DateOnly(2026, 6, 15));
        var resultaat = await DeadlineVerwerking.RunAsync(DataSource, klok, DeadlineInstellingen.Standaard, TestAudit.Log(klok), CancellationToken.None);
        Assert.Equal(1, resultaat.Ss126);
        Assert.DoesNotContain(await SignalenAsync(metPip), s => s.StartsWith("SS126", StringComparison.Ordinal));
        Assert.Contains("SS126 GM0363 Wi2021", await SignalenAsync(zonderPip));
    }

    public static TheoryData<string, string, string?, string, string> OngeldigePips => new()
    {
        // dagtekening, leerroute, niveau, field, part of the message
        { "2026-02-15", "B", null, "dagtekening", "vóór de start van de inburgeringsplicht (2026-03-01)" },
        { "2026-05-02", "B", null, "dagtekening", "niet in de toekomst" },
        { "2026-04-20", "O", "A2", "niveau", "Niveau A2 mag niet bij de onderwijsroute" },
        { "2026-04-20", "Z", "B1", "niveau", "Niveau B1 mag niet bij de Z-route" },
        { "2026-04-20", "B", "A2", "niveau", "niet in het eerste PIP" },
        // Only the handler knows the BRP settlement date: the page's context does not.
        { "2026-03-10", "B", null, "dagtekening", "vóór de vestiging in de gemeente (2026-03-20)" },
    };

    [Theory]
    [MemberData(nameof(OngeldigePips))]
    public async Task An_invalid_PIP_gets_a_Dutch_message_for_its_field_and_nothing_is_written(
        string dagtekening, string route, string? niveau, string veld, string melding)
    {
        var bsn = await GezinsmigrantInAmsterdamAsync(1, vestiging: new DateOnly(2026, 3, 20));
        ZetKlok(new DateOnly(2026, 5, 1));
        var voor = await RijAsync(bsn);
        Assert.True(PipCodes.TryParseLeerroute(route, out var leerroute));
        PipNiveau? n = niveau is null ? null : Enum.Parse<PipNiveau>(niveau);

        var uitkomst = await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(DateOnly.Parse(dagtekening, System.Globalization.CultureInfo.InvariantCulture), leerroute, n));

        var ongeldig = Assert.IsType<Registratie.Ongeldig>(uitkomst);
        Assert.All(ongeldig.Fouten, f => Assert.Equal(veld, f.Veld));
        Assert.Contains(ongeldig.Fouten, f => f.Melding.Contains(melding, StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 3, 20), ongeldig.Context.DatumVestigingGemeente);
        var na = await RijAsync(bsn);
        Assert.Equal((voor.PipGemeenteCode, voor.PipDagtekening, voor.BijgewerktOp), (na.PipGemeenteCode, na.PipDagtekening, na.BijgewerktOp));
        Assert.Equal(["SS139 GM0363 Wi2021"], await SignalenAsync(bsn));
    }

    [Fact]
    public async Task Another_municipality_cannot_register_a_PIP_or_an_aanbod_for_a_person_it_cannot_see()
    {
        var bsn = await GezinsmigrantInAmsterdamAsync(1);
        ZetKlok(new DateOnly(2026, 5, 1));
        var pip = new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route);

        Assert.IsType<Registratie.NietGevonden>(await Handler().RegistreerPipAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn), pip));
        Assert.IsType<Registratie.NietGevonden>(await Handler().RegistreerAanbodAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn), new DateOnly(2026, 4, 25)));
        // An invalid request from the other municipality gets the same answer, not the rules' messages.
        Assert.IsType<Registratie.NietGevonden>(await Handler().RegistreerPipAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            pip with { Dagtekening = new DateOnly(2020, 1, 1) }));
        Assert.IsType<Registratie.NietGevonden>(await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(Bsn(99)), pip));

        Assert.Null((await RijAsync(bsn)).PipGemeenteCode);
        Assert.Equal(["SS139 GM0363 Wi2021"], await SignalenAsync(bsn));
    }

    [Fact]
    public async Task After_a_move_the_new_municipalitys_PIP_makes_the_old_one_previous_and_the_old_one_keeps_a_month()
    {
        var bsn = await GezinsmigrantInAmsterdamAsync(1);
        ZetKlok(new DateOnly(2026, 5, 1));
        Assert.IsType<Registratie.Geregistreerd>(await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route)));
        await VerwerkAsync(Gezinsmigrant(bsn, Document), Rotterdam, new DateOnly(2026, 5, 10), vestiging: new DateOnly(2026, 5, 10));
        ZetKlok(new DateOnly(2026, 5, 20));

        var uitkomst = await Handler().RegistreerPipAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
            new PipAanvraag(new DateOnly(2026, 5, 15), Leerroute.ZRoute));

        // A changed PIP does not restart the inburgeringstermijn: no second SS102.
        Assert.Empty(Assert.IsType<Registratie.Geregistreerd>(uitkomst).Signalen);
        var rij = await RijAsync(bsn);
        Assert.Equal((Rotterdam, (Domain.Pip.Leerroute?)Domain.Pip.Leerroute.ZRoute, (Domain.Pip.PipNiveau?)null), (rij.PipGemeenteCode, rij.PipLeerroute, rij.PipNiveau));
        Assert.Equal((Amsterdam, new DateOnly(2026, 4, 20)), (rij.VorigePipGemeenteCode, rij.VorigePipDagtekening));
        Assert.Equal(["SS139 GM0363 Wi2021", "SS102 GM0363 Wi2021", "SS122 GM0363 Wi2021", "SS121 GM0599 Wi2021"], await SignalenAsync(bsn));

        // Amsterdam still sees the person until the new PIP is a month old, then no longer.
        var opvraging = new PersoonOpvraging(Sessies(), Klok);
        Assert.NotNull(await opvraging.LaadAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)));
        ZetKlok(new DateOnly(2026, 6, 15));
        Assert.Null(await opvraging.LaadAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)));
        Assert.NotNull(await opvraging.LaadAsync(Klantmanager(Rotterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn)));
    }

    [Fact]
    public async Task An_aanbod_stops_SS127_and_an_invalid_one_is_refused_beside_its_field()
    {
        var metAanbod = Bsn(1);
        var zonderAanbod = Bsn(2);
        foreach (var bsn in new[] { metAanbod, zonderAanbod })
        {
            await VerwerkAsync(Asielstatushouder(bsn, Document), Amsterdam, Aangemeld);
        }
        ZetKlok(new DateOnly(2026, 5, 1));
        foreach (var bsn in new[] { metAanbod, zonderAanbod })
        {
            Assert.IsType<Registratie.Geregistreerd>(await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn),
                new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route, PipNiveau.B1, 400)));
        }

        var teVroeg = Assert.IsType<Registratie.Ongeldig>(await Handler().RegistreerAanbodAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(metAanbod), new DateOnly(2026, 4, 1)));
        Assert.Equal(InburgeringsaanbodRegels.Veld, Assert.Single(teVroeg.Fouten).Veld);
        Assert.Contains("niet vóór de dagtekening van het actuele PIP", teVroeg.Fouten[0].Melding, StringComparison.Ordinal);
        Assert.Null((await RijAsync(metAanbod)).DatumInburgeringsaanbod);

        Assert.IsType<Registratie.Geregistreerd>(await Handler().RegistreerAanbodAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(metAanbod), new DateOnly(2026, 4, 25)));
        Assert.Equal(new DateOnly(2026, 4, 25), (await RijAsync(metAanbod)).DatumInburgeringsaanbod);

        var resultaat = await DeadlineVerwerking.RunAsync(DataSource, KlokOp(new DateOnly(2026, 5, 20)), DeadlineInstellingen.Standaard, TestAudit.Log(), CancellationToken.None);
        Assert.Equal(1, resultaat.Ss127);
        Assert.DoesNotContain(await SignalenAsync(metAanbod), s => s.StartsWith("SS127", StringComparison.Ordinal));
        Assert.Contains("SS127 GM0363 Wi2021", await SignalenAsync(zonderAanbod));
    }

    [Fact]
    public async Task A_Wi2013_person_gets_no_PIP()
    {
        var bsn = Bsn(1);
        await VerwerkAsync(Gezinsmigrant(bsn, new DateOnly(2021, 6, 1)), Amsterdam, Aangemeld);
        ZetKlok(new DateOnly(2026, 5, 1));

        var uitkomst = await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn), new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route));

        Assert.Equal("regime", Assert.Single(Assert.IsType<Registratie.Ongeldig>(uitkomst).Fouten).Veld);
        Assert.Null((await RijAsync(bsn)).PipGemeenteCode);
    }

    [Fact]
    public async Task While_a_correction_is_left_half_done_a_PIP_is_refused_with_a_Dutch_message_and_nothing_is_written()
    {
        var bsn = await GezinsmigrantInAmsterdamAsync(1);
        ZetKlok(new DateOnly(2026, 5, 1));
        var signalenVoor = await SignalenAsync(bsn);
        await using (var cmd = DataSource.CreateCommand("""
            insert into correctie (versie, vorige_versie, door, aangemaakt_op, lijst_hash, status, personen, verlaten_wi2021, herbepaald,
                                   verwerkt, ss190, signalen)
            values ('2022-03', '2021-12', 'duo.beheer', now(), 'onderbroken', 'Bezig', 10, 0, 10, 3, 0, 0)
            """))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        var uitkomst = await Handler().RegistreerPipAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn), new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route));

        var onderbroken = Assert.IsType<Registratie.Onderbroken>(uitkomst);
        Assert.Equal("De verwerking bij DUO is tijdelijk gestopt voor een correctie. Er is niets vastgelegd; probeer het later opnieuw.",
            onderbroken.Melding);
        Assert.Null((await RijAsync(bsn)).PipGemeenteCode);
        Assert.Equal(signalenVoor, await SignalenAsync(bsn));
        Assert.IsType<Registratie.Onderbroken>(await Handler().RegistreerAanbodAsync(Klantmanager(Amsterdam), DuoInburgering.Domain.Identiteit.Bsn.Parse(bsn), new DateOnly(2026, 4, 25)));
        Assert.Null((await RijAsync(bsn)).DatumInburgeringsaanbod);
    }
}
