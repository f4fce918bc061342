using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static DuoInburgering.Web.Tests.Features.Correcties.IncidentCohortDatabase;

namespace DuoInburgering.Web.Tests.Features.Correcties;

/// <summary>
/// Issue 5 item 2 on real PostgreSQL: the incident cohort processed under rule set 2021-12, corrected to
/// 2022-03. Every test works on its own copy of that database.
/// </summary>
[Collection(IncidentCohortCollectie.Naam)]
public sealed class CorrectieToepassingTests(IncidentCohortDatabase cohort)
{
    private static readonly CancellationToken Geen = CancellationToken.None;

    private sealed class Omgeving(string cs) : IAsyncDisposable
    {
        public string Cs { get; } = cs;
        public NpgsqlDataSource Db { get; } = NpgsqlDataSource.Create(cs);
        public Testklok Klok { get; } = new(Correctiedag);

        public Correctiedienst Dienst(int brok = 2_500, Func<int, CancellationToken, Task>? naBrok = null) =>
            new(Db, Klok, TestAudit.Log(Klok)) { Brokgrootte = brok, NaBrok = naBrok };

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private async Task<Omgeving> OmgevingAsync() => new(await cohort.KopieAsync());

    [Fact]
    public async Task Het_voorbeeld_toont_precies_de_verkeerd_geplaatste_personen()
    {
        await using var o = await OmgevingAsync();
        var fout = await CorrectieDb.VolgensAsync(o.Cs, Regelset2021_12.Instance);
        var goed = await CorrectieDb.VolgensAsync(o.Cs, Regelset2022_03.Instance);
        await using (var db = CorrectieDb.Context(o.Cs))
        {
            // The database was really processed under 2021-12, regime and linking.
            var opgeslagen = await db.Personen.AsNoTracking().Select(p => new { p.Bsn, p.Uitkomst, p.GemeenteCode, p.RegelsetVersie }).ToListAsync();
            Assert.Equal(Synthetisch + 13, opgeslagen.Count);
            Assert.All(opgeslagen, p => Assert.Equal(("2021-12", fout[p.Bsn].Uitkomst, fout[p.Bsn].Gemeente),
                (p.RegelsetVersie, p.Uitkomst, p.GemeenteCode)));
        }

        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);

        var verwacht = goed.Where(g => g.Value != fout[g.Key]).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(verwacht, v.Wijzigingen.Select(w => w.Bsn).ToList());
        Assert.Equal((Synthetisch + 13, Synthetisch + 13), (v.Personen, v.InScope));
        Assert.All(v.Wijzigingen, w =>
        {
            Assert.Equal((fout[w.Bsn].Uitkomst.ToString(), fout[w.Bsn].Gemeente), (w.OudeUitkomst, w.OudeGemeente));
            Assert.Equal((goed[w.Bsn].Uitkomst.ToString(), goed[w.Bsn].Gemeente), (w.NieuweUitkomst, w.NieuweGemeente));
            Assert.Equal("2021-12", w.OudeRegelset);
            Assert.False(string.IsNullOrWhiteSpace(w.OudeReden + w.NieuweReden + w.OudeKoppelingReden + w.NieuweKoppelingReden));
        });

        // The cohort: the eight late-2021 cases leave Wi2021; Tesfazgi stays Wi2021 and moves from the AZC's Ede to Groningen.
        var cohortRijen = v.Wijzigingen.Where(w => w.Bsn.StartsWith("99999", StringComparison.Ordinal)).ToDictionary(w => w.Bsn);
        Assert.Equal([.. VerkeerdGeplaatst.Append(Tesfazgi).Order(StringComparer.Ordinal)], cohortRijen.Keys.Order(StringComparer.Ordinal));
        Assert.All(VerkeerdGeplaatst, b => Assert.Equal((CorrectieActie.VerlaatWi2021, "Wi2021", "Wi2013"),
            (cohortRijen[b].Actie, cohortRijen[b].OudeUitkomst, cohortRijen[b].NieuweUitkomst)));
        var tesfazgi = cohortRijen[Tesfazgi];
        Assert.Equal((CorrectieActie.Herbepalen, "Wi2021", "Wi2021", "GM0228", "GM0014"),
            (tesfazgi.Actie, tesfazgi.OudeUitkomst, tesfazgi.NieuweUitkomst, tesfazgi.OudeGemeente, tesfazgi.NieuweGemeente));
        Assert.Contains("foutieve koppeling 2021-12", tesfazgi.OudeKoppelingReden, StringComparison.Ordinal);
        Assert.Equal(("GM1706", "GM0363"), (cohortRijen["999990032"].OudeGemeente, cohortRijen["999990032"].NieuweGemeente));
        Assert.Equal(("GM1950", (string?)null), (cohortRijen["999990019"].OudeGemeente, cohortRijen["999990019"].NieuweGemeente));

