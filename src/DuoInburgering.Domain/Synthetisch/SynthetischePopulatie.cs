using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Synthetisch;

/// <summary>
/// Deterministic synthetic population: three CSV files (IND, COA, BRP) as they would arrive as
/// messages, for demos, load tests and benchmarks (docs/domain.md "Sizes": build for 1 million people).
/// </summary>
/// <remarks>
/// <para>The incident cohort (<see cref="IncidentCohort"/>) comes first with fixed facts, then
/// <see cref="SyntheseOpties.Personen"/> synthetic persons. Person i is drawn from its own random
/// stream (seed, i), so the output for N persons is a prefix of the output for more.</para>
/// <para>Rows are written as they are made: memory use does not grow with N.</para>
/// <para>All names are invented; BSNs pass the elfproef and come from ranges 900000000–989999999
/// (population) and 99999xxxx (cohort), so they never collide.</para>
/// </remarks>
public static partial class SynthetischePopulatie
{
    public const string IndKop =
        "bericht_id,bsn,v_nummer,naam,geboortedatum,nationaliteit,verblijfsdoel,datum_ingang_verblijfsrecht,"
        + "datum_beschikking,datum_bekendmaking_beschikking,datum_uitreiking_document,datum_kennisgeving,datum_intrekking";

    public const string CoaKop = "bericht_id,bsn,coa_locatie,gekoppelde_gemeente,datum_gekoppeld,datum_uitstroom";

    public const string BrpKop = "bericht_id,bsn,gemeente,adres_is_coa_locatie,datum_vestiging,datum_vertrek_buitenland,datum_overlijden";

    /// <summary>Upper bound for <see cref="SyntheseOpties.Personen"/>: the BSN range holds about 8.18 million.</summary>
    public const int MaxPersonen = 8_000_000;

    /// <summary>Earliest allowed <see cref="SyntheseOpties.Vandaag"/>: permits start in 2010.</summary>
    public static readonly DateOnly VroegsteVandaag = new(2011, 1, 1);

    private const int BsnBasisStart = 90_000_000;
    private const int BsnBasisBereik = 9_000_000;

    // Both steps are coprime with their range (9,000,000 = 2^6·3^2·5^6 and 9,000,000,000 = 2^9·3^2·5^9):
    // k ↦ k·stap mod bereik visits every value once, so numbers are unique without looking sequential.
    private const long BsnStap = 2_718_281;
    private const long VNummerStap = 1_618_033_987;

    /// <summary>Writes header and rows of the three files. Deterministic for the same options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Personen outside 0…<see cref="MaxPersonen"/>, or Vandaag before 2011.</exception>
    public static SyntheseResultaat Schrijf(SyntheseOpties opties, TextWriter ind, TextWriter coa, TextWriter brp)
    {
        ArgumentNullException.ThrowIfNull(opties);
        ArgumentNullException.ThrowIfNull(ind);
        ArgumentNullException.ThrowIfNull(coa);
        ArgumentNullException.ThrowIfNull(brp);
        if (opties.Personen < 0 || opties.Personen > MaxPersonen)
        {
            throw new ArgumentOutOfRangeException(nameof(opties), opties.Personen,
                $"Aantal personen moet tussen 0 en {MaxPersonen} liggen.");
        }

        DateOnly vandaag = opties.EffectiefVandaag;
        if (vandaag < VroegsteVandaag)
        {
            throw new ArgumentOutOfRangeException(nameof(opties), vandaag, "Vandaag moet op of na 2011-01-01 liggen.");
        }

        var buf = new RegelBuffer();
        ind.Write(IndKop + "\n");
        coa.Write(CoaKop + "\n");
        brp.Write(BrpKop + "\n");

        int indRijen = 0, coaRijen = 0, brpRijen = 0;
        foreach (DemoGeval g in Cohort)
        {
            SchrijfInd(buf.Tekst("IND-DEMO-" + g.Nummer), g.Ind, ind);
            indRijen++;
            if (g.Coa is CoaRij c)
            {
                SchrijfCoa(buf.Tekst("COA-DEMO-" + g.Nummer), g.Ind.Bsn, c, coa);
                coaRijen++;
            }

            if (g.Brp is BrpRij b)
            {
                SchrijfBrp(buf.Tekst("BRP-DEMO-" + g.Nummer), g.Ind.Bsn, b, brp);
                brpRijen++;
            }
        }

        var generator = new Generator(vandaag);
        long bsnIndex = 1;
        for (int i = 0; i < opties.Personen; i++)
        {
            SplitMix rng = SplitMix.VoorPersoon(opties.Seed, i);
            int bsn = VolgendeBsn(ref bsnIndex);
            long vNummer = 1_000_000_000L + ((i + 1L) * VNummerStap % 9_000_000_000L);
            generator.Maak(ref rng, bsn, vNummer, out IndRij r, out CoaRij? c, out BrpRij? b);

            SchrijfInd(buf.Id("IND-", ++indRijen - Cohort.Length), r, ind);
            if (c is CoaRij cr)
            {
                SchrijfCoa(buf.Id("COA-", ++coaRijen - CohortCoaRijen), bsn, cr, coa);
            }

            if (b is BrpRij br)
            {
                SchrijfBrp(buf.Id("BRP-", ++brpRijen - CohortBrpRijen), bsn, br, brp);
            }
        }

        return new SyntheseResultaat(indRijen, coaRijen, brpRijen);
    }

    /// <summary>The next unused 8-digit base with a valid check digit, as a 9-digit BSN.</summary>
    private static int VolgendeBsn(ref long index)
    {
        while (true)
        {
            int basis = BsnBasisStart + (int)(index++ * BsnStap % BsnBasisBereik);
            int som = 0;
            int rest = basis;
            for (int gewicht = 2; gewicht <= 9; gewicht++)
            {
                som += gewicht * (rest % 10);
                rest /= 10;
            }

            int controle = som % 11;
            if (controle != 10)
            {
                return (basis * 10) + controle;
            }
        }
    }

    private static void SchrijfInd(RegelBuffer buf, in IndRij r, TextWriter w) =>
        buf.Getal(r.Bsn, 9)
            .Getal(r.VNummer, 10)
            .Naam(r.Voornaam, r.Achternaam)
            .Datum(r.Geboortedatum)
            .Tekst(r.Nationaliteit)
            .Tekst(r.Verblijfsdoel.AlsTekst())
            .Datum(r.DatumIngangVerblijfsrecht)
            .Datum(r.DatumBeschikking)
            .Datum(r.DatumBekendmakingBeschikking)
            .Datum(r.DatumUitreikingDocument)
            .Datum(r.DatumKennisgeving)
            .Datum(r.DatumIntrekking)
            .Schrijf(w);

    private static void SchrijfCoa(RegelBuffer buf, int bsn, in CoaRij r, TextWriter w) =>
        buf.Getal(bsn, 9)
            .Tekst(r.Locatie)
            .Tekst(r.GekoppeldeGemeente)
            .Datum(r.DatumGekoppeld)
            .Datum(r.DatumUitstroom)
            .Schrijf(w);

    private static void SchrijfBrp(RegelBuffer buf, int bsn, in BrpRij r, TextWriter w) =>
        buf.Getal(bsn, 9)
            .Tekst(r.Gemeente)
            .Bool(r.AdresIsCoaLocatie)
            .Datum(r.DatumVestiging)
            .Datum(r.DatumVertrekBuitenland)
            .Datum(r.DatumOverlijden)
            .Schrijf(w);
}
