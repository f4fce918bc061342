using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Verwerking.Feiten;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Verwerking;

/// <summary>One corrected municipality of a chunk, with the message, DUO proposal or correction run that corrected it.</summary>
/// <param name="BerichtBron">The source of <paramref name="BerichtId"/> (COA, BRP): message ids are unique per source only.</param>
public sealed record MisplaatsingRegel(string Bsn, Misplaatsing Misplaatsing, string? BerichtBron, string? BerichtId, long? PersoonscorrectieId,
    long? CorrectieId = null);

/// <summary>
/// What follows from a corrected municipality (Domain <see cref="Gemeentecorrectie"/>, "Policy"), for a
/// whole chunk in one statement inside the processing transaction: every signal the old municipality
/// holds about the person is withdrawn from every view, and the episode is recorded in table
/// misplaatsing for the breach report (issue 6): who, which municipality saw them since when, in which
/// PIB environment, how many signals were withdrawn, and the message, import run or DUO proposal that
/// corrected it. The lapsed PIP is written with the person row (<see cref="PersoonMapping"/>); each withdrawn
/// signal is an audit entry (<see cref="Verwerkingsaudit"/>).
/// </summary>
public static class MisplaatsingRegistratie
{
    public static MisplaatsingRegel Regel(string bsn, Misplaatsing m, GemeenteKoppeling koppeling, PersoonRegel regel) =>
        koppeling.Grond?.Bron switch
        {
            KoppelingBron.Coa => new(bsn, m, FeitBron.Coa.Code(), regel.Coa?.BerichtId, regel.PersoonscorrectieId, regel.CorrectieId),
            KoppelingBron.Brp => new(bsn, m, FeitBron.Brp.Code(), regel.Brp?.BerichtId, regel.PersoonscorrectieId, regel.CorrectieId),
            _ => new(bsn, m, null, null, regel.PersoonscorrectieId, regel.CorrectieId),
        };

    private const string Sql = """
        with m as (
            select * from unnest(@bsn, @oud, @nieuw, @oorzaak, @regime, @uitleg, @berichtbron, @bericht, @correctie, @run)
                as m(bsn, oude_gemeente, nieuwe_gemeente, oorzaak, regime, uitleg, bericht_bron, bericht_id, persoonscorrectie_id, correctie_id)
        ),
        ingetrokken as (
            update signaal s set ingetrokken_op = @nu
            from m
            where s.bsn = m.bsn and s.gemeente_code = m.oude_gemeente and s.ingetrokken_op is null
            returning s.id, s.bsn, s.code, s.regime, s.datum, s.gemeente_code
        ),
        episode as (
            insert into misplaatsing (bsn, oude_gemeente, nieuwe_gemeente, oorzaak, regime, uitleg, vastgesteld_op, bericht_id, import_id,
                                      persoonscorrectie_id, correctie_id, ingetrokken_signalen, eerste_signaal_op)
            select m.bsn, m.oude_gemeente, m.nieuwe_gemeente, m.oorzaak, m.regime, m.uitleg, @nu, m.bericht_id, b.import_id,
                   m.persoonscorrectie_id, m.correctie_id,
                   (select count(*) from ingetrokken i where i.bsn = m.bsn)::int,
                   (select min(s.aangemaakt_op) from signaal s where s.bsn = m.bsn and s.gemeente_code = m.oude_gemeente)
            from m
            left join bericht b on b.bron = m.bericht_bron and b.bericht_id = m.bericht_id
        )
        select id, bsn, code, regime, datum, gemeente_code from ingetrokken order by bsn, id
        """;

    /// <summary>Withdraws, records the episodes, and records every withdrawn signal in <paramref name="audit"/>.</summary>
    public static async Task SchrijfAsync(NpgsqlConnection conn, IReadOnlyCollection<MisplaatsingRegel> regels, DateTimeOffset nu,
        Verwerkingsaudit audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (regels.Count == 0)
        {
            return;
        }
        await using var cmd = new NpgsqlCommand(Sql, conn);
        Kolom(cmd, "bsn", regels.Select(r => r.Bsn), NpgsqlDbType.Varchar);
        Kolom(cmd, "oud", regels.Select(r => r.Misplaatsing.OudeGemeente.Waarde), NpgsqlDbType.Varchar);
        Kolom(cmd, "nieuw", regels.Select(r => r.Misplaatsing.NieuweGemeente?.Waarde), NpgsqlDbType.Varchar);
        Kolom(cmd, "oorzaak", regels.Select(r => r.Misplaatsing.Oorzaak.ToString()), NpgsqlDbType.Varchar);
        Kolom(cmd, "regime", regels.Select(r => r.Misplaatsing.Regime.ToString()), NpgsqlDbType.Varchar);
        Kolom(cmd, "uitleg", regels.Select(r => r.Misplaatsing.Uitleg), NpgsqlDbType.Text);
        Kolom(cmd, "berichtbron", regels.Select(r => r.BerichtBron), NpgsqlDbType.Text);
        Kolom(cmd, "bericht", regels.Select(r => r.BerichtId), NpgsqlDbType.Varchar);
        cmd.Parameters.Add(new NpgsqlParameter<long?[]>("correctie", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. regels.Select(r => r.PersoonscorrectieId)],
        });
        cmd.Parameters.Add(new NpgsqlParameter<long?[]>("run", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. regels.Select(r => r.CorrectieId)],
        });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("nu", NpgsqlDbType.TimestampTz) { TypedValue = nu });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            audit.SignaalIngetrokken(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetString(5));
        }
    }

    private static void Kolom(NpgsqlCommand cmd, string naam, IEnumerable<string?> waarden, NpgsqlDbType type) =>
        cmd.Parameters.Add(new NpgsqlParameter<string?[]>(naam, NpgsqlDbType.Array | type) { TypedValue = [.. waarden] });
}