        // Counted per municipality, old and new; Benali's SS190 goes to both municipalities that had her Wi2021 signals.
        Assert.Equal(v.Wijzigingen.Count, v.PerGemeente.Sum(g => g.Oud));
        Assert.Equal(v.Wijzigingen.Count, v.PerGemeente.Sum(g => g.Nieuw + g.Geparkeerd));
        var gm1706 = v.PerGemeente.Single(g => g.Gemeente == "GM1706");
        Assert.True(gm1706.Oud >= 2 && gm1706.Ss190 >= 2);
        Assert.True(v.PerGemeente.Single(g => g.Gemeente == "GM0014").Nieuw >= 1);
        Assert.Equal(v.Hash, Herbepalingsvoorbeeld.Hash("2022-03", CorrectieScope.Iedereen, v.Wijzigingen));
    }

    [Fact]
    public async Task Het_voorbeeld_schrijft_niets()
    {
        await using var o = await OmgevingAsync();
        var voor = await CorrectieDb.StandAsync(o.Cs);
        var eerste = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        var tweede = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        Assert.Equal(voor, await CorrectieDb.StandAsync(o.Cs));
        Assert.Equal(eerste.Hash, tweede.Hash);
    }

    [Fact]
    public async Task De_scope_beperkt_wie_in_het_voorbeeld_staat()
    {
        await using var o = await OmgevingAsync();
        var alles = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);

        var gezin = await o.Dienst().VoorbeeldAsync("2022-03", new CorrectieScope(Doelgroep: Doelgroep.Gezinsmigrant), Geen);
        Assert.Equal(alles.Wijzigingen.Where(w => w.Doelgroep == "Gezinsmigrant").Select(w => w.Bsn), gezin.Wijzigingen.Select(w => w.Bsn));
        Assert.Contains(gezin.Wijzigingen, w => w.Bsn == Benali);

        var cranendonck = await o.Dienst().VoorbeeldAsync("2022-03",
            new CorrectieScope(Gemeente: new Domain.Identiteit.GemeenteCode("GM1706")), Geen);
        Assert.Equal(alles.Wijzigingen.Where(w => w.OudeGemeente == "GM1706" || w.NieuweGemeente == "GM1706").Select(w => w.Bsn),
            cranendonck.Wijzigingen.Select(w => w.Bsn));
        Assert.Contains(cranendonck.Wijzigingen, w => w.Bsn == "999990032");

        // The wrong rule's peildatum for the cohort lies in January 2022, the right one in December 2021: both select them.
        var december = await o.Dienst().VoorbeeldAsync("2022-03",
            new CorrectieScope(Regime: Regime.Wi2013, PeildatumVan: new DateOnly(2021, 12, 1), PeildatumTot: new DateOnly(2021, 12, 31)), Geen);
        Assert.Contains(december.Wijzigingen, w => w.Bsn == "999990019");
        Assert.DoesNotContain(december.Wijzigingen, w => w.Bsn == Tesfazgi);
        Assert.NotEqual(alles.Hash, december.Hash);

