using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Verwerking;

/// <summary>
/// The columns of table persoon, once: the bulk path reads and writes them with raw Npgsql (binary
/// COPY), so the column list, its types and the entity mapping must not drift apart.
/// </summary>
internal static class PersoonKolommen
{
    /// <summary>A column: its name, how to write it (typed, no boxing: the bulk path writes millions) and read it.</summary>
    internal sealed record Kolom(string Naam, Action<NpgsqlBinaryImporter, Persoon> Schrijf, Action<Persoon, NpgsqlDataReader, int> Zet);

    private static Kolom Tekst(string naam, Func<Persoon, string?> get, Action<Persoon, string?> set) =>
        new(naam, (w, p) => SchrijfOfNull(w, get(p), NpgsqlDbType.Text),
            (p, r, i) => set(p, r.IsDBNull(i) ? null : r.GetString(i)));

    /// <summary>A domain enum kept under its name (Data/Kolomwaarden reads it back).</summary>
    private static Kolom Waarde<T>(string naam, Func<Persoon, T?> get, Action<Persoon, T?> set) where T : struct, Enum =>
        new(naam, (w, p) => SchrijfOfNull(w, get(p)?.ToString(), NpgsqlDbType.Text),
            (p, r, i) => set(p, r.IsDBNull(i) ? null : Kolomwaarden.Naam<T>(r.GetString(i))));

