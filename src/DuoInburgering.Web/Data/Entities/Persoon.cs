using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;

namespace DuoInburgering.Web.Data.Entities;

/// <summary>
/// One inburgeraar: the IND facts as received, the latest decision (rule-set version and reason),
/// and the published state that the municipalities' views reflect. Written by the processing only.
/// </summary>
public sealed class Persoon
{
    public required string Bsn { get; init; }

    // IND facts
    public string? VNummer { get; set; }
    public required string Naam { get; set; }
    /// <summary>lower(naam), made by PostgreSQL (a stored generated column) for the signal list's name search.</summary>
    public string? Zoeknaam { get; private set; }
    public DateOnly Geboortedatum { get; set; }
    public required string Nationaliteit { get; set; }
    public required string Verblijfsdoel { get; set; }
    public DateOnly? DatumIngangVerblijfsrecht { get; set; }
    public DateOnly? DatumBeschikking { get; set; }
    public DateOnly? DatumBekendmakingBeschikking { get; set; }
    public DateOnly? DatumUitreikingDocument { get; set; }
    public DateOnly? DatumKennisgeving { get; set; }
    public DateOnly? DatumIntrekking { get; set; }

    // The latest decision (also while uitgesteld)
    public required RegimeUitkomst Uitkomst { get; set; }
    public Doelgroep? Doelgroep { get; set; }
    public DateOnly? Peildatum { get; set; }
    public DateOnly? Startdatum { get; set; }
    public required string RegelsetVersie { get; set; }
    public required string Reden { get; set; }
    public string? GemeenteCode { get; set; }
    public required string KoppelingReden { get; set; }
    public required Verwerkingsstatus Status { get; set; }

    // The published state (PersoonToestand); null columns mean nothing was published yet
    public RegimeUitkomst? PubUitkomst { get; set; }
    public Doelgroep? PubDoelgroep { get; set; }
    public DateOnly? PubStartdatum { get; set; }
    public string? PubGemeenteCode { get; set; }
    public bool PubVerblijftInCoa { get; set; }
    public bool PubVertrokken { get; set; }

    /// <summary>The fact behind <see cref="PubGemeenteCode"/>: Coa or Brp, with its date.</summary>
    public KoppelingBron? PubKoppelingBron { get; set; }
    public DateOnly? PubKoppelingDatum { get; set; }
    public bool AanvangGemeld { get; set; }
    public DateOnly? TermijnLeerrouteStart { get; set; }
    public bool Ss126Verzonden { get; set; }
    public bool Ss127Verzonden { get; set; }
    public bool Ss128Verzonden { get; set; }
    public EindReden? EindReden { get; set; }
    public bool Geparkeerd { get; set; }

    /// <summary>Day the person left parking (published again): start of the choice term (overgangsregeling 2022).</summary>
    public DateOnly? VrijgegevenOp { get; set; }

    // DUO's facts about parking and the overgangsregeling 2022 (Features/Geparkeerd)

    /// <summary>DUO released the person's parked group; cleared by the derivation that publishes them (maybe after a pause).</summary>
    public bool VrijgaveWacht { get; set; }

    /// <summary>Regime fixed by the overgangsregeling 2022, honoured over the rules; null: the rules decide.</summary>
    public Regime? KeuzeRegime { get; set; }

    /// <summary>Overgangsbesluit (group released "blijft Wi2021") or Keuze (the person's own, one per person).</summary>
    public KeuzeSoort? KeuzeSoort { get; set; }

    public DateOnly? KeuzeDatum { get; set; }

    // The current PIP and aanbod (registered by the municipality)
    public string? PipGemeenteCode { get; set; }
    public DateOnly? PipDagtekening { get; set; }
    public Leerroute? PipLeerroute { get; set; }
    public PipNiveau? PipNiveau { get; set; }
    public string? VorigePipGemeenteCode { get; set; }
    public DateOnly? VorigePipDagtekening { get; set; }
    public DateOnly? DatumInburgeringsaanbod { get; set; }

    public DateTimeOffset BijgewerktOp { get; set; }
}
