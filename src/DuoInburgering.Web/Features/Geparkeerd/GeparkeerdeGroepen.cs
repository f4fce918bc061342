using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Data;
using Npgsql;

namespace DuoInburgering.Web.Features.Geparkeerd;

/// <summary>
/// The parked groups (docs/domain.md "Corrections, pauses and parked people"): a correction parks persons who
/// leave the Wi2021; DUO lists them per derived regime and doelgroep and releases a group with a reason.
/// A release marks the persons (<c>vrijgave_wacht</c>) and re-derives them through the normal processing
/// (<see cref="PersoonBatch"/>, <see cref="Domain.Verwerking.Herbepaling"/>) in one transaction: the
/// responsible municipality gets the announcement of the regime (SS101, SS139, …), or, when that group
/// is paused, the persons wait as uitgesteld and leave parking on resume. Each person released is a DUO
/// action in the audit log, with the derivation and signals that followed, in the same transaction.
/// </summary>
public sealed class GeparkeerdeGroepen(NpgsqlDataSource dataSource, TimeProvider klok, Auditlog auditlog)
{
    /// <summary>Persons re-derived per batch.</summary>
    public int Chunkgrootte { get; init; } = 20_000;

    public async Task<GeparkeerdOverzicht> OverzichtAsync(CancellationToken ct)
    {
        var groepen = new List<GeparkeerdeGroep>();
        await using (var cmd = dataSource.CreateCommand("""
            select uitkomst, doelgroep, (count(*) filter (where not vrijgave_wacht))::int, (count(*) filter (where vrijgave_wacht))::int
            from persoon where geparkeerd
            group by uitkomst, doelgroep
            order by uitkomst, doelgroep
            """))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                groepen.Add(new GeparkeerdeGroep(Kolomwaarden.Uitkomst(reader.GetString(0)),
                    reader.IsDBNull(1) ? null : Kolomwaarden.Doelgroep(reader.GetString(1)), reader.GetInt32(2), reader.GetInt32(3)));
            }
        }
        var pauzes = new HashSet<(Regime, Doelgroep)>();
        await using (var cmd = dataSource.CreateCommand("select regime, doelgroep from pauze"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                pauzes.Add((Kolomwaarden.Regime(reader.GetString(0)), Kolomwaarden.Doelgroep(reader.GetString(1))));
            }
        }
        return new GeparkeerdOverzicht(groepen, pauzes);
    }

    public async Task<IReadOnlyList<VrijgaveRegel>> HistorieAsync(CancellationToken ct)
    {
        var result = new List<VrijgaveRegel>();
        await using var cmd = dataSource.CreateCommand(
            "select uitkomst, doelgroep, blijft_wi2021, op, door, reden, aantal, uitgesteld, signalen from vrijgave order by op desc, id desc");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new VrijgaveRegel(Kolomwaarden.Uitkomst(reader.GetString(0)),
                reader.IsDBNull(1) ? null : Kolomwaarden.Doelgroep(reader.GetString(1)), reader.GetBoolean(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8)));
        }
        return result;
    }

    /// <summary>
    /// Releases every parked person of the group. With <paramref name="blijftWi2021"/> (only Wi2013 /
    /// Asielstatushouder) each gets the overgangsbesluit "blijft Wi2021" first, so the derivation puts
    /// them under the Wi2021 and they may later opt out to the Wi2013 (<see cref="Overgangsregeling2022"/>);
    /// a person's own earlier choice is kept.
    /// </summary>
    /// <exception cref="DuoActieException">No reason, the option not allowed, or nobody parked in the group; nothing is written.</exception>
    public async Task<VrijgaveResultaat> VrijgevenAsync(RegimeUitkomst uitkomst, Doelgroep? doelgroep, bool blijftWi2021,
        string door, string reden, CancellationToken ct)
    {
        DuoInvoer.Controleer(door, reden, "elke vrijgave");
        if (blijftWi2021 && Overgangsregeling2022.WeigeringBlijftWi2021(uitkomst, doelgroep) is { } weigering)
        {
            throw new DuoActieException(weigering);
        }

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The processing lock first: a release never crosses an import, a pause or a resume.
        var context = await Verwerkingscontext.LaadAsync(conn, klok, ct);
        var bsns = new List<string>();
        await using (var cmd = new NpgsqlCommand("""
            update persoon set vrijgave_wacht = true,
                keuze_regime = case when @blijft and keuze_soort is distinct from 'Keuze' then 'Wi2021' else keuze_regime end,
                keuze_datum = case when @blijft and keuze_soort is distinct from 'Keuze' then @vandaag else keuze_datum end,
                keuze_soort = case when @blijft and keuze_soort is distinct from 'Keuze' then 'Overgangsbesluit' else keuze_soort end
            where geparkeerd and not vrijgave_wacht and uitkomst = @uitkomst and doelgroep is not distinct from @doelgroep
            returning bsn
            """, conn))
        {
            cmd.Parameters.AddWithValue("blijft", blijftWi2021);
            cmd.Parameters.AddWithValue("vandaag", context.Vandaag);
            cmd.Parameters.AddWithValue("uitkomst", uitkomst.ToString());
            cmd.Parameters.Add(new NpgsqlParameter<string?>("doelgroep", doelgroep?.ToString()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                bsns.Add(reader.GetString(0));
            }
        }
        if (bsns.Count == 0)
        {
            throw new DuoActieException($"In de groep {uitkomst} / {doelgroep?.Naam() ?? "geen doelgroep"} zijn geen geparkeerde personen (meer) om vrij te geven.");
        }
        bsns.Sort(StringComparer.Ordinal);
        context.Audit.Voeg(DuoActies.Regel(Verwerkingsactiviteiten.GroepVrijgeven, door, "vrijgeven", reden, context.Nu,
                ("regime", uitkomst.ToString()), ("doelgroep", doelgroep?.ToString()), ("blijft_wi2021", blijftWi2021 ? "ja" : "nee"))
            .VoorBetrokkenen(bsns));

        var r = await PersoonBatch.HerbepaalAsync(conn, bsns, Chunkgrootte, context, ct);
        var resultaat = new VrijgaveResultaat(bsns.Count, r.Uitgesteld, r.Signalen);
        await using (var insert = new NpgsqlCommand("""
            insert into vrijgave (uitkomst, doelgroep, blijft_wi2021, op, door, reden, aantal, uitgesteld, signalen)
            values (@uitkomst, @doelgroep, @blijft, @nu, @door, @reden, @aantal, @uitgesteld, @signalen)
            """, conn))
        {
            insert.Parameters.AddWithValue("uitkomst", uitkomst.ToString());
            insert.Parameters.Add(new NpgsqlParameter<string?>("doelgroep", doelgroep?.ToString()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.AddWithValue("blijft", blijftWi2021);
            insert.Parameters.AddWithValue("nu", context.Nu);
            insert.Parameters.AddWithValue("door", door.Trim());
            insert.Parameters.AddWithValue("reden", reden.Trim());
            insert.Parameters.AddWithValue("aantal", resultaat.Aantal);
            insert.Parameters.AddWithValue("uitgesteld", resultaat.Uitgesteld);
            insert.Parameters.AddWithValue("signalen", resultaat.Signalen);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await context.Audit.SchrijfAsync(auditlog, tx, ct);
        await tx.CommitAsync(ct);
        return resultaat;
    }
}
