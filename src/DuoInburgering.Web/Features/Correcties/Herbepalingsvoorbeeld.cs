using DuoInburgering.Domain.Overgang;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using Npgsql;
using static DuoInburgering.Web.Verwerking.PersoonBatch;
using static DuoInburgering.Web.Verwerking.PersoonMapping;

using DuoInburgering.Web.Verwerking;

namespace DuoInburgering.Web.Features.Correcties;

/// <summary>One person whose regime or municipality would change: old → new with both explanations, and what apply does.</summary>
/// <param name="Doelgroep">The doelgroep of the new decision (else the old one); null when there is none.</param>
/// <param name="OudePeildatum">The peildatum of the stored decision (under 2021-12 the kennisgeving date); null when unknown.</param>
public sealed record Wijziging(
    string Bsn, CorrectieActie Actie, string? Doelgroep,
    string OudeUitkomst, string NieuweUitkomst, string? OudeGemeente, string? NieuweGemeente,
    DateOnly? OudePeildatum, DateOnly? NieuwePeildatum,
    string OudeReden, string NieuweReden, string OudeKoppelingReden, string NieuweKoppelingReden, string OudeRegelset);

/// <summary>
/// Per municipality (null: no municipality): how many listed persons belong to it now (<paramref name="Oud"/>),
/// will belong to it and be shown after apply (<paramref name="Nieuw"/>), will belong to it but wait parked
/// until DUO releases them (<paramref name="Geparkeerd"/>), and how many SS190s it will receive.
/// </summary>
public sealed record GemeenteTelling(string? Gemeente, int Oud, int Nieuw, int Geparkeerd, int Ss190);

/// <summary>
/// The preview of a correction: how many persons were re-derived and in scope, who would change (sorted by
/// BSN), the counts per municipality, and the hash of exactly this list that apply checks against.
/// </summary>
public sealed record Voorbeeld(
    string RegelsetVersie, CorrectieScope Scope, int Personen, int InScope, IReadOnlyList<Wijziging> Wijzigingen,
    IReadOnlyList<GemeenteTelling> PerGemeente, string Hash)
{
    public int VerlatenWi2021 => Wijzigingen.Count(w => w.Actie == CorrectieActie.VerlaatWi2021);
    public int Herbepaald => Wijzigingen.Count(w => w.Actie == CorrectieActie.Herbepalen);
    public int Ss190 => PerGemeente.Sum(g => g.Ss190);
}

/// <summary>
/// Re-derives every stored person under a chosen rule set (regime and linking) and reports who in the
/// scope would change, writing nothing (read-only, repeatable-read transaction: one snapshot for the list,
/// the explanations and the SS190 count). One streamed query over persons and their COA/BRP facts; the
/// decisions are the pure rule set and <see cref="Correctieregels"/>. The explanations of the old decisions
/// are read afterwards for the changed persons only, so a million unchanged persons cost no text.
/// </summary>
public static class Herbepalingsvoorbeeld
{
    private const string Sql = """
        select p.bsn, p.geboortedatum, p.nationaliteit, p.verblijfsdoel, p.datum_ingang_verblijfsrecht, p.datum_beschikking,
               p.datum_bekendmaking_beschikking, p.datum_uitreiking_document, p.datum_kennisgeving,
               p.uitkomst, p.gemeente_code, p.doelgroep, p.peildatum,
               c.locatie, c.gekoppelde_gemeente, c.datum_gekoppeld, c.datum_uitstroom, c.bsn is not null,
               r.gemeente, r.adres_is_coa_locatie, r.datum_vestiging, r.datum_vertrek_buitenland, r.datum_overlijden, r.bsn is not null,
               p.keuze_regime, p.keuze_soort, p.keuze_datum
        from persoon p
        left join coa_feit c on c.bsn = p.bsn
        left join brp_feit r on r.bsn = p.bsn
        """;

    /// <summary>Every person, whatever their regime or municipality.</summary>
    public static Task<Voorbeeld> BerekenAsync(NpgsqlDataSource db, RegimeRegelset rules, CancellationToken ct) =>
        BerekenAsync(db, rules, CorrectieScope.Iedereen, ct);

