using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Components;
using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Data;
using Npgsql;

namespace DuoInburgering.Web.Features.Pauzes;

/// <summary>
/// Pausing and resuming the determination per regime and doelgroep (docs/domain.md "Corrections, pauses
/// and parked people"). Both take a SHARE ROW EXCLUSIVE lock on table pauze: it conflicts with the
/// SHARE lock processing holds (<see cref="Verwerkingscontext.LaadAsync"/>), so a pause or resume
/// waits for running work, and work started later sees the new state. Each pause and resume is a DUO
/// action in the audit log, written in the same transaction.
/// </summary>
public sealed class Pauzering(NpgsqlDataSource dataSource, TimeProvider clock, Auditlog auditlog)
{
    public const string ActiePauze = "pauze";
    public const string ActieHervat = "hervat";

    /// <summary>Persons re-derived per batch while working off the backlog of a resume.</summary>
    public int Chunkgrootte { get; init; } = 20_000;

    /// <exception cref="PauzeException">Already paused, or no door/reden given; nothing is written.</exception>
    public async Task PauzeerAsync(Regime regime, Doelgroep doelgroep, string door, string reden, CancellationToken ct)
    {
        ControleerInvoer(door, reden);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await VergrendelAsync(conn, ct);
        if (await HuidigeAsync(conn, regime, doelgroep, ct) is { } huidige)
        {
            throw new PauzeException(
                $"{Groep(regime, doelgroep)} is al gepauzeerd sinds {Weergave.Moment(huidige.Sinds)} door {huidige.Door}: {huidige.Reden}");
        }
        var nu = clock.GetUtcNow();
        await using (var insert = new NpgsqlCommand(
            "insert into pauze (regime, doelgroep, sinds, door, reden) values (@regime, @doelgroep, @nu, @door, @reden)", conn))
        {
            VulParameters(insert, regime, doelgroep, door, reden, nu);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await SchrijfHistorieAsync(conn, regime, doelgroep, ActiePauze, door, reden, nu, 0, ct);
        await auditlog.SchrijfAsync(tx, Actie(Verwerkingsactiviteiten.BepalingPauzeren, regime, doelgroep, door, reden, nu, null), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Lifts the pause and works off the backlog in the same transaction: either the pause is gone and
    /// every waiting person is determined with their signals, or (on any failure) nothing changed.
    /// </summary>
    /// <exception cref="PauzeException">Not paused, or no door/reden given; nothing is written.</exception>
    public async Task<HervatResultaat> HervatAsync(Regime regime, Doelgroep doelgroep, string door, string reden, CancellationToken ct)
    {
        ControleerInvoer(door, reden);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await VergrendelAsync(conn, ct);
        await using (var delete = new NpgsqlCommand("delete from pauze where regime = @regime and doelgroep = @doelgroep", conn))
        {
            VulParameters(delete, regime, doelgroep);
            if (await delete.ExecuteNonQueryAsync(ct) == 0)
            {
                throw new PauzeException($"{Groep(regime, doelgroep)} is niet gepauzeerd; er is niets te hervatten.");
            }
        }
        // Read after the delete: this group is no longer paused, other pauses still hold.
        var context = await Verwerkingscontext.LaadAsync(conn, clock, ct);
        var totaal = await VerwerkAchterstandAsync(conn, regime, doelgroep, context, ct);
        await SchrijfHistorieAsync(conn, regime, doelgroep, ActieHervat, door, reden, context.Nu, totaal.Personen, ct);
        // The resume, after the derivations and signals of the backlog it worked off, all in one append.
        context.Audit.Voeg(Actie(Verwerkingsactiviteiten.BepalingHervatten, regime, doelgroep, door, reden, context.Nu, totaal.Personen));
        await context.Audit.SchrijfAsync(auditlog, tx, ct);
        await tx.CommitAsync(ct);
        return new HervatResultaat(totaal.Personen, totaal.Signalen, totaal.Uitgesteld);
    }

    public async Task<IReadOnlyList<PauzeOverzichtRegel>> OverzichtAsync(CancellationToken ct)
    {
        const string sql = """
            select p.regime, p.doelgroep, p.sinds, p.door, p.reden,
                   (select count(*) from persoon x
                    where x.status = 'Uitgesteld' and x.uitkomst = p.regime and x.doelgroep = p.doelgroep)::int
            from pauze p
            order by p.regime, p.doelgroep
            """;
        var result = new List<PauzeOverzichtRegel>();
        await using var cmd = dataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new PauzeOverzichtRegel(Kolomwaarden.Regime(reader.GetString(0)), Kolomwaarden.Doelgroep(reader.GetString(1)),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }
        return result;
    }

    /// <summary>
    /// Every regime and doelgroep, paused or not, each with the persons waiting in it as uitgesteld (the
    /// DUO page's table). Counted over all uitgesteld persons, not only those of paused groups, so a
    /// person left waiting in a group that is no longer paused would still show.
    /// </summary>
    public async Task<IReadOnlyList<PauzeStand>> StandAsync(CancellationToken ct)
    {
        var pauzes = (await OverzichtAsync(ct)).ToDictionary(p => (p.Regime, p.Doelgroep));
        var wachtend = new Dictionary<(string, string), int>();
        await using (var cmd = dataSource.CreateCommand("""
            select uitkomst, doelgroep, count(*)::int from persoon
            where status = 'Uitgesteld' and doelgroep is not null
            group by uitkomst, doelgroep
            """))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                wachtend[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
            }
        }
        return
        [
            .. from regime in Enum.GetValues<Regime>().Reverse()
               from doelgroep in Enum.GetValues<Doelgroep>()
               select new PauzeStand(regime, doelgroep, pauzes.GetValueOrDefault((regime, doelgroep)),
                   wachtend.GetValueOrDefault((regime.ToString(), doelgroep.ToString()))),
        ];
    }

    public async Task<IReadOnlyList<PauzeHistorieRegel>> HistorieAsync(CancellationToken ct)
    {
        var result = new List<PauzeHistorieRegel>();
        await using var cmd = dataSource.CreateCommand(
            "select regime, doelgroep, actie, op, door, reden, aantal_verwerkt from pauze_historie order by op, id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new PauzeHistorieRegel(Kolomwaarden.Regime(reader.GetString(0)), Kolomwaarden.Doelgroep(reader.GetString(1)),
                reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }
        return result;
    }

    /// <summary>Keyset over bsn: each chunk is loaded and re-derived set-based, all in the caller's transaction.</summary>
    private async Task<BatchResultaat> VerwerkAchterstandAsync(
        NpgsqlConnection conn, Regime regime, Doelgroep doelgroep, Verwerkingscontext context, CancellationToken ct)
    {
        var totaal = default(BatchResultaat);
        var laatste = "";
        while (true)
        {
            var bsns = new List<string>(Chunkgrootte);
            await using (var cmd = new NpgsqlCommand("""
                select bsn from persoon
                where status = 'Uitgesteld' and uitkomst = @regime and doelgroep = @doelgroep and bsn > @laatste
                order by bsn limit @n
                """, conn))
            {
                VulParameters(cmd, regime, doelgroep);
                cmd.Parameters.AddWithValue("laatste", laatste);
                cmd.Parameters.AddWithValue("n", Chunkgrootte);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    bsns.Add(reader.GetString(0));
                }
            }
            if (bsns.Count == 0)
            {
                return totaal;
            }
            totaal += await PersoonBatch.HerbepaalAsync(conn, bsns, Chunkgrootte, context, ct);
            laatste = bsns[^1];
        }
    }

    /// <summary>
    /// Waits (without a command timeout) until running processing has committed; cancel with <paramref name="ct"/>.
    /// A correction being applied is waited for first, in the order processing takes the two locks.
    /// </summary>
    private static async Task VergrendelAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"{Verwerkingscontext.WachtOpCorrectieSql}; lock table pauze in share row exclusive mode", conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(DateTimeOffset Sinds, string Door, string Reden)?> HuidigeAsync(NpgsqlConnection conn, Regime regime, Doelgroep doelgroep, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "select sinds, door, reden from pauze where regime = @regime and doelgroep = @doelgroep", conn);
        VulParameters(cmd, regime, doelgroep);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2))
            : null;
    }

    private static async Task SchrijfHistorieAsync(NpgsqlConnection conn, Regime regime, Doelgroep doelgroep, string actie,
        string door, string reden, DateTimeOffset op, int aantalVerwerkt, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into pauze_historie (regime, doelgroep, actie, op, door, reden, aantal_verwerkt)
            values (@regime, @doelgroep, @actie, @nu, @door, @reden, @aantal)
            """, conn);
        VulParameters(cmd, regime, doelgroep, door, reden, op);
        cmd.Parameters.AddWithValue("actie", actie);
        cmd.Parameters.AddWithValue("aantal", aantalVerwerkt);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One entry without a data subject: the action concerns a group, the persons' own entries come from their derivation.</summary>
    private static AuditRegel Actie(string activiteit, Regime regime, Doelgroep doelgroep, string door, string reden,
        DateTimeOffset op, int? verwerkt)
    {
        var gegevens = new Dictionary<string, string?>
        {
            ["actie"] = activiteit == Verwerkingsactiviteiten.BepalingPauzeren ? ActiePauze : ActieHervat,
            ["regime"] = regime.ToString(),
            ["doelgroep"] = doelgroep.ToString(),
            ["reden"] = reden.Trim(),
        };
        if (verwerkt is { } n)
        {
            gegevens["verwerkt"] = n.ToString(CultureInfo.InvariantCulture);
        }
        return new AuditRegel(AuditSoort.DuoActie, activiteit, door.Trim())
        {
            Rol = nameof(Data.Rol.Duo),
            Tijdstip = op,
            Gegevens = gegevens,
        };
    }

    /// <summary>Regime and doelgroep are stored as their enum names, as the processing writes uitkomst and doelgroep.</summary>
    private static void VulParameters(NpgsqlCommand cmd, Regime regime, Doelgroep doelgroep)
    {
        cmd.Parameters.AddWithValue("regime", regime.ToString());
        cmd.Parameters.AddWithValue("doelgroep", doelgroep.ToString());
    }

    private static void VulParameters(NpgsqlCommand cmd, Regime regime, Doelgroep doelgroep, string door, string reden, DateTimeOffset nu)
    {
        VulParameters(cmd, regime, doelgroep);
        cmd.Parameters.AddWithValue("door", door.Trim());
        cmd.Parameters.AddWithValue("reden", reden.Trim());
        cmd.Parameters.AddWithValue("nu", nu);
    }

    private static void ControleerInvoer(string door, string reden)
    {
        if (string.IsNullOrWhiteSpace(reden))
        {
            throw new PauzeException("Geef een reden op: elke pauze en elk hervatten wordt met reden vastgelegd.");
        }
        if (string.IsNullOrWhiteSpace(door))
        {
            throw new PauzeException("Geef op wie dit doet (door): elke pauze en elk hervatten wordt met naam vastgelegd.");
        }
    }

    private static string Groep(Regime regime, Doelgroep doelgroep) => $"{regime}/{doelgroep}";
}
