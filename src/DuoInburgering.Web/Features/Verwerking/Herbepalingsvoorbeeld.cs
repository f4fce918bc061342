using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using Npgsql;
using static DuoInburgering.Web.Features.Verwerking.PersoonBatch;
using static DuoInburgering.Web.Features.Verwerking.PersoonMapping;

namespace DuoInburgering.Web.Features.Verwerking;

/// <summary>One person whose regime or municipality would change: old → new with both explanations.</summary>
public sealed record Wijziging(
    string Bsn, string OudeUitkomst, string NieuweUitkomst, string? OudeGemeente, string? NieuweGemeente,
    string OudeReden, string NieuweReden, string OudeRuleSet);

/// <summary>The preview of a correction: how many persons were re-derived and who would change.</summary>
public sealed record Voorbeeld(string RuleSetVersie, int Personen, IReadOnlyList<Wijziging> Wijzigingen);

/// <summary>
/// Re-derives every stored person under a chosen rule set and reports who would change, writing
/// nothing (read-only transaction). One streamed query over persons and their COA/BRP facts; the
/// decision is the same pure rule set and linking rule that processing uses.
/// </summary>
public static class Herbepalingsvoorbeeld
{
    private const string Sql = """
        select p.bsn, p.geboortedatum, p.nationaliteit, p.verblijfsdoel, p.datum_ingang_verblijfsrecht, p.datum_beschikking,
               p.datum_bekendmaking_beschikking, p.datum_uitreiking_document, p.datum_kennisgeving,
               p.uitkomst, p.gemeente_code, p.reden, p.rule_set_versie,
               c.locatie, c.gekoppelde_gemeente, c.datum_gekoppeld, c.datum_uitstroom, c.bsn is not null,
               r.gemeente, r.adres_is_coa_locatie, r.datum_vestiging, r.datum_vertrek_buitenland, r.datum_overlijden, r.bsn is not null
        from persoon p
        left join coa_feit c on c.bsn = p.bsn
        left join brp_feit r on r.bsn = p.bsn
        """;

    public static async Task<Voorbeeld> BerekenAsync(NpgsqlDataSource db, RegimeRuleSet rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var ro = new NpgsqlCommand("set transaction read only", conn))
        {
            await ro.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = new NpgsqlCommand(Sql, conn) { CommandTimeout = 0 };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var wijzigingen = new List<Wijziging>();
        var personen = 0;
        while (await r.ReadAsync(ct))
        {
            personen++;
            var ind = new IndFeiten(new Bsn(r.GetString(0)), r.GetFieldValue<DateOnly>(1), r.GetString(2),
                VerblijfsdoelTekst.Parse(r.GetString(3)), Datum(r, 4), Datum(r, 5), Datum(r, 6), Datum(r, 7), Datum(r, 8));
            var coa = r.GetBoolean(17)
                ? new CoaFeiten(Tekst(r, 13), Code(Tekst(r, 14)), Datum(r, 15), Datum(r, 16))
                : null;
            var brp = r.GetBoolean(23)
                ? new BrpFeiten(Code(Tekst(r, 18)), r.GetBoolean(19), Datum(r, 20), Datum(r, 21), Datum(r, 22))
                : null;
            var besluit = rules.DeriveRegime(ind);
            var koppeling = Koppelingsregel.BepaalGemeente(coa, brp);
            var oudeUitkomst = r.GetString(9);
            var oudeGemeente = Tekst(r, 10);
            var nieuweUitkomst = besluit.Uitkomst.ToString();
            if (nieuweUitkomst != oudeUitkomst || koppeling.Gemeente?.Waarde != oudeGemeente)
            {
                wijzigingen.Add(new Wijziging(ind.Bsn.Waarde, oudeUitkomst, nieuweUitkomst, oudeGemeente, koppeling.Gemeente?.Waarde,
                    r.GetString(11), besluit.Reden, r.GetString(12)));
            }
        }
        return new Voorbeeld(rules.Versie, personen, wijzigingen);
    }
}