    public static Task<Voorbeeld> BerekenAsync(NpgsqlDataSource db, RegimeRegelset rules, CorrectieScope scope, CancellationToken ct) =>
        BerekenAsync(db, rules, scope, registreer: null, ct);

    /// <summary>
    /// With <paramref name="registreer"/>: the listed persons are a disclosure to a user, recorded by that callback in the
    /// read's own transaction (which then writes that record and nothing else) and committed with it.
    /// </summary>
    public static async Task<Voorbeeld> BerekenAsync(NpgsqlDataSource db, RegimeRegelset rules, CorrectieScope scope,
        Func<NpgsqlTransaction, IReadOnlyList<Wijziging>, Task>? registreer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(scope);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        if (registreer is null)
        {
            await using var ro = new NpgsqlCommand("set transaction read only", conn);
            await ro.ExecuteNonQueryAsync(ct);
        }

        var (personen, inScope, kandidaten) = await LeesEnBepaalAsync(conn, rules, scope, ct);
        kandidaten.Sort((a, b) => string.CompareOrdinal(a.Bsn, b.Bsn));
        var oud = await OudeRedenenAsync(conn, kandidaten, ct);
        var wijzigingen = kandidaten.ConvertAll(k =>
        {
            var (reden, koppelingReden, regelset) = oud[k.Bsn];
            return new Wijziging(k.Bsn, k.Actie, (k.Nieuw.Doelgroep ?? k.Oud.Doelgroep)?.ToString(),
                k.Oud.Uitkomst.ToString(), k.Nieuw.Uitkomst.ToString(), k.Oud.Gemeente?.Waarde, k.Nieuw.Gemeente?.Waarde,
                k.Oud.Peildatum, k.Nieuw.Peildatum, reden, k.NieuweReden, koppelingReden, k.NieuweKoppelingReden, regelset);
        });
        var ss190 = await Ss190PerGemeenteAsync(conn, [.. wijzigingen.Where(w => w.Actie == CorrectieActie.VerlaatWi2021).Select(w => w.Bsn)], ct);
        if (registreer is not null)
        {
            await registreer(tx, wijzigingen);
            await tx.CommitAsync(ct);
        }
        return new Voorbeeld(rules.Versie, scope, personen, inScope, wijzigingen, Tel(wijzigingen, ss190),
            Hash(rules.Versie, scope, wijzigingen));
    }

    private sealed record Kandidaat(string Bsn, CorrectieActie Actie, CorrectieStand Oud, CorrectieStand Nieuw, string NieuweReden,
        string NieuweKoppelingReden);