        var ex = await Assert.ThrowsAsync<CorrectieException>(() => o.Dienst().VoorbeeldAsync("2022-03",
            new CorrectieScope(PeildatumVan: new DateOnly(2022, 2, 1), PeildatumTot: new DateOnly(2022, 1, 1)), Geen));
        Assert.Equal("De peildatum 'vanaf' ligt na de peildatum 'tot en met'.", ex.Message);
        await Assert.ThrowsAsync<CorrectieException>(() => o.Dienst().VoorbeeldAsync("2023-01", CorrectieScope.Iedereen, Geen));
    }

    [Fact]
    public async Task Toepassen_geeft_precies_het_voorbeeld()
    {
        await using var o = await OmgevingAsync();
        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        var gemeenten = v.PerGemeente.Where(g => g.Gemeente is not null).Select(g => g.Gemeente!)
            .Concat(["GM0363", "GM0599", "GM0518", "GM0855"]).Distinct().ToList();
        var zichtbaarVoor = new Dictionary<string, List<string>>();
        foreach (var g in gemeenten)
        {
            zichtbaarVoor[g] = await CorrectieDb.ZichtbarePersonenAsync(o.Cs, g, Vandaag);
        }
        var voor = await CorrectieDb.StandAsync(o.Cs);

        var r = await o.Dienst(brok: 7).ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);

        Assert.Equal((ToepassingUitkomst.Toegepast, v.Wijzigingen.Count, v.Wijzigingen.Count, v.Ss190),
            (r.Uitkomst, r.Personen, r.Verwerkt, r.Ss190));
        var lijst = v.Wijzigingen.ToDictionary(w => w.Bsn);
        await using (var db = CorrectieDb.Context(o.Cs))
        {
            var personen = await db.Personen.AsNoTracking().ToListAsync();
            foreach (var p in personen.Where(p => lijst.ContainsKey(p.Bsn)))
            {
                var w = lijst[p.Bsn];
                Assert.Equal((w.NieuweUitkomst, w.NieuweGemeente, "2022-03", w.NieuweReden, w.NieuweKoppelingReden),
                    (p.Uitkomst.ToString(), p.GemeenteCode, p.RegelsetVersie, p.Reden, p.KoppelingReden));
                Assert.Equal(w.Actie == CorrectieActie.VerlaatWi2021, p.Geparkeerd);
                if (w.Actie == CorrectieActie.Herbepalen)
                {
                    Assert.Equal((w.NieuweUitkomst, w.NieuweGemeente), (p.PubUitkomst?.ToString(), p.PubGemeenteCode));
                }
            }
            // Everyone else is exactly as before.
            var voorPersonen = voor["persoon"];
            var naPersonen = (await CorrectieDb.StandAsync(o.Cs))["persoon"];
            Assert.Equal(voorPersonen.Where(j => !lijst.Keys.Any(b => j.Contains($"\"bsn\":\"{b}\"", StringComparison.Ordinal))),
                naPersonen.Where(j => !lijst.Keys.Any(b => j.Contains($"\"bsn\":\"{b}\"", StringComparison.Ordinal))));

            // The run holds the preview's list, every row carried out, and the active rule set follows.
            var run = await db.Correcties.AsNoTracking().SingleAsync();
            Assert.Equal(("2022-03", "2021-12", "Voltooid", v.Hash, "duo.beheer", v.Wijzigingen.Count), (run.Versie, run.VorigeVersie, run.Status, run.LijstHash, run.Door, run.Verwerkt));
            var rijen = await db.CorrectiePersonen.AsNoTracking().OrderBy(c => c.Bsn).ToListAsync();
            Assert.Equal(v.Wijzigingen.Select(w => (w.Bsn, w.Actie, w.OudeGemeente, w.NieuweGemeente)),
                rijen.Select(c => (c.Bsn, c.Actie, c.OudeGemeente, c.NieuweGemeente)));
            Assert.All(rijen, c => Assert.NotNull(c.VerwerktOp));
            Assert.Equal("2022-03", (await db.RegelsetActief.AsNoTracking().SingleAsync()).Versie);
        }

        // Each municipality sees what the preview said: the listed persons it had are gone, those it gets (not parked) are there.
        foreach (var g in gemeenten)
        {
            bool Getoond(Wijziging w) => w.Actie == CorrectieActie.Herbepalen && w.NieuweGemeente == g
                && Enum.Parse<RegimeUitkomst>(w.NieuweUitkomst).AlsRegime() is not null;
            var verwacht = zichtbaarVoor[g]
                .Where(b => !lijst.ContainsKey(b) || Getoond(lijst[b]))
                .Concat(v.Wijzigingen.Where(Getoond).Select(w => w.Bsn))
                .Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(verwacht, await CorrectieDb.ZichtbarePersonenAsync(o.Cs, g, Vandaag));
            var telling = v.PerGemeente.SingleOrDefault(t => t.Gemeente == g);
            var ss190 = await CorrectieDb.AlsGemeenteAsync(o.Cs, g, Vandaag, "select bsn from signaal where code = 'SS190'");
            Assert.Equal(telling?.Ss190 ?? 0, ss190.Count);
        }
        Assert.Contains(Tesfazgi, await CorrectieDb.ZichtbarePersonenAsync(o.Cs, "GM0014", Vandaag));
        Assert.DoesNotContain(Tesfazgi, await CorrectieDb.ZichtbarePersonenAsync(o.Cs, "GM0228", Vandaag));
        // A correction is not a move (Gemeentecorrectie): the new municipality gets the first announcement, the
        // municipality that never should have had the person loses its signals, and the episode names the run.
        Assert.Contains("SS101", await CorrectieDb.AlsGemeenteAsync(o.Cs, "GM0014", Vandaag,
            $"select code from signaal where bsn = '{Tesfazgi}' and regime = 'Wi2021'"));
        Assert.Empty(await CorrectieDb.AlsGemeenteAsync(o.Cs, "GM0228", Vandaag, $"select code from signaal where bsn = '{Tesfazgi}'"));
        await using var verbinding = new NpgsqlConnection(o.Cs);
        await verbinding.OpenAsync();
        await using var episode = new NpgsqlCommand(
            $"select oude_gemeente, nieuwe_gemeente, correctie_id is not null from misplaatsing where bsn = '{Tesfazgi}'", verbinding);
        await using var rij = await episode.ExecuteReaderAsync();
        Assert.True(await rij.ReadAsync());
        Assert.Equal(("GM0228", "GM0014", true), (rij.GetString(0), rij.GetString(1), rij.GetBoolean(2)));
    }

    [Fact]
    public async Task Ss190_gaat_naar_elke_gemeente_met_wi2021_signalen_en_draagt_alleen_het_bsn()
    {
        await using var o = await OmgevingAsync();
        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        var vertrekkers = v.Wijzigingen.Where(w => w.Actie == CorrectieActie.VerlaatWi2021).Select(w => w.Bsn).ToList();
        var hadden = (await CorrectieDb.LijstAsync(o.Cs, """
            select distinct bsn || ' ' || gemeente_code from signaal
            where regime = 'Wi2021' and ingetrokken_op is null and bsn = any(@b) order by 1
            """, ("b", vertrekkers.ToArray()))).Order(StringComparer.Ordinal).ToList();
        Assert.Contains($"{Benali} GM0599", hadden);
        Assert.Contains($"{Benali} GM0363", hadden);

        await o.Dienst().ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);

        await using var db = CorrectieDb.Context(o.Cs);
        var ss190 = await db.Signalen.AsNoTracking().Where(s => s.Code == Domain.Signalen.SignaalCode.SS190).ToListAsync();
        Assert.Equal(hadden, ss190.Select(s => s.Bsn + " " + s.GemeenteCode).Order(StringComparer.Ordinal));
        Assert.All(ss190, s =>
        {
            Assert.Equal((Domain.Regimes.Regime.Wi2021, Vandaag, Correctiedag), (s.Regime, s.Datum, s.AangemaaktOp));
            Assert.Equal(SignaalCatalogus.Naam(SignaalCode.SS190), s.Toelichting);
            Assert.Null(s.IngetrokkenOp);
        });
        // Nothing about the person but the BSN reaches the municipality: the SS190 list has no name column.
        using var factory = new CorrectieWebFactory(o.Cs);
        using var client = factory.GemeenteClient("GM0599");
        var csv = await client.GetStringAsync(new Uri("/gemeente/signalen/ss190.csv", UriKind.Relative));
        var regels = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bsn;code;omschrijving;datum;afgehandeld", regels[0]);
        Assert.Contains(regels, r => r.StartsWith(Benali + ";SS190;", StringComparison.Ordinal));
        Assert.DoesNotContain("Benali", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overige_wi2021_signalen_worden_ingetrokken_en_zijn_nergens_meer_te_zien()
    {
        await using var o = await OmgevingAsync();
        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        await o.Dienst().ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);
        var vertrekkers = v.Wijzigingen.Where(w => w.Actie == CorrectieActie.VerlaatWi2021).Select(w => w.Bsn).ToHashSet();

        await using (var db = CorrectieDb.Context(o.Cs))
        {
            var wi2021 = await db.Signalen.AsNoTracking().Where(s => s.Regime == Domain.Regimes.Regime.Wi2021 && vertrekkers.Contains(s.Bsn)).ToListAsync();
            Assert.Contains(wi2021, s => s.Code != Domain.Signalen.SignaalCode.SS190);
            Assert.All(wi2021, s => Assert.Equal(s.Code == Domain.Signalen.SignaalCode.SS190, s.IngetrokkenOp is null));
            Assert.All(wi2021.Where(s => s.Code != Domain.Signalen.SignaalCode.SS190), s => Assert.Equal(Correctiedag, s.IngetrokkenOp));
        }
        // Row-level security: a municipality's own view holds only the SS190 of a person who left Wi2021.
        foreach (var g in new[] { "GM0599", "GM0363", "GM1706", "GM1950" })
        {
            var codes = await CorrectieDb.AlsGemeenteAsync(o.Cs, g, Vandaag,
                $"select code from signaal where bsn in ({string.Join(",", vertrekkers.Select(b => $"'{b}'"))}) and regime = 'Wi2021'");
            Assert.All(codes, c => Assert.Equal("SS190", c));
        }

        // And through the portal: list download, start page, person page.
        using var basis = new CorrectieWebFactory(o.Cs);
        using var factory = basis.MetKlok(o.Klok);
        using var rotterdam = factory.GemeenteClient("GM0599");
        var lijst = await rotterdam.GetStringAsync(new Uri("/gemeente/signalen/wi2021/download.csv", UriKind.Relative));
        var benali = lijst.Split("\r\n").Where(r => r.StartsWith(Benali + ";", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(benali);
        Assert.All(benali, r => Assert.Contains(";SS190;", r, StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            (await rotterdam.GetAsync(new Uri($"/gemeente/personen/{Benali}", UriKind.Relative))).StatusCode);
        var start = await rotterdam.GetStringAsync(new Uri("/gemeente", UriKind.Relative));
        Assert.Contains("SS190", start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Geparkeerde_personen_zijn_onder_wi2013_niet_te_zien()
    {
        await using var o = await OmgevingAsync();
        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        await o.Dienst().ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);

        foreach (var w in v.Wijzigingen.Where(w => w.Actie == CorrectieActie.VerlaatWi2021 && w.NieuweGemeente is not null))
        {
            Assert.DoesNotContain(w.Bsn, await CorrectieDb.ZichtbarePersonenAsync(o.Cs, w.NieuweGemeente!, Vandaag));
            Assert.Empty(await CorrectieDb.AlsGemeenteAsync(o.Cs, w.NieuweGemeente!, Vandaag,
                $"select code from signaal where bsn = '{w.Bsn}' and regime = 'Wi2013'"));
        }
        await using var db = CorrectieDb.Context(o.Cs);
        var benali = await db.Personen.AsNoTracking().SingleAsync(p => p.Bsn == Benali);
        Assert.Equal((Domain.Regimes.RegimeUitkomst.Wi2013, (Domain.Regimes.RegimeUitkomst?)Domain.Regimes.RegimeUitkomst.Wi2013, "GM0363", true), (benali.Uitkomst, benali.PubUitkomst, benali.PubGemeenteCode, benali.Geparkeerd));
        using var basis = new CorrectieWebFactory(o.Cs);
        using var factory = basis.MetKlok(o.Klok);
        using var amsterdam = factory.GemeenteClient("GM0363");
        var wi2013 = await amsterdam.GetStringAsync(new Uri("/gemeente/signalen/wi2013/download.csv", UriKind.Relative));
        Assert.DoesNotContain(Benali, wi2013, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_onderbroken_toepassing_eindigt_na_herhalen_als_een_schone_run()
    {
        await using var schoon = await OmgevingAsync();
        await using var onderbroken = await OmgevingAsync();
        var v = await schoon.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        Assert.True(v.Wijzigingen.Count > 6);
        await schoon.Dienst(brok: 3).ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);

        var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => onderbroken.Dienst(brok: 3, naBrok: (n, _) =>
            n == 2 ? throw new InvalidOperationException("stroomstoring") : Task.CompletedTask)
            .ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen));
        Assert.Equal("stroomstoring", crash.Message);
        await using (var db = CorrectieDb.Context(onderbroken.Cs))
        {
            var run = await db.Correcties.AsNoTracking().SingleAsync();
            Assert.Equal(("Bezig", 6), (run.Status, run.Verwerkt));
            Assert.Equal(6, await db.CorrectiePersonen.CountAsync(c => c.VerwerktOp != null));
            Assert.Equal("2021-12", (await db.RegelsetActief.AsNoTracking().SingleAsync()).Versie);
        }
        // Meanwhile processing stops with a Dutch message instead of re-deriving the rest without SS190 and parking.
        await using (var conn = await onderbroken.Db.OpenConnectionAsync())
        await using (await conn.BeginTransactionAsync())
        {
            var stop = await Assert.ThrowsAsync<CorrectieOnderbrokenException>(() => Verwerkingscontext.LaadAsync(conn, onderbroken.Klok, Geen));
            Assert.StartsWith("Correctie 1 is onderbroken en nog niet afgerond.", stop.Message, StringComparison.Ordinal);
        }
        // Another preview cannot start a second run either.
        var ander = await onderbroken.Dienst().VoorbeeldAsync("2022-03", new CorrectieScope(Regime: Regime.Wi2021), Geen);
        var geweigerd = await Assert.ThrowsAsync<CorrectieException>(() =>
            onderbroken.Dienst().ToepassenAsync("2022-03", new CorrectieScope(Regime: Regime.Wi2021), ander.Hash, "duo.beheer", Geen));
        Assert.StartsWith("Correctie 1 is onderbroken", geweigerd.Message, StringComparison.Ordinal);

        var hervat = await onderbroken.Dienst(brok: 3).ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);

        Assert.Equal((ToepassingUitkomst.Hervat, v.Wijzigingen.Count - 6), (hervat.Uitkomst, hervat.Verwerkt));
        Assert.Equal(await CorrectieDb.StandAsync(schoon.Cs), await CorrectieDb.StandAsync(onderbroken.Cs));
    }

    [Fact]
    public async Task Nogmaals_toepassen_verandert_niets()
    {
        await using var o = await OmgevingAsync();
        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        var eerste = await o.Dienst().ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);
        var na = await CorrectieDb.StandAsync(o.Cs);

        o.Klok.Zet(Correctiedag.AddDays(1));
        var tweede = await o.Dienst().ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.tweede", Geen);
        var viaLijst = await o.Dienst().HervatAsync(eerste.CorrectieId, "duo.tweede", Geen);

        Assert.Equal((ToepassingUitkomst.AlToegepast, eerste.CorrectieId, 0), (tweede.Uitkomst, tweede.CorrectieId, tweede.Verwerkt));
        Assert.Equal(ToepassingUitkomst.AlToegepast, viaLijst.Uitkomst);
        Assert.Equal(na, await CorrectieDb.StandAsync(o.Cs));

        // Not only the check: the database itself refuses a second run of the same list.
        await using var conn = await o.Db.OpenConnectionAsync();
        await using var dubbel = new NpgsqlCommand("""
            insert into correctie (versie, vorige_versie, door, aangemaakt_op, lijst_hash, status, personen, verlaten_wi2021, herbepaald, verwerkt, ss190, signalen)
            values ('2022-03', '2021-12', 'x', now(), @h, 'Bezig', 0, 0, 0, 0, 0, 0)
            """, conn);
        dubbel.Parameters.AddWithValue("h", v.Hash);
        var fout = await Assert.ThrowsAsync<PostgresException>(() => dubbel.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, fout.SqlState);

        // A new preview after the correction finds nothing left to correct.
        var daarna = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        Assert.Empty(daarna.Wijzigingen);
    }

    [Fact]
    public async Task Een_verouderd_voorbeeld_wordt_geweigerd_en_er_wordt_niets_geschreven()
    {
        await using var o = await OmgevingAsync();
        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        // After the preview, COA links Samira Alkadour (#01) to Amsterdam: she would now move there, not to no municipality.
        var map = Directory.CreateTempSubdirectory("pib-correctie-");
        try
        {
            var pad = Path.Combine(map.FullName, "coa.csv");
            await File.WriteAllTextAsync(pad, Domain.Synthetisch.SynthetischePopulatie.CoaKop + "\nCOA-KOPPEL-01,999990019,AZC Ter Apel,GM0363,2022-03-20,\n");
            await FeitenImport.ImportAsync(o.Db, FeitBron.Coa, pad, o.Klok, TestAudit.Log(o.Klok), Geen);
        }
        finally
        {
            map.Delete(recursive: true);
        }
        var voor = await CorrectieDb.StandAsync(o.Cs);

        var ex = await Assert.ThrowsAsync<CorrectieException>(() =>
            o.Dienst().ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen));

        Assert.StartsWith("Het voorbeeld is verouderd", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Er is niets gewijzigd.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(voor, await CorrectieDb.StandAsync(o.Cs));
        Assert.Empty(voor["correctie"]);
        var opnieuw = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        Assert.Equal("GM0363", opnieuw.Wijzigingen.Single(w => w.Bsn == "999990019").NieuweGemeente);
    }

    [Fact]
    public async Task Terugtrekken_is_setgewijs_en_een_tweede_keer_schrijft_niets()
    {
        await using var o = await OmgevingAsync();
        await using var conn = await o.Db.OpenConnectionAsync();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            var n = await Wi2021Terugtrekking.TrekTerugAsync(conn, [Benali, "999990032", "999990111"], Vandaag, Correctiedag, new Verwerkingsaudit(Correctiedag), Geen);
            // Benali: Rotterdam and Amsterdam; Karimzada: Cranendonck; Salehi (#09, rightly Wi2021) as well, because the caller asked.
            Assert.Equal(4, n);
            Assert.Equal(0, await Wi2021Terugtrekking.TrekTerugAsync(conn, [Benali, "999990032", "999990111"], Vandaag, Correctiedag, new Verwerkingsaudit(Correctiedag), Geen));
            Assert.Equal(0, await Wi2021Terugtrekking.TrekTerugAsync(conn, [], Vandaag, Correctiedag, new Verwerkingsaudit(Correctiedag), Geen));
            await tx.RollbackAsync();
        }
        Assert.Empty(await CorrectieDb.LijstAsync(o.Cs, "select bsn from signaal where code = 'SS190' or ingetrokken_op is not null"));
    }

    [Theory]
    [InlineData("correctie")]
    [InlineData("correctie_persoon")]
    [InlineData("regelset_actief")]
    [InlineData("regelset_historie")]
    public async Task Een_gemeente_kan_de_correctietabellen_van_duo_niet_lezen(string tabel)
    {
        await using var o = await OmgevingAsync();
        var v = await o.Dienst().VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        await o.Dienst().ToepassenAsync("2022-03", CorrectieScope.Iedereen, v.Hash, "duo.beheer", Geen);
        var fout = await Assert.ThrowsAsync<PostgresException>(() =>
            CorrectieDb.AlsGemeenteAsync(o.Cs, "GM1706", Vandaag, $"select count(*)::text from {tabel}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
    }

    [Fact]
    public async Task De_actieve_regelset_wordt_gelezen_en_vastgelegd()
    {
        await using var o = await OmgevingAsync();
        await using (var conn = await o.Db.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            Assert.Equal("2021-12", (await Verwerkingscontext.LaadAsync(conn, o.Klok, Geen)).Rules.Versie);
        }
        var stand = await ActieveRegelset.WijzigAsync(o.Db, "2022-03", "duo.beheer", "terug naar de juiste regel", o.Klok, TestAudit.Log(o.Klok), Geen);
        Assert.Equal(new RegelsetStand("2022-03", Correctiedag, "duo.beheer", "terug naar de juiste regel"), stand);
        var historie = await CorrectieDb.LijstAsync(o.Cs, "select vorige_versie || ' -> ' || versie || ' ' || door from regelset_historie order by id");
        Assert.Equal(["2022-03 -> 2021-12 test", "2021-12 -> 2022-03 duo.beheer"], historie);
        var onbekend = await Assert.ThrowsAsync<CorrectieException>(() => ActieveRegelset.WijzigAsync(o.Db, "2020-01", "x", "y", o.Klok, TestAudit.Log(o.Klok), Geen));
        Assert.Equal("Onbekende regelset '2020-01'. Bekend: 2021-12, 2022-03.", onbekend.Message);
        await Assert.ThrowsAsync<CorrectieException>(() => ActieveRegelset.WijzigAsync(o.Db, "2021-12", "x", " ", o.Klok, TestAudit.Log(o.Klok), Geen));
    }
}