    private static Kolom Datum(string naam, Func<Persoon, DateOnly?> get, Action<Persoon, DateOnly?> set) =>
        new(naam, (w, p) =>
            {
                if (get(p) is { } d)
                {
                    w.Write(d, NpgsqlDbType.Date);
                }
                else
                {
                    w.WriteNull();
                }
            },
            (p, r, i) => set(p, r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i)));

    private static Kolom Vlag(string naam, Func<Persoon, bool> get, Action<Persoon, bool> set) =>
        new(naam, (w, p) => w.Write(get(p), NpgsqlDbType.Boolean), (p, r, i) => set(p, r.GetBoolean(i)));

    internal static void SchrijfOfNull(NpgsqlBinaryImporter w, string? waarde, NpgsqlDbType type)
    {
        if (waarde is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(waarde, type);
        }
    }

    public static readonly IReadOnlyList<Kolom> Alle =
    [
        Tekst("bsn", p => p.Bsn, (_, _) => { }),
        Tekst("vnummer", p => p.VNummer, (p, v) => p.VNummer = v),
        Tekst("naam", p => p.Naam, (p, v) => p.Naam = v!),
        Datum("geboortedatum", p => p.Geboortedatum, (p, v) => p.Geboortedatum = v!.Value),
        Tekst("nationaliteit", p => p.Nationaliteit, (p, v) => p.Nationaliteit = v!),
        Tekst("verblijfsdoel", p => p.Verblijfsdoel, (p, v) => p.Verblijfsdoel = v!),
        Datum("datum_ingang_verblijfsrecht", p => p.DatumIngangVerblijfsrecht, (p, v) => p.DatumIngangVerblijfsrecht = v),
        Datum("datum_beschikking", p => p.DatumBeschikking, (p, v) => p.DatumBeschikking = v),
        Datum("datum_bekendmaking_beschikking", p => p.DatumBekendmakingBeschikking, (p, v) => p.DatumBekendmakingBeschikking = v),
        Datum("datum_uitreiking_document", p => p.DatumUitreikingDocument, (p, v) => p.DatumUitreikingDocument = v),
        Datum("datum_kennisgeving", p => p.DatumKennisgeving, (p, v) => p.DatumKennisgeving = v),
        Datum("datum_intrekking", p => p.DatumIntrekking, (p, v) => p.DatumIntrekking = v),
        Waarde<RegimeUitkomst>("uitkomst", p => p.Uitkomst, (p, v) => p.Uitkomst = v!.Value),
        Waarde("doelgroep", p => p.Doelgroep, (p, v) => p.Doelgroep = v),
        Datum("peildatum", p => p.Peildatum, (p, v) => p.Peildatum = v),
        Datum("startdatum", p => p.Startdatum, (p, v) => p.Startdatum = v),
        Tekst("rule_set_versie", p => p.RegelsetVersie, (p, v) => p.RegelsetVersie = v!),
        Tekst("reden", p => p.Reden, (p, v) => p.Reden = v!),
        Tekst("gemeente_code", p => p.GemeenteCode, (p, v) => p.GemeenteCode = v),
        Tekst("koppeling_reden", p => p.KoppelingReden, (p, v) => p.KoppelingReden = v!),
        Waarde<Verwerkingsstatus>("status", p => p.Status, (p, v) => p.Status = v!.Value),
        Waarde("pub_uitkomst", p => p.PubUitkomst, (p, v) => p.PubUitkomst = v),
        Waarde("pub_doelgroep", p => p.PubDoelgroep, (p, v) => p.PubDoelgroep = v),
        Datum("pub_startdatum", p => p.PubStartdatum, (p, v) => p.PubStartdatum = v),
        Tekst("pub_gemeente_code", p => p.PubGemeenteCode, (p, v) => p.PubGemeenteCode = v),
        Vlag("pub_verblijft_in_coa", p => p.PubVerblijftInCoa, (p, v) => p.PubVerblijftInCoa = v),
        Vlag("pub_vertrokken", p => p.PubVertrokken, (p, v) => p.PubVertrokken = v),
        Waarde("pub_koppeling_bron", p => p.PubKoppelingBron, (p, v) => p.PubKoppelingBron = v),
        Datum("pub_koppeling_datum", p => p.PubKoppelingDatum, (p, v) => p.PubKoppelingDatum = v),
        Vlag("aanvang_gemeld", p => p.AanvangGemeld, (p, v) => p.AanvangGemeld = v),
        Datum("termijn_leerroute_start", p => p.TermijnLeerrouteStart, (p, v) => p.TermijnLeerrouteStart = v),
        Vlag("ss126_verzonden", p => p.Ss126Verzonden, (p, v) => p.Ss126Verzonden = v),
        Vlag("ss127_verzonden", p => p.Ss127Verzonden, (p, v) => p.Ss127Verzonden = v),
        Vlag("ss128_verzonden", p => p.Ss128Verzonden, (p, v) => p.Ss128Verzonden = v),
        Waarde("eind_reden", p => p.EindReden, (p, v) => p.EindReden = v),
        Vlag("geparkeerd", p => p.Geparkeerd, (p, v) => p.Geparkeerd = v),
        Datum("vrijgegeven_op", p => p.VrijgegevenOp, (p, v) => p.VrijgegevenOp = v),
        Vlag("vrijgave_wacht", p => p.VrijgaveWacht, (p, v) => p.VrijgaveWacht = v),
        Waarde("keuze_regime", p => p.KeuzeRegime, (p, v) => p.KeuzeRegime = v),
        Waarde("keuze_soort", p => p.KeuzeSoort, (p, v) => p.KeuzeSoort = v),
        Datum("keuze_datum", p => p.KeuzeDatum, (p, v) => p.KeuzeDatum = v),
        Tekst("pip_gemeente_code", p => p.PipGemeenteCode, (p, v) => p.PipGemeenteCode = v),
        Datum("pip_dagtekening", p => p.PipDagtekening, (p, v) => p.PipDagtekening = v),
        Waarde("pip_leerroute", p => p.PipLeerroute, (p, v) => p.PipLeerroute = v),
        Waarde("pip_niveau", p => p.PipNiveau, (p, v) => p.PipNiveau = v),
        Tekst("vorige_pip_gemeente_code", p => p.VorigePipGemeenteCode, (p, v) => p.VorigePipGemeenteCode = v),
        Datum("vorige_pip_dagtekening", p => p.VorigePipDagtekening, (p, v) => p.VorigePipDagtekening = v),
        Datum("datum_inburgeringsaanbod", p => p.DatumInburgeringsaanbod, (p, v) => p.DatumInburgeringsaanbod = v),
        new("bijgewerkt_op", (w, p) => w.Write(p.BijgewerktOp, NpgsqlDbType.TimestampTz),
            (p, r, i) => p.BijgewerktOp = r.GetFieldValue<DateTimeOffset>(i)),
    ];

    public static readonly string Lijst = string.Join(", ", Alle.Select(k => k.Naam));

    /// <summary>Every column but the key, for INSERT … ON CONFLICT DO UPDATE.</summary>
    public static readonly string UpdateSet = string.Join(", ", Alle.Skip(1).Select(k => $"{k.Naam} = excluded.{k.Naam}"));

    public static Persoon Lees(NpgsqlDataReader reader, int offset)
    {
        var p = new Persoon
        {
            Bsn = reader.GetString(offset), Naam = "", Nationaliteit = "", Verblijfsdoel = "", Uitkomst = default,
            RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
        };
        for (var i = 1; i < Alle.Count; i++)
        {
            Alle[i].Zet(p, reader, offset + i);
        }
        return p;
    }

    /// <summary>
    /// Writes one row. Synchronous on purpose: the importer buffers, and an await per value costs more
    /// than the occasional blocking flush on this bulk path.
    /// </summary>
    public static void Schrijf(NpgsqlBinaryImporter importer, Persoon p)
    {
        importer.StartRow();
        foreach (var k in Alle)
        {
            k.Schrijf(importer, p);
        }
    }
}
