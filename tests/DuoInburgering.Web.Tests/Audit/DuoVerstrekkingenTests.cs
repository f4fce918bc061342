using System.Text;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Features.DuoPersoon;
using DuoInburgering.Web.Features.Importen;
using DuoInburgering.Web.Features.Persoonscorrecties;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Correcties;
using DuoInburgering.Web.Tests.Features.Personen;
using DuoInburgering.Web.Tests.Infrastructure;
using DuoInburgering.Web.Verwerking.Feiten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>
/// Issue 17 item 6: DUO's and the auditors' disclosures are recorded like a municipality's. After each read exactly one
/// disclosure, with the user, role, channel and the BSNs shown or downloaded, and no municipality.
/// </summary>
public sealed class DuoVerstrekkingenTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly PibGebruiker Duo = new("duo.beheer", "DUO Beheer", Rol.Duo, null);
    private static readonly PibGebruiker Auditor = new("audit.fg", "Functionaris gegevensbescherming", Rol.Auditor, null);

    /// <summary>One person imported, one line rejected that still names a valid BSN; the run's key.</summary>
    private static async Task<(string Bsn, string Afgewezen, ImportSleutel Sleutel)> ImporteerAsync(PibWebFactory factory, int volgnummer)
    {
        var bsn = PersonenTestdata.Bsn(volgnummer);
        var afgewezen = PersonenTestdata.Bsn(volgnummer + 1);
        using var inhoud = new MemoryStream(Encoding.UTF8.GetBytes(SynthetischePopulatie.IndKop + "\n"
            + $"V-{volgnummer},{bsn},,Test Persoon,1990-05-01,SYR,asiel,2021-08-30,2021-12-17,2021-12-22,,2022-01-14,\n"
            + $"V-{volgnummer + 1},{afgewezen},,Test Afgewezen,1990-99-01,SYR,asiel,2021-08-30,2021-12-17,2021-12-22,,2022-01-14,\n"));
        var uitkomst = Assert.IsType<HerimportUitkomst.Geimporteerd>(await factory.Services.GetRequiredService<Herimport>()
            .ImporteerAsync(FeitBron.Ind, $"verstrekking-{volgnummer}.csv", inhoud, "duo.beheer", CancellationToken.None));
        Assert.Single(uitkomst.Rapport.Afgewezen);
        return (bsn, afgewezen, new ImportSleutel.Run(uitkomst.Rapport.ImportId, FeitBron.Ind));
    }

    private static void Klopt(AuditVerstrekking v, PibGebruiker gebruiker, VerstrekkingKanaal kanaal, params string[] bsns)
    {
        Assert.Equal((gebruiker.Id, gebruiker.Rol.ToString(), (string?)null, kanaal), (v.Gebruiker, v.Rol, v.Gemeente, v.Kanaal));
        Assert.Equal(AuditRijen.Pseudoniemen(bsns), v.Betrokkenen);
    }

    [Fact]
    public async Task The_DUO_person_page_records_the_person_shown()
    {
        using var factory = new PibWebFactory(database);
        var (bsn, _, _) = await ImporteerAsync(factory, 301);
        var laatste = await AuditRijen.LaatsteIdAsync(database.ConnectionString);

        Assert.NotNull(await factory.Services.GetRequiredService<RegimeKeuzes>().LaadAsync(bsn, Duo, CancellationToken.None));

        Klopt(Assert.Single(await AuditRijen.VerstrekkingenAsync(database.ConnectionString, laatste)), Duo, VerstrekkingKanaal.Scherm, bsn);
    }

    [Fact]
    public async Task DUOs_lookup_for_a_person_correction_records_the_person_found()
    {
        using var factory = new PibWebFactory(database);
        var (bsn, _, _) = await ImporteerAsync(factory, 311);
        var laatste = await AuditRijen.LaatsteIdAsync(database.ConnectionString);

        Assert.IsType<Opzoeking.Gevonden>(await factory.Services.GetRequiredService<Persoonscorrecties>().ZoekAsync(Duo, bsn));

        Klopt(Assert.Single(await AuditRijen.VerstrekkingenAsync(database.ConnectionString, laatste)), Duo, VerstrekkingKanaal.Scherm, bsn);
    }

    [Fact]
    public async Task The_rejects_page_records_the_BSNs_its_lines_carry()
    {
        using var factory = new PibWebFactory(database);
        var (_, afgewezen, sleutel) = await ImporteerAsync(factory, 321);
        var laatste = await AuditRijen.LaatsteIdAsync(database.ConnectionString);

        var pagina = await factory.Services.GetRequiredService<ImportenOverzicht>().AfwijzingenAsync(sleutel, 0, 25, Duo, CancellationToken.None);

        Assert.Contains(afgewezen, Assert.Single(pagina.Rijen).Inhoud, StringComparison.Ordinal);
        Klopt(Assert.Single(await AuditRijen.VerstrekkingenAsync(database.ConnectionString, laatste)), Duo, VerstrekkingKanaal.Scherm, afgewezen);
    }

    [Fact]
    public async Task The_rejects_CSV_records_the_BSNs_downloaded()
    {
        using var factory = new PibWebFactory(database);
        var (_, afgewezen, sleutel) = await ImporteerAsync(factory, 331);
        var laatste = await AuditRijen.LaatsteIdAsync(database.ConnectionString);

        var rijen = new List<AfwijzingRegel>();
        await foreach (var a in factory.Services.GetRequiredService<ImportenOverzicht>().AlleAfwijzingenAsync(sleutel, Duo, CancellationToken.None))
        {
            rijen.Add(a);
        }

        Assert.Single(rijen);
        Klopt(Assert.Single(await AuditRijen.VerstrekkingenAsync(database.ConnectionString, laatste)), Duo, VerstrekkingKanaal.Download, afgewezen);
    }

    [Theory]
    [InlineData("123456782", new[] { "123456782" })]
    [InlineData("X-1,123456782,,Naam,1990-99-01", new[] { "123456782" })]
    [InlineData("X-1,123456789,,Naam", new string[0])]      // fails the elfproef: nobody
    [InlineData("X-1,1234567820,,Naam", new string[0])]     // ten digits: not a BSN
    public void A_rejected_line_names_the_valid_BSNs_it_carries(string inhoud, string[] bsns) =>
        Assert.Equal(bsns, ImportenOverzicht.Bsns(inhoud));

    [Fact]
    public async Task The_auditors_timeline_records_the_person_searched_for_once()
    {
        using var factory = new PibWebFactory(database);
        var (bsn, _, _) = await ImporteerAsync(factory, 341);
        var laatste = await AuditRijen.LaatsteIdAsync(database.ConnectionString);
        var tijdlijn = factory.Services.GetRequiredService<AuditTijdlijn>();

        var eerste = await tijdlijn.ZoekAsync(Auditor, bsn, 0, 10, registreer: true);
        await tijdlijn.ZoekAsync(Auditor, bsn, 1, 10, registreer: false);

        Assert.NotEmpty(eerste.Regels);
        Klopt(Assert.Single(await AuditRijen.VerstrekkingenAsync(database.ConnectionString, laatste)), Auditor, VerstrekkingKanaal.Zoeken, bsn);
    }
}