    private static async Task<(int Personen, int InScope, List<Kandidaat> Kandidaten)> LeesEnBepaalAsync(
        NpgsqlConnection conn, RegimeRegelset rules, CorrectieScope scope, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn) { CommandTimeout = 0 };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var kandidaten = new List<Kandidaat>();
        int personen = 0, inScope = 0;
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
            // As processing decides (Herbepaling): a registered choice of the overgangsregeling 2022 outranks the rules.
            var keuze = PersoonMapping.Keuze(Tekst(r, 24) is { } kr ? Kolomwaarden.Regime(kr) : null,
                Tekst(r, 25) is { } ks ? Kolomwaarden.KeuzeSoort(ks) : null, Datum(r, 26));
            var besluit = Overgangsregeling2022.PasToe(rules.DeriveRegime(ind), keuze);
            var koppeling = rules.BepaalGemeente(coa, brp);
            var oud = new CorrectieStand(Kolomwaarden.Uitkomst(r.GetString(9)), Kolomwaarden.OptioneleDoelgroep(Tekst(r, 11)), Datum(r, 12), Code(Tekst(r, 10)));
            var nieuw = new CorrectieStand(besluit.Uitkomst, besluit.Doelgroep, besluit.Peildatum, koppeling.Gemeente);
            if (!scope.Omvat(oud, nieuw))
            {
                continue;
            }
            inScope++;
            var actie = Correctieregels.Actie(oud, nieuw);
            if (actie != CorrectieActie.Ongewijzigd)
            {
                kandidaten.Add(new Kandidaat(ind.Bsn.Waarde, actie, oud, nieuw, besluit.Reden, koppeling.Reden));
            }
        }
        return (personen, inScope, kandidaten);
    }

    private static async Task<Dictionary<string, (string Reden, string KoppelingReden, string Regelset)>> OudeRedenenAsync(
        NpgsqlConnection conn, List<Kandidaat> kandidaten, CancellationToken ct)
    {
        var uit = new Dictionary<string, (string, string, string)>(kandidaten.Count, StringComparer.Ordinal);
        if (kandidaten.Count == 0)
        {
            return uit;
        }
        await using var cmd = new NpgsqlCommand(
            "select bsn, reden, koppeling_reden, rule_set_versie from persoon where bsn = any(@bsns)", conn) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", [.. kandidaten.Select(k => k.Bsn)]));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            uit[r.GetString(0)] = (r.GetString(1), r.GetString(2), r.GetString(3));
        }
        return uit;
    }

    /// <summary>The municipalities that will get an SS190: the same condition as <see cref="Wi2021Terugtrekking"/> (Wi2021 signals in view).</summary>
    private static async Task<Dictionary<string, int>> Ss190PerGemeenteAsync(NpgsqlConnection conn, string[] vertrekkers, CancellationToken ct)
    {
        var uit = new Dictionary<string, int>(StringComparer.Ordinal);
        if (vertrekkers.Length == 0)
        {
            return uit;
        }
        await using var cmd = new NpgsqlCommand("""
            select gemeente_code, count(distinct bsn)::int from signaal
            where bsn = any(@bsns) and regime = 'Wi2021' and ingetrokken_op is null and code <> 'SS190'
            group by gemeente_code
            """, conn) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bsns", vertrekkers));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            uit[r.GetString(0)] = r.GetInt32(1);
        }
        return uit;
    }

    private static List<GemeenteTelling> Tel(List<Wijziging> wijzigingen, Dictionary<string, int> ss190)
    {
        var tellers = new Dictionary<string, int[]>(StringComparer.Ordinal);
        const string Geen = "";
        int[] Teller(string? g) => tellers.TryGetValue(g ?? Geen, out var t) ? t : tellers[g ?? Geen] = new int[4];
        foreach (var w in wijzigingen)
        {
            Teller(w.OudeGemeente)[0]++;
            Teller(w.NieuweGemeente)[w.Actie == CorrectieActie.VerlaatWi2021 ? 2 : 1]++;
        }
        foreach (var (g, n) in ss190)
        {
            Teller(g)[3] += n;
        }
        return [.. tellers
            .OrderBy(t => t.Key.Length == 0 ? 1 : 0).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new GemeenteTelling(t.Key.Length == 0 ? null : t.Key, t.Value[0], t.Value[1], t.Value[2], t.Value[3]))];
    }

    /// <summary>
    /// SHA-256 over the version, the scope and every field of every listed row, in BSN order: what DUO
    /// confirmed. Apply recomputes it and refuses when the facts have changed the list since.
    /// </summary>
    public static string Hash(string versie, CorrectieScope scope, IReadOnlyList<Wijziging> wijzigingen)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(wijzigingen);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var regel = new StringBuilder(512);
        void Voeg(params string?[] velden)
        {
            regel.Clear().AppendJoin('\u001f', velden).Append('\u001e');
            hash.AppendData(Encoding.UTF8.GetBytes(regel.ToString()));
        }
        var inv = CultureInfo.InvariantCulture;
        Voeg(versie, scope.Regime?.ToString(), scope.Doelgroep?.ToString(), scope.PeildatumVan?.ToString("yyyy-MM-dd", inv),
            scope.PeildatumTot?.ToString("yyyy-MM-dd", inv), scope.Gemeente?.Waarde);
        foreach (var w in wijzigingen)
        {
            Voeg(w.Bsn, w.Actie.ToString(), w.Doelgroep, w.OudeUitkomst, w.NieuweUitkomst, w.OudeGemeente, w.NieuweGemeente,
                w.OudePeildatum?.ToString("yyyy-MM-dd", inv), w.NieuwePeildatum?.ToString("yyyy-MM-dd", inv), w.OudeReden, w.NieuweReden, w.OudeKoppelingReden, w.NieuweKoppelingReden, w.OudeRegelset);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

}
