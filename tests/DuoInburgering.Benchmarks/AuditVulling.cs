using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Fills <c>audit.regel</c> with an audit log of realistic shape, through the real writer
/// (<see cref="Auditlog.SchrijfAsync(NpgsqlTransaction, IEnumerable{AuditRegel}, CancellationToken)"/>: keyed hash of
/// every BSN, the SHA-256 chain, binary COPY) in large batches, one transaction each.
/// </summary>
/// <remarks>
/// <para>The log runs from January 2022 to mid-2026; persons arrive over its first 85%. Rows by kind (shares of all
/// rows, the disclosures dominating as they do in the portal): facts received with their derivation and often a
/// signal, for recent arrivals mostly and later facts (moves, PIP) for anyone, 28%; signals handled or withdrawn
/// 4%; DUO corrections over 1–50 persons 1%; a person page or search 5%; list pages of 25 persons 37%; downloads
/// of 100–1,000 persons 25%. Persons are drawn so each one's rows lie scattered over the whole table, as they do
/// over the years: the hard case for a timeline.</para>
/// <para>Within list pages and downloads one row in ten is one of <see cref="Zwaar"/> heavy persons (about 1,500
/// rows each) and one in a hundred one of <see cref="Extreem"/> extreme persons (about 30,000 rows each): people in
/// every municipal list for years. Trace and span ids are one per batch (one writer call); nothing queries them.</para>
/// <para>Deterministic: the same seed and sizes give the same persons and kinds (times and ids follow the run).</para>
/// </remarks>
internal sealed class AuditVulling
{
    public const int Zwaar = 2_000;
    public const int Extreem = 10;

    private static readonly DateTimeOffset Begin = new(2022, 1, 3, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Eind = new(2026, 6, 30, 17, 0, 0, TimeSpan.Zero);

    private static readonly string[] Gemeenten =
    [
        "GM0363", "GM0599", "GM0518", "GM0344", "GM0228", "GM0014", "GM0034", "GM0153", "GM0200", "GM0268",
        "GM0307", "GM0361", "GM0402", "GM0439", "GM0479", "GM0546", "GM0637", "GM0772", "GM0796", "GM0855",
    ];

    private readonly long _regels;
    private readonly int _seed;
    private readonly Pool _pool = new();

    public AuditVulling(int personen, long regels, int seed = 20_260_601)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(personen, Zwaar * 10);
        _regels = regels;
        _seed = seed;
        Bsns = GeldigeBsns(personen);
        // Heavy and extreme persons evenly spread over the arrivals, so some are old and some recent.
        ZwarePersonen = [.. Enumerable.Range(0, Zwaar).Select(i => (int)((long)i * personen / Zwaar) + 1)];
        ExtremePersonen = [.. Enumerable.Range(0, Extreem).Select(i => (int)((long)i * personen / Extreem) + 7)];
    }

    /// <summary>Person i's BSN (valid, elfproef).</summary>
    public string[] Bsns { get; }

    public int[] ZwarePersonen { get; }

    public int[] ExtremePersonen { get; }

    /// <summary>Writes all rows in batches of <paramref name="batch"/>; reports progress every few million rows.</summary>
    public async Task VulAsync(NpgsqlDataSource db, Auditlog log, int batch)
    {
        var kanaal = Channel.CreateBounded<List<AuditRegel>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        // Made on another thread while the previous batch is hashed and copied.
        var maker = Task.Run(async () =>
        {
            var huidig = new List<AuditRegel>(batch + 2_000);
            foreach (var regel in Regels())
            {
                huidig.Add(regel);
                // A batch never splits an event's rows from each other more than needed: close it at the size.
                if (huidig.Count >= batch)
                {
                    await kanaal.Writer.WriteAsync(huidig);
                    huidig = new List<AuditRegel>(batch + 2_000);
                }
            }
            if (huidig.Count > 0)
            {
                await kanaal.Writer.WriteAsync(huidig);
            }
            kanaal.Writer.Complete();
        });

        var sw = Stopwatch.StartNew();
        long geschreven = 0;
        long volgendeMelding = 2_500_000;
        await foreach (var rijen in kanaal.Reader.ReadAllAsync())
        {
            await using var conn = await db.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await log.SchrijfAsync(tx, rijen);
            await tx.CommitAsync();
            geschreven += rijen.Count;
            if (geschreven >= volgendeMelding)
            {
                volgendeMelding += 2_500_000;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {geschreven:N0} regels in {sw.Elapsed.TotalSeconds:F0} s ({geschreven / sw.Elapsed.TotalSeconds:N0} regels/s), belasting {AuditBenchmark.Belasting()}"));
            }
        }
        await maker;
    }

