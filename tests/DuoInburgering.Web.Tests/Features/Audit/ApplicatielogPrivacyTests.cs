using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Features.Feiten;
using DuoInburgering.Web.Features.Demo;
using System.Net;
using System.Text;
using System.Text.Json;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Features.Importen;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Features.Personen;
using DuoInburgering.Web.Features.Persoonscorrecties;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PersonenTestdata = DuoInburgering.Web.Tests.Features.Personen.PersonenTestdata;
using PersoonscorrectieDienst = DuoInburgering.Web.Features.Persoonscorrecties.Persoonscorrecties;

namespace DuoInburgering.Web.Tests.Features.Audit;

/// <summary>
/// Issue 6 part 3: the application log never holds a BSN or a name. The real host with its own Serilog pipeline
/// at every level (Verbose, framework and EF Core included) runs a caseworker's, DUO's and an auditor's work on
/// the demo population: HTTP for every page, download and endpoint; for what the circuit does (filters, PIP,
/// handling, pauses, corrections, four eyes, timeline) the host's own services, as the pages call them. Then
/// every BSN and name in the database, and those the test typed, is searched for in everything the log got.
/// </summary>
public sealed class ApplicatielogPrivacyTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Januari = new(2022, 1, 17, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Werkdag = new(2022, 3, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Vandaag = new(2022, 3, 25);

    private static readonly PibGebruiker Beheer = new("duo.beheer", "Functioneel beheer DUO", Rol.Duo, null);
    private static readonly PibGebruiker Controle = new("duo.controle", "Controleur DUO", Rol.Duo, null);
    private static readonly PibGebruiker Auditor = new("fg.auditor", "Functionaris gegevensbescherming", Rol.Auditor, null);

    /// <summary>Persons only this test brings in (through the fact endpoint, a file, a rejected line).</summary>
    private static readonly (string Bsn, string Naam)[] Nieuw =
    [
        (PersonenTestdata.Bsn(901), "Leila Haddouchi"),
        (PersonenTestdata.Bsn(902), "Dounia Ouahbane"),
        (PersonenTestdata.Bsn(903), "Idris Sahraoui"),
        (PersonenTestdata.Bsn(904), "Warda Belkhadir"),
    ];

    /// <summary>
    /// Issue 17 item 12: the free-text reasons DUO types are data of the processing. Each is recognisable, and none may
    /// reach the application log.
    /// </summary>
    private readonly List<string> _redenen = [];

    private string Reden(string actie)
    {
        var reden = $"Privacyreden-{actie}-Q7X3 van duo";
        _redenen.Add(reden);
        return reden;
    }

    private readonly FakeTimeProvider _klok = new(Januari);
    private readonly Applicatielog _log = new();
    private PibWebFactory _basis = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private string _getoond = "";

    public Task InitializeAsync()
    {
        _basis = new PibWebFactory(database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await _basis.DisposeAsync();
    }

    private T Dienst<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_log_of_a_caseworkers_DUOs_and_an_auditors_work_holds_no_BSN_and_no_name_and_the_scan_finds_a_planted_one()
    {
        // January 2022 as data: the demo population placed under the wrong rule set, so the correction has work.
        await using (var ds = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await ActieveRegelset.WijzigAsync(ds, "2021-12", "test", "Januari 2022 naspelen", _klok, TestAudit.Log(_klok), CancellationToken.None);
        }
        NpgsqlConnection.ClearAllPools();
        _factory = _log.Vang(_basis, b =>
        {
            b.UseSetting("Database:DemoPersonen", "400");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_klok));
        });
        _ = _factory.Services; // starts the host: demo users and persons through the import path, in the log too
        _klok.SetUtcNow(Werkdag);

        await GemeenteAsync();
        await FeitenAsync();
        await PauzeAsync();
        await CorrectieAsync();
        await VierOgenAsync();
        await AuditorAsync();

        var (bsns, namen) = await PersoonsgegevensAsync();
        var scanner = new PersoonsgegevensScanner(bsns, namen);
        var tekst = _log.Tekst();

        // The log must be able to fail this test: it is not empty, it has the framework's and EF Core's own
        // events (where a path or a parameter value would show), and the scan sees what is there.
        Assert.True(_log.Aantal > 1_000, $"Maar {_log.Aantal} logregels.");
        Assert.Contains(_log.Regels, r => r.Bron.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
        Assert.Contains(_log.Regels, r => r.Bron == "Microsoft.EntityFrameworkCore.Database.Command");
        Assert.Contains(_log.Regels, r => r.Bron.StartsWith("DuoInburgering", StringComparison.Ordinal));
        Assert.True(scanner.Bsns > 400, $"Maar {scanner.Bsns} BSN's om naar te zoeken.");

        // Per kind of event (source and template) one example: the list of what to fix.
        var lekken = _log.Regels.Select(r => (r.Bron, r.Sjabloon, Treffers: scanner.Vind(r.Tekst))).Where(r => r.Treffers.Count > 0)
            .GroupBy(r => (r.Bron, r.Sjabloon)).ToList();
        Assert.True(lekken.Count == 0, $"{lekken.Sum(l => l.Count())} logregels van {lekken.Count} soorten noemen een BSN of naam:\n" +
            string.Join("\n", lekken.Select(l => $"{l.Count()}× {l.Key.Bron} '{l.Key.Sjabloon}': {l.First().Treffers[0]}")));
        Assert.Empty(scanner.Vind(tekst));

        // The reasons typed into pause, resume, release and person correction (proposal and rejection), and who uploaded
        // a file: kept in the tables and the audit log, never in the application log.
        Assert.Equal(6, _redenen.Count);
        Assert.All(_redenen, r => Assert.DoesNotContain(r, tekst, StringComparison.Ordinal));
        Assert.Contains(_log.Regels, r => r.Sjabloon.StartsWith("Herimport", StringComparison.Ordinal));
        Assert.All(_log.Regels.Where(r => r.Sjabloon.StartsWith("Herimport", StringComparison.Ordinal)),
            r => Assert.DoesNotContain(Beheer.Id, r.Tekst, StringComparison.Ordinal));

        // A planted BSN and name through the host's own logger reach the same sink, and the scan finds them.
        var geplant = bsns.First(b => b.StartsWith("99999", StringComparison.Ordinal));
        var logger = Dienst<ILoggerFactory>().CreateLogger("Privacytest");
#pragma warning disable CA1848, CA2254 // deliberately the forbidden thing, once
        logger.LogDebug("Geplant: {Bsn} {Naam}", geplant, Nieuw[0].Naam);
#pragma warning restore CA1848, CA2254
        var gevonden = scanner.Vind(_log.Tekst());
        Assert.Contains(gevonden, t => t.StartsWith($"BSN {geplant}", StringComparison.Ordinal));
        Assert.Contains(gevonden, t => t.StartsWith($"naam '{Nieuw[0].Naam}'", StringComparison.Ordinal));
    }

    /// <summary>
    /// Proof that the capture reaches EF Core's command log: with sensitive data logging switched on (which the
    /// portal never does) the parameter values of a person page's queries reach the log, and the scan finds the BSN.
    /// </summary>
    [Fact]
    public async Task With_EF_Cores_sensitive_data_logging_switched_on_the_scan_would_find_the_BSN()
    {
        var (bsn, naam) = Nieuw[3];
        // Its own empty database: the class's database is the demo population of the other test.
        var eigen = new TestDatabase();
        await eigen.InitializeAsync();
        try
        {
            await ZoekMetGevoeligeGegevensAsync(eigen, bsn, naam);
        }
        finally
        {
            await eigen.DisposeAsync();
        }
    }

    private async Task ZoekMetGevoeligeGegevensAsync(TestDatabase eigen, string bsn, string naam)
    {
        await _basis.DisposeAsync();
        _basis = new PibWebFactory(eigen);
        _factory = _log.Vang(_basis, b =>
        {
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(_klok);
                s.ConfigureDbContext<AppDbContext>(o => o.EnableSensitiveDataLogging());
            });
        });
        _klok.SetUtcNow(Werkdag);
        await PostFeitAsync("brp", Brp("LOG-EF-BRP", bsn, "GM0363", "2021-10-04"));
        await PostFeitAsync("ind", Ind("LOG-EF-IND", bsn, naam, "2022-02-01"));
        using var km = Aanmelding.Als(_factory, "km.amsterdam");
        await OkAsync(km, $"/gemeente/personen/{bsn}");

        var treffers = new PersoonsgegevensScanner([bsn], [naam]).Vind(_log.Tekst());
        Assert.Contains(treffers, t => t.StartsWith($"BSN {bsn}", StringComparison.Ordinal)
            && t.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        await _factory.DisposeAsync();
        _factory = null!;
    }

    /// <summary>
    /// The framework events this test cannot provoke over HTTP (a circuit's navigation, a sign-in's return address),
    /// written with the framework's own categories and templates: they arrive, with the address left out.
    /// </summary>
    [Fact]
    public async Task Navigation_events_of_a_circuit_and_a_sign_in_keep_their_place_in_the_log_but_not_the_address()
    {
        _factory = _log.Vang(_basis, b => b.UseSetting("Deadlines:Ingeschakeld", "false"));
        var (bsn, naam) = Nieuw[1];
        var adres = $"http://localhost/duo/personen/{bsn}?naam={Uri.EscapeDataString(naam)}";
        var logs = Dienst<ILoggerFactory>();
        var voor = _log.Aantal;
#pragma warning disable CA1848, CA2254 // the framework's own templates, written as the framework writes them
        logs.CreateLogger("Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost")
            .LogDebug("Location changing to {URI} in circuit '{CircuitId}'.", adres, "c1");
        logs.CreateLogger("Microsoft.AspNetCore.Components.Server.Circuits.RemoteNavigationManager")
            .LogDebug("Requesting navigation to URI {Uri} with forceLoad={ForceLoad}, replace={Replace}", adres, false, false);
        logs.CreateLogger("Microsoft.AspNetCore.Components.Routing.Router")
            .LogDebug("Navigating to non-component URI '{ExternalUri}' in response to path '{Path}' with base URI '{BaseUri}'",
                adres, $"/duo/personen/{bsn}", "http://localhost/");
        logs.CreateLogger("Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectHandler")
            .LogTrace("Using properties.RedirectUri for redirect post authentication: '{RedirectUri}'.", adres);
#pragma warning restore CA1848, CA2254

        var nieuw = _log.Regels.Skip(voor).Where(r => r.Bron.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
            || r.Bron.EndsWith("OpenIdConnectHandler", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, nieuw.Count);
        Assert.All(nieuw, r => Assert.Contains("(weggelaten)", r.Tekst, StringComparison.Ordinal));
        Assert.Empty(new PersoonsgegevensScanner([bsn], [naam]).Vind(string.Join('\n', nieuw.Select(r => r.Tekst))));
    }

    /// <summary>The caseworker: start page, list with filters, name and BSN search, person page, PIP and offer, handling, downloads, a forbidden look.</summary>
    private async Task GemeenteAsync()
    {
        var (gemeente, gebruiker) = await GemeenteMetDeMeesteWi2021Async();
        var km = new PibGebruiker(gebruiker, "Klantmanager", Rol.Gemeente, GemeenteCode.Parse(gemeente));
        using var client = Aanmelding.Als(_factory, gebruiker);
        await OkAsync(client, "/gemeente");
        await OkAsync(client, "/gemeente/signalen/wi2021");
        await OkAsync(client, "/gemeente/signalen/wi2013");

        var zoeken = Dienst<SignalenZoeken>();
        var lijst = await zoeken.ZoekAsync(km, new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 100 });
        var rij = lijst.Rijen.First(r => r.Naam is not null);
        var achternaam = rij.Naam!.Split(' ')[^1];
        _getoond = rij.Bsn;
        await zoeken.ZoekAsync(km, new SignaalFilter(Regime.Wi2021)
        {
            Code = rij.Code, Afgehandeld = false, Van = new DateOnly(2021, 1, 1), Tot = Vandaag, Sorteer = SignaalSortering.Bsn,
        });
        Assert.Contains(rij.Bsn, (await zoeken.ZoekAsync(km, new SignaalFilter(Regime.Wi2021) { Zoekterm = achternaam[..4].ToLowerInvariant() }))
            .Rijen.Select(r => r.Bsn));
        Assert.Contains(rij.Bsn, (await zoeken.ZoekAsync(km, new SignaalFilter(Regime.Wi2021) { Zoekterm = rij.Bsn })).Rijen.Select(r => r.Bsn));
        await zoeken.ZoekPerPersoonAsync(km, new SignaalFilter(Regime.Wi2021) { Zoekterm = rij.Naam });
        await OkAsync(client, $"/gemeente/personen/{rij.Bsn}");

        // PIP: first a date in the future (refused, Dutch message), then a good one, then the inburgeringsaanbod.
        var pip = Dienst<PipRegistratie>();
        var zonderPip = await ScalarAsync<string>(
            "select bsn from persoon where pub_uitkomst = 'Wi2021' and pub_gemeente_code = @g and not geparkeerd and pip_dagtekening is null " +
            "order by (pub_doelgroep = 'Asielstatushouder') desc, bsn limit 1", ("g", gemeente));
        Assert.IsType<DuoInburgering.Web.Features.Personen.Registratie.Ongeldig>(await pip.RegistreerPipAsync(km, DuoInburgering.Domain.Identiteit.Bsn.Parse(zonderPip), new PipAanvraag(Vandaag.AddDays(3), Leerroute.B1Route)));
        Assert.IsType<DuoInburgering.Web.Features.Personen.Registratie.Geregistreerd>(await pip.RegistreerPipAsync(km, DuoInburgering.Domain.Identiteit.Bsn.Parse(zonderPip), new PipAanvraag(Vandaag, Leerroute.B1Route)));
        await pip.RegistreerAanbodAsync(km, DuoInburgering.Domain.Identiteit.Bsn.Parse(zonderPip), Vandaag.AddDays(1)); // a future date: refused
        await pip.RegistreerAanbodAsync(km, DuoInburgering.Domain.Identiteit.Bsn.Parse(zonderPip), Vandaag);
        await OkAsync(client, $"/gemeente/personen/{zonderPip}");

        // Handling a selection, and its undo.
        var afhandelen = Dienst<SignalenAfhandelen>();
        var open = lijst.Rijen.Where(r => !r.Afgehandeld).Take(3).Select(r => r.Id).ToList();
        var gedaan = await afhandelen.VoerUitAsync(km, new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Afhandelen, open));
        Assert.True(gedaan.Gewijzigd > 0);
        await afhandelen.VoerUitAsync(km, new AfhandelOpdracht(Regime.Wi2021, SignaalActie.Heropenen, open, gedaan.Tijdstip));

        // Downloads of a filter with a name and with a BSN, Excel, SS190, and a bad filter that names a person.
        var zoekNaam = Uri.EscapeDataString(achternaam);
        await OkAsync(client, $"/gemeente/signalen/wi2021/download.csv?zoek={zoekNaam}&sorteer=bsn&richting=oplopend");
        await OkAsync(client, $"/gemeente/signalen/wi2021/download.csv?zoek={rij.Bsn}");
        await OkAsync(client, $"/gemeente/signalen/wi2021/download.xlsx?code={rij.Code}&zoek={zoekNaam}");
        await OkAsync(client, "/gemeente/signalen/ss190.csv");
        Assert.Equal(HttpStatusCode.BadRequest,
            (await client.GetAsync(new Uri($"/gemeente/signalen/wi2021/download.csv?van=2022-13-01&zoek={rij.Bsn}", UriKind.Relative))).StatusCode);

        // Another municipality, another role, and nobody: nothing of the person, in the answer or in the log.
        using var ander = Aanmelding.Als(_factory, gebruiker == "km.rotterdam" ? "km.utrecht" : "km.rotterdam");
        Assert.Equal(HttpStatusCode.NotFound, (await ander.GetAsync(new Uri($"/gemeente/personen/{rij.Bsn}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ander.GetAsync(new Uri("/gemeente/personen/123456788", UriKind.Relative))).StatusCode);
        var elders = await ander.GetStringAsync(new Uri($"/gemeente/signalen/wi2021/download.csv?zoek={rij.Bsn}&gemeente={gemeente}", UriKind.Relative));
        Assert.DoesNotContain(rij.Bsn, elders, StringComparison.Ordinal);
        using var duo = Aanmelding.Als(_factory, "duo.beheer");
        Assert.NotEqual(HttpStatusCode.OK, (await duo.GetAsync(new Uri($"/gemeente/personen/{rij.Bsn}", UriKind.Relative))).StatusCode);
        using var anoniem = Aanmelding.Anoniem(_factory);
        Assert.NotEqual(HttpStatusCode.OK, (await anoniem.GetAsync(new Uri($"/gemeente/personen/{rij.Bsn}?naam={zoekNaam}", UriKind.Relative))).StatusCode);
    }

    /// <summary>DUO's imports: good and rejected messages (a rejection quoting a BSN or name would leak), a file with rejected lines, the pages and download.</summary>
    private async Task FeitenAsync()
    {
        var (bekend, bekendeNaam) = await PersoonAsync("select bsn, naam from persoon where bsn like '99999%' order by bsn limit 1");
        Assert.Equal(HttpStatusCode.Accepted, (await PostFeitAsync("brp", Brp("LOG-BRP-1", Nieuw[0].Bsn, "GM0363", "2021-10-04"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostFeitAsync("ind", Ind("LOG-IND-1", Nieuw[0].Bsn, Nieuw[0].Naam, "2022-02-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostFeitAsync("ind", Ind("LOG-IND-1", Nieuw[0].Bsn, Nieuw[0].Naam, "2022-02-01"))).StatusCode);
        // Rejected: a known person with an impossible date; a name where the BSN belongs; unreadable JSON; the wrong key.
        var fout = Ind("LOG-IND-2", bekend, bekendeNaam, "2022-02-30");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFeitAsync("ind", fout)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFeitAsync("ind", Ind("LOG-IND-3", bekendeNaam, bekend, "2022-02-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostRuwAsync("ind", $"{{\"bsn\": \"{bekend}\", \"naam\": \"{bekendeNaam}\"", PibWebFactory.IndSleutel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostRuwAsync("ind", JsonSerializer.Serialize(fout), "fout")).StatusCode);

        // A file with good and rejected lines, uploaded on the imports page.
        var bestand = string.Join('\n',
            SynthetischePopulatie.IndKop,
            IndRegel("LOG-F-1", Nieuw[1].Bsn, Nieuw[1].Naam, "2022-02-03"),
            IndRegel("LOG-F-2", bekend, bekendeNaam, "2022-31-01"),
            IndRegel("LOG-F-3", "123456788", Nieuw[2].Naam, "2022-02-03"),
            $"LOG-F-4,{Nieuw[2].Bsn},{Nieuw[2].Naam}") + "\n";
        using var inhoud = new MemoryStream(Encoding.UTF8.GetBytes(bestand));
        var run = Assert.IsType<HerimportUitkomst.Geimporteerd>(
            await Dienst<Herimport>().ImporteerAsync(FeitBron.Ind, $"correctie {bekendeNaam}.csv", inhoud, Beheer.Id, CancellationToken.None));
        Assert.Equal(3, run.Rapport.Afgewezen.Count);

        using var duo = Aanmelding.Als(_factory, "duo.beheer");
        await OkAsync(duo, "/duo");
        await OkAsync(duo, "/duo/importen");
        await OkAsync(duo, $"/duo/importen/{run.Rapport.ImportId}");
        await OkAsync(duo, $"/duo/importen/{run.Rapport.ImportId}/afwijzingen.csv");
        await OkAsync(duo, "/duo/importen/berichten/ind/2022-03-25");
        await OkAsync(duo, "/duo/importen/berichten/ind/2022-03-25/afwijzingen.csv");
    }

    /// <summary>Pause a group, a fact arrives and waits, resume.</summary>
    private async Task PauzeAsync()
    {
        var pauzering = Dienst<Pauzering>();
        await pauzering.PauzeerAsync(Regime.Wi2021, Doelgroep.Gezinsmigrant, Beheer.Id, Reden("pauze"), CancellationToken.None);
        await PostFeitAsync("brp", Brp("LOG-BRP-P", Nieuw[2].Bsn, "GM0599", "2021-10-04"));
        await PostFeitAsync("ind", Ind("LOG-IND-P", Nieuw[2].Bsn, Nieuw[2].Naam, "2021-12-15"));
        using var duo = Aanmelding.Als(_factory, "duo.beheer");
        await OkAsync(duo, "/duo/pauzes");
        await Assert.ThrowsAnyAsync<Exception>(() =>
            pauzering.PauzeerAsync(Regime.Wi2021, Doelgroep.Gezinsmigrant, Beheer.Id, "Nogmaals", CancellationToken.None));
        var hervat = await pauzering.HervatAsync(Regime.Wi2021, Doelgroep.Gezinsmigrant, Beheer.Id, Reden("hervatten"), CancellationToken.None);
        Assert.True(hervat.Verwerkt >= 1);
    }

    /// <summary>The January 2022 correction: preview, its download, a stale hash refused, apply; then release a parked group.</summary>
    private async Task CorrectieAsync()
    {
        var dienst = Dienst<Correctiedienst>();
        var scope = new CorrectieScope(Regime: Regime.Wi2021);
        var voorbeeld = await dienst.VoorbeeldAsync("2022-03", scope, CancellationToken.None);
        Assert.NotEmpty(voorbeeld.Wijzigingen);
        using var duo = Aanmelding.Als(_factory, "duo.beheer");
        await OkAsync(duo, "/duo/correcties");
        await OkAsync(duo, CorrectieDownload.Url("2022-03", scope));
        await Assert.ThrowsAsync<CorrectieException>(() => dienst.ToepassenAsync("2022-03", scope, "0000", Beheer.Id, CancellationToken.None));
        var toegepast = await dienst.ToepassenAsync("2022-03", scope, voorbeeld.Hash, Beheer.Id, CancellationToken.None);
        Assert.Equal(voorbeeld.Wijzigingen.Count, toegepast.Personen);

        await OkAsync(duo, "/duo/geparkeerd");
        var groepen = Dienst<GeparkeerdeGroepen>();
        var groep = (await groepen.OverzichtAsync(CancellationToken.None)).Groepen.First(g => g.Geparkeerd > 0);
        await groepen.VrijgevenAsync(groep.Uitkomst, groep.Doelgroep, false, Beheer.Id, Reden("vrijgave"), CancellationToken.None);
    }

    /// <summary>A single-person correction: look-up (also a malformed BSN), effect, proposal, self-approval refused, approval by a second user.</summary>
    private async Task VierOgenAsync()
    {
        var dienst = Dienst<PersoonscorrectieDienst>();
        var bsn = await ScalarAsync<string>(
            "select bsn from persoon where uitkomst = 'Wi2021' and doelgroep = 'Asielstatushouder' and not geparkeerd " +
            "and datum_bekendmaking_beschikking >= '2022-01-01' order by bsn limit 1");
        Assert.IsType<Opzoeking.Ongeldig>(await dienst.ZoekAsync(Beheer, "123456788"));
        Assert.IsType<Opzoeking.NietGevonden>(await dienst.ZoekAsync(Beheer, Nieuw[3].Bsn));
        var gevonden = Assert.IsType<Opzoeking.Gevonden>(await dienst.ZoekAsync(Beheer, bsn));
        var invoer = CorrectieInvoer.Van(gevonden.Dossier.Feiten);
        invoer.Bekendmaking = "2021-12-28";
        invoer.Reden = Reden("persoonscorrectie");
        Assert.IsType<Voorstelresultaat.Berekend>(await dienst.BerekenAsync(Beheer, bsn, invoer));
        var id = Assert.IsType<Voorstelresultaat.Berekend>(await dienst.StelVoorAsync(Beheer, bsn, invoer)).Id!.Value;
        Assert.IsType<Besluitresultaat.Geweigerd>(await dienst.KeurGoedAsync(Beheer, id));
        using (var duo = Aanmelding.Als(_factory, "duo.controle"))
        {
            await OkAsync(duo, "/duo/persoonscorrecties");
            await OkAsync(duo, $"/duo/personen/{bsn}");
        }
        _klok.Advance(TimeSpan.FromHours(1));
        Assert.IsType<Besluitresultaat.Besloten>(await dienst.KeurGoedAsync(Controle, id));

        // A second proposal, rejected with a reason of its own.
        invoer.Bekendmaking = "2021-12-29";
        invoer.Reden = Reden("voorstel");
        var tweede = Assert.IsType<Voorstelresultaat.Berekend>(await dienst.StelVoorAsync(Beheer, bsn, invoer)).Id!.Value;
        Assert.IsType<Besluitresultaat.Besloten>(await dienst.WijsAfAsync(Controle, tweede, Reden("afwijzing")));
    }

    /// <summary>The auditor: start page, a person's timeline (and a malformed BSN), a check of the chain.</summary>
    private async Task AuditorAsync()
    {
        using var fg = Aanmelding.Als(_factory, "fg.auditor");
        await OkAsync(fg, "/audit");
        var tijdlijn = Dienst<AuditTijdlijn>();
        // The caseworker's person: shown, searched and downloaded, so the timeline has entries.
        var eerste = await tijdlijn.ZoekAsync(Auditor, _getoond, 0, 10, registreer: true);
        Assert.True(eerste.Totaal > 0);
        await tijdlijn.ZoekAsync(Auditor, _getoond, 1, 10, registreer: false);
        await Assert.ThrowsAsync<ArgumentException>(() => tijdlijn.ZoekAsync(Auditor, "123456788", 0, 10, registreer: true));
        Assert.True((await Dienst<AuditKeten>().ControleerAsync(Auditor.Id)).Intact);
        await OkAsync(fg, "/audit");
    }

    /// <summary>Of the demo caseworkers, the one whose municipality has the most persons under the Wi2021.</summary>
    private async Task<(string Gemeente, string Gebruiker)> GemeenteMetDeMeesteWi2021Async()
    {
        var caseworkers = DemoGebruikers.Alle.Where(g => g.Rol == Rol.Gemeente).ToDictionary(g => g.GemeenteCode!, g => g.Gebruikersnaam);
        await using var ds = NpgsqlDataSource.Create(database.ConnectionString);
        await using var cmd = ds.CreateCommand(
            "select pub_gemeente_code from persoon where pub_uitkomst = 'Wi2021' and not geparkeerd and pub_gemeente_code = any(@g) " +
            "group by 1 order by count(*) desc, 1 limit 1");
        cmd.Parameters.AddWithValue("g", caseworkers.Keys.ToArray());
        var gemeente = (string?)await cmd.ExecuteScalarAsync()
            ?? throw new InvalidOperationException("Geen demogemeente met personen onder de Wi2021.");
        return (gemeente, caseworkers[gemeente]);
    }

    /// <summary>Every BSN and name the database holds after the work, and those the test typed.</summary>
    private async Task<(List<string> Bsns, List<string> Namen)> PersoonsgegevensAsync()
    {
        var bsns = Nieuw.Select(n => n.Bsn).ToList();
        var namen = Nieuw.Select(n => n.Naam).ToList();
        await using var ds = NpgsqlDataSource.Create(database.ConnectionString);
        await using var cmd = ds.CreateCommand("select bsn, naam from persoon");
        await using var lezer = await cmd.ExecuteReaderAsync();
        while (await lezer.ReadAsync())
        {
            bsns.Add(lezer.GetString(0));
            namen.Add(lezer.GetString(1));
        }
        return (bsns, namen);
    }

    private async Task<(string Bsn, string Naam)> PersoonAsync(string sql)
    {
        await using var ds = NpgsqlDataSource.Create(database.ConnectionString);
        await using var cmd = ds.CreateCommand(sql);
        await using var lezer = await cmd.ExecuteReaderAsync();
        Assert.True(await lezer.ReadAsync(), sql);
        return (lezer.GetString(0), lezer.GetString(1));
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Naam, object Waarde)[] parameters)
    {
        await using var ds = NpgsqlDataSource.Create(database.ConnectionString);
        await using var cmd = ds.CreateCommand(sql);
        foreach (var (naam, waarde) in parameters)
        {
            cmd.Parameters.AddWithValue(naam, waarde);
        }
        var uitkomst = await cmd.ExecuteScalarAsync();
        Assert.True(uitkomst is T, $"Geen uitkomst voor: {sql}");
        return (T)uitkomst!;
    }

    private static async Task OkAsync(HttpClient client, string pad)
    {
        using var antwoord = await client.GetAsync(new Uri(pad, UriKind.Relative));
        Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"{pad}: {(int)antwoord.StatusCode}");
        await antwoord.Content.ReadAsByteArrayAsync();
    }

    private static Dictionary<string, string?> Ind(string id, string bsn, string naam, string uitreiking) => new()
    {
        ["bericht_id"] = id, ["bsn"] = bsn, ["v_nummer"] = "0099990906", ["naam"] = naam, ["geboortedatum"] = "1993-09-09",
        ["nationaliteit"] = "MAR", ["verblijfsdoel"] = "gezinshereniging", ["datum_ingang_verblijfsrecht"] = "2021-09-20",
        ["datum_beschikking"] = "2021-12-01", ["datum_bekendmaking_beschikking"] = null, ["datum_uitreiking_document"] = uitreiking,
        ["datum_kennisgeving"] = "2022-02-11", ["datum_intrekking"] = null,
    };

    private static string IndRegel(string id, string bsn, string naam, string uitreiking) =>
        $"{id},{bsn},0099990907,{naam},1990-05-05,MAR,gezinshereniging,2021-09-20,2021-12-01,,{uitreiking},2022-02-11,";

    private static object Brp(string id, string bsn, string gemeente, string vestiging) =>
        new { bericht_id = id, bsn, gemeente, adres_is_coa_locatie = "false", datum_vestiging = vestiging };

    private Task<HttpResponseMessage> PostFeitAsync(string bron, object bericht) =>
        PostRuwAsync(bron, JsonSerializer.Serialize(bericht), bron switch
        {
            "ind" => PibWebFactory.IndSleutel,
            "coa" => PibWebFactory.CoaSleutel,
            _ => PibWebFactory.BrpSleutel,
        });

    private async Task<HttpResponseMessage> PostRuwAsync(string bron, string body, string sleutel)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/feiten/{bron}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, sleutel);
        var antwoord = await client.SendAsync(request);
        await antwoord.Content.LoadIntoBufferAsync();
        return antwoord;
    }
}
