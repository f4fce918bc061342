using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>Writes a validated IND message's facts into a person row; the decision follows from re-derivation.</summary>
internal static class IndFeitenToepassing
{
    public static Persoon NieuwePersoon(string bsn) => new()
    {
        Bsn = bsn, Naam = "", Nationaliteit = "", Verblijfsdoel = "", Uitkomst = default, RegelsetVersie = "", Reden = "",
        KoppelingReden = "", Status = default,
    };

    public static void PasToe(IndBericht b, Persoon p)
    {
        p.VNummer = Veld.Tekst(b.VNummer);
        p.Naam = b.Naam!.Trim();
        p.Geboortedatum = Veld.Datum(b.Geboortedatum)!.Value;
        p.Nationaliteit = b.Nationaliteit!.Trim().ToUpperInvariant();
        p.Verblijfsdoel = VerblijfsdoelTekst.Parse(b.Verblijfsdoel!).AlsTekst();
        p.DatumIngangVerblijfsrecht = Veld.Datum(b.DatumIngangVerblijfsrecht);
        p.DatumBeschikking = Veld.Datum(b.DatumBeschikking);
        p.DatumBekendmakingBeschikking = Veld.Datum(b.DatumBekendmakingBeschikking);
        p.DatumUitreikingDocument = Veld.Datum(b.DatumUitreikingDocument);
        p.DatumKennisgeving = Veld.Datum(b.DatumKennisgeving);
        p.DatumIntrekking = Veld.Datum(b.DatumIntrekking);
    }
}