    /// <summary>The rows in time order, exactly <see cref="_regels"/> of them (the last event may be cut).</summary>
    private IEnumerable<AuditRegel> Regels()
    {
        var rng = new Random(_seed);
        var personen = Bsns.Length;
        var duur = (Eind - Begin).Ticks;
        long n = 0;
        while (n < _regels)
        {
            var tijdstip = Begin + TimeSpan.FromTicks((long)(duur * ((double)n / _regels)));
            // Persons arrive over the first 85% of the period; at least a few are there from the start.
            var aangekomen = (int)Math.Clamp(personen * (n / (0.85 * _regels)), 100, personen);
            var soort = rng.NextDouble();
            IEnumerable<AuditRegel> gebeurtenis = soort switch
            {
                < 0.513 => Feit(rng, tijdstip, aangekomen),
                < 0.696 => Signaalstatus(rng, tijdstip, aangekomen),
                < 0.7006 => Correctie(rng, tijdstip, aangekomen),
                < 0.9296 => Inzage(rng, tijdstip, aangekomen),
                < 0.9977 => Lijst(rng, tijdstip, aangekomen, 25, VerstrekkingKanaal.Scherm),
                _ => Lijst(rng, tijdstip, aangekomen, rng.Next(100, 1_001), VerstrekkingKanaal.Download),
            };
            foreach (var regel in gebeurtenis)
            {
                yield return regel;
                if (++n == _regels)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>A fact from IND, COA or BRP, its derivation, and often a signal.</summary>
    private IEnumerable<AuditRegel> Feit(Random rng, DateTimeOffset tijdstip, int aangekomen)
    {
        var bsn = Bsns[rng.NextDouble() < 0.7 ? Recent(rng, aangekomen, 30_000) : rng.Next(aangekomen)];
        var bron = rng.Next(3);
        yield return new AuditRegel(AuditSoort.FeitOntvangen, Verwerkingsactiviteiten.FeitOntvangen, Pool.Bronnen[bron])
        {
            Bsn = bsn, Rol = "Bron", Tijdstip = tijdstip,
            Gegevens = new Dictionary<string, string?>
            {
                ["bron"] = Pool.Bronnen[bron],
                ["bericht_id"] = string.Create(CultureInfo.InvariantCulture, $"{Pool.Bronnen[bron]}-{tijdstip:yyyyMMdd}-{rng.Next(1_000_000):D6}"),
            },
        };
        yield return new AuditRegel(AuditSoort.Bepaling, Verwerkingsactiviteiten.RegimeBepalen, "systeem")
        {
            Bsn = bsn, Rol = "Systeem", Tijdstip = tijdstip, Gegevens = _pool.Bepaling(rng),
        };
        if (rng.NextDouble() < 0.5)
        {
            yield return new AuditRegel(AuditSoort.SignaalVerzonden, Verwerkingsactiviteiten.SignaalVersturen, "systeem")
            {
                Bsn = bsn, Rol = "Systeem", GemeenteCode = Gemeente(rng), Tijdstip = tijdstip, Gegevens = _pool.Signaal(rng),
            };
        }
    }

    private IEnumerable<AuditRegel> Signaalstatus(Random rng, DateTimeOffset tijdstip, int aangekomen)
    {
        var gemeente = Gemeente(rng);
        var afgehandeld = rng.NextDouble() < 0.8;
        yield return new AuditRegel(afgehandeld ? AuditSoort.SignaalAfgehandeld : AuditSoort.SignaalIngetrokken,
            afgehandeld ? Verwerkingsactiviteiten.SignaalAfhandelen : Verwerkingsactiviteiten.SignaalIntrekken,
            afgehandeld ? "km." + gemeente.ToLowerInvariant() : "systeem")
        {
            Bsn = Bsns[Persoon(rng, aangekomen)], Rol = afgehandeld ? "Gemeente" : "Systeem", GemeenteCode = gemeente, Tijdstip = tijdstip,
            Gegevens = _pool.Signaal(rng),
        };
    }

    private IEnumerable<AuditRegel> Correctie(Random rng, DateTimeOffset tijdstip, int aangekomen)
    {
        var gebeurtenis = new AuditRegel(AuditSoort.DuoActie, Verwerkingsactiviteiten.Correctie, "duo.beheer")
        {
            Rol = "Duo", Tijdstip = tijdstip, Gegevens = _pool.Correctie(rng),
        };
        var aantal = rng.Next(1, 51);
        for (var i = 0; i < aantal; i++)
        {
            yield return gebeurtenis with { Bsn = Bsns[Persoon(rng, aangekomen)] };
        }
    }

    private IEnumerable<AuditRegel> Inzage(Random rng, DateTimeOffset tijdstip, int aangekomen)
    {
        var gemeente = Gemeente(rng);
        var zoeken = rng.NextDouble() < 0.4;
        yield return new AuditRegel(AuditSoort.Verstrekking, Verwerkingsactiviteiten.VerstrekkingGemeente, "km." + gemeente.ToLowerInvariant())
        {
            Bsn = Bsns[Persoon(rng, aangekomen)], Rol = "Gemeente", GemeenteCode = gemeente, Tijdstip = tijdstip,
            Gegevens = zoeken ? Pool.Zoeken : Pool.Persoonspagina,
        };
    }

    /// <summary>A list page or download: one event, one row per person shown, the same payload (written once).</summary>
    private IEnumerable<AuditRegel> Lijst(Random rng, DateTimeOffset tijdstip, int aangekomen, int aantal, VerstrekkingKanaal kanaal)
    {
        var gemeente = Gemeente(rng);
        var gebeurtenis = new AuditRegel(AuditSoort.Verstrekking, Verwerkingsactiviteiten.VerstrekkingGemeente, "km." + gemeente.ToLowerInvariant())
        {
            Rol = "Gemeente", GemeenteCode = gemeente, Tijdstip = tijdstip, Gegevens = _pool.Lijst(rng, kanaal, aantal),
        };
        for (var i = 0; i < aantal; i++)
        {
            var r = rng.NextDouble();
            var persoon = r < 0.01 ? ExtremePersonen[rng.Next(Extreem)]
                : r < 0.11 ? ZwarePersonen[rng.Next(Zwaar)]
                : Persoon(rng, aangekomen);
            // A heavy person who has not arrived yet is not in anyone's list.
            yield return gebeurtenis with { Bsn = Bsns[persoon < aangekomen ? persoon : Persoon(rng, aangekomen)] };
        }
    }

    /// <summary>Mostly someone who arrived in the last year or so, otherwise anyone already there.</summary>
    private static int Persoon(Random rng, int aangekomen) =>
        rng.NextDouble() < 0.6 ? Recent(rng, aangekomen, 100_000) : rng.Next(aangekomen);

    /// <summary>Arrived about an exponential distance back; early on, when fewer have arrived, any of them (not all the first one).</summary>
    private static int Recent(Random rng, int aangekomen, double gemiddeld) =>
        aangekomen - 1 - (int)((long)(-gemiddeld * Math.Log(1 - rng.NextDouble())) % aangekomen);

    private static string Gemeente(Random rng) => Gemeenten[rng.NextDouble() < 0.5 ? rng.Next(5) : rng.Next(Gemeenten.Length)];

    /// <summary>Valid BSNs (elfproef) from 100000000 upwards, as many as asked.</summary>
    private static string[] GeldigeBsns(int aantal)
    {
        var bsns = new string[aantal];
        var i = 0;
        for (var n = 100_000_000; i < aantal; n++)
        {
            var s = n.ToString("D9", CultureInfo.InvariantCulture);
            if (DuoInburgering.Domain.Identiteit.Bsn.Controleer(s) is null)
            {
                bsns[i++] = s;
            }
        }
        return bsns;
    }

    /// <summary>
    /// Payloads as the producers write them, a small pool of each kind reused by reference (the writer serialises
    /// a payload once for consecutive rows that share it).
    /// </summary>
    private sealed class Pool
    {
        public static readonly string[] Bronnen = ["IND", "COA", "BRP"];

        public static readonly Dictionary<string, string?> Persoonspagina = new()
        {
            ["kanaal"] = "Scherm", ["omschrijving"] = "persoonspagina", ["aantal"] = "1",
        };

        public static readonly Dictionary<string, string?> Zoeken = new()
        {
            ["kanaal"] = "Zoeken", ["omschrijving"] = "signalenlijst Wi2021", ["aantal"] = "1",
        };

        private static readonly string[] Regimes = ["Wi2021", "Wi2013", "Wi2007"];
        private static readonly string[] Codes = ["SS101", "SS139", "SS120", "SS122", "SS102", "SS126", "SS127", "SS128", "SS110", "SS190"];

        private readonly Dictionary<string, string?>[] _bepalingen = [.. Enumerable.Range(0, 64).Select(i => new Dictionary<string, string?>
        {
            ["regelset"] = i % 8 == 0 ? "2021-12" : "2022-03",
            ["regime"] = Regimes[i % 3],
            ["reden"] = string.Create(CultureInfo.InvariantCulture,
                $"Asielstatushouder; beschikking bekendgemaakt op 202{1 + i % 4}-{1 + i % 12:D2}-{1 + i % 28:D2}: {Regimes[i % 3]}"),
            ["gemeente"] = Gemeenten[i % Gemeenten.Length],
        })];

        private readonly Dictionary<string, string?>[] _signalen = [.. Enumerable.Range(0, 30).Select(i => new Dictionary<string, string?>
        {
            ["code"] = Codes[i % Codes.Length], ["regime"] = Regimes[i % 2],
        })];

        private readonly Dictionary<string, string?>[] _correcties = [.. Enumerable.Range(0, 8).Select(i => new Dictionary<string, string?>
        {
            ["correctie"] = (i + 1).ToString(CultureInfo.InvariantCulture), ["regelset"] = "2022-03",
            ["actie"] = i % 2 == 0 ? "VerlaatWi2021" : "Herbepalen",
        })];

        public Dictionary<string, string?> Bepaling(Random rng) => _bepalingen[rng.Next(_bepalingen.Length)];

        public Dictionary<string, string?> Signaal(Random rng) => _signalen[rng.Next(_signalen.Length)];

        public Dictionary<string, string?> Correctie(Random rng) => _correcties[rng.Next(_correcties.Length)];

        public Dictionary<string, string?> Lijst(Random rng, VerstrekkingKanaal kanaal, int aantal) => new()
        {
            ["kanaal"] = kanaal.ToString(),
            ["omschrijving"] = kanaal == VerstrekkingKanaal.Download ? "download csv Wi2021" : $"signalenlijst {Regimes[rng.Next(2)]}",
            ["aantal"] = aantal.ToString(CultureInfo.InvariantCulture),
        };
    }

    internal enum VerstrekkingKanaal
    {
        Scherm,
        Download,
    }
}