/// <summary>Issue 17 item 6 on the January 2022 cohort: the correction preview on screen and as CSV records the persons it lists.</summary>
[Collection(IncidentCohortCollectie.Naam)]
public sealed class CorrectieVerstrekkingenTests(IncidentCohortDatabase cohort)
{
    private static readonly PibGebruiker Duo = new("duo.beheer", "DUO Beheer", Rol.Duo, null);

    [Theory]
    [InlineData(VerstrekkingKanaal.Scherm)]
    [InlineData(VerstrekkingKanaal.Download)]
    public async Task The_correction_preview_records_every_person_it_lists(VerstrekkingKanaal kanaal)
    {
        var cs = await cohort.KopieAsync();
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        var klok = new Testklok(IncidentCohortDatabase.Correctiedag);
        var dienst = new Correctiedienst(NpgsqlDataSource.Create(cs), klok, TestAudit.Log(klok));

        var v = await dienst.VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Duo, kanaal, CancellationToken.None);

        Assert.NotEmpty(v.Wijzigingen);
        var verstrekking = Assert.Single(await AuditRijen.VerstrekkingenAsync(cs, laatste));
        Assert.Equal((Duo.Id, "Duo", (string?)null, kanaal), (verstrekking.Gebruiker, verstrekking.Rol, verstrekking.Gemeente, verstrekking.Kanaal));
        Assert.Equal(AuditRijen.Pseudoniemen(v.Wijzigingen.Select(w => w.Bsn)), verstrekking.Betrokkenen);
        // The same list as without a user: recording changes nothing of the preview.
        Assert.Equal(v.Hash, (await dienst.VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, CancellationToken.None)).Hash);
    }
}
