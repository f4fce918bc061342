using System.Globalization;
using System.Text.Json;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;

namespace DuoInburgering.Web.Features.Persoonscorrecties;

/// <summary>What DUO sees of one person before correcting them: the stored facts, the decision and the municipality.</summary>
public sealed record PersoonDossier(
    string Bsn,
    string Naam,
    DateOnly Geboortedatum,
    string Nationaliteit,
    CorrigeerbareFeiten Feiten,
    CoaDossier? Coa,
    BrpDossier? Brp,
    RegimeUitkomst Uitkomst,
    Doelgroep? Doelgroep,
    string Reden,
    string RegelsetVersie,
    Verwerkingsstatus Status,
    string? Gemeente,
    string? GemeenteNaam,
    string KoppelingReden,
    long? OpenVoorstel);

public sealed record CoaDossier(string? Locatie, string? GekoppeldeGemeente, DateOnly? DatumGekoppeld, DateOnly? DatumUitstroom);

public sealed record BrpDossier(string? Gemeente, bool AdresIsCoaLocatie, DateOnly? DatumVestiging);

/// <summary>The answer to a BSN lookup: a Dutch message for bad input, not found, or the person.</summary>
public abstract record Opzoeking
{
    private Opzoeking()
    {
    }

    public sealed record Ongeldig(string Melding) : Opzoeking;

    public sealed record NietGevonden(string Melding) : Opzoeking;

    public sealed record Gevonden(PersoonDossier Dossier) : Opzoeking;
}

/// <summary>The answer to "compute the effect" and "propose": Dutch messages per field, or the effect (and the new proposal's number).</summary>
public abstract record Voorstelresultaat
{
    private Voorstelresultaat()
    {
    }

    public sealed record Ongeldig(IReadOnlyList<CorrectieFout> Fouten) : Voorstelresultaat;

    /// <param name="Id">The stored proposal; null when only the effect was computed.</param>
    public sealed record Berekend(CorrectieEffect Effect, long? Id) : Voorstelresultaat;
}

/// <summary>The answer to approving or rejecting: done, or refused with a Dutch reason (nothing changed).</summary>
public abstract record Besluitresultaat
{
    private Besluitresultaat()
    {
    }

    public sealed record Besloten(CorrectieStatus Status, int Signalen) : Besluitresultaat;

    public sealed record Geweigerd(string Melding) : Besluitresultaat;
}

/// <summary>One proposal in the list: who proposed and decided what, when and why, and its effect.</summary>
public sealed record VoorstelRegel(
    long Id,
    string Bsn,
    CorrectieStatus Status,
    string Reden,
    string VoorgesteldDoor,
    DateTimeOffset VoorgesteldOp,
    IReadOnlyList<string> Wijzigingen,
    RegimeUitkomst OudeUitkomst,
    RegimeUitkomst NieuweUitkomst,
    string OudeReden,
    string NieuweReden,
    string? OudeGemeente,
    string? NieuweGemeente,
    string OudeKoppelingReden,
    string NieuweKoppelingReden,
    string? Gemeentewissel,
    bool VerlaatWi2021,
    string? BeslotenDoor,
    DateTimeOffset? BeslotenOp,
    string? Afwijzingsreden,
    int? AantalSignalen);

/// <summary>
/// The correctable facts as stored in persoonscorrectie.feiten_voor / feiten_na (jsonb): readable in SQL, and
/// compared on approval with the facts as they are then, so a proposal never overwrites a newer message.
/// </summary>
public static class CorrectieFeitenJson
{
    private static readonly JsonSerializerOptions Opties = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Json(string Verblijfsdoel, DateOnly? DatumBekendmakingBeschikking, DateOnly? DatumUitreikingDocument,
        string? CoaGekoppeldeGemeente, string? BrpGemeente);

    public static string Schrijf(CorrigeerbareFeiten f) => JsonSerializer.Serialize(new Json(f.Verblijfsdoel.AlsTekst(),
        f.DatumBekendmakingBeschikking, f.DatumUitreikingDocument, f.CoaGekoppeldeGemeente?.Waarde, f.BrpGemeente?.Waarde), Opties);

    public static CorrigeerbareFeiten Lees(string json)
    {
        var j = JsonSerializer.Deserialize<Json>(json, Opties) ?? throw new FormatException("Lege correctiefeiten.");
        return new CorrigeerbareFeiten(VerblijfsdoelTekst.Parse(j.Verblijfsdoel), j.DatumBekendmakingBeschikking, j.DatumUitreikingDocument,
            j.CoaGekoppeldeGemeente is null ? null : new GemeenteCode(j.CoaGekoppeldeGemeente),
            j.BrpGemeente is null ? null : new GemeenteCode(j.BrpGemeente));
    }

    /// <summary>"Datum uitreiking document: 2022-01-10 → 2021-12-15", one line per changed fact.</summary>
    public static IReadOnlyList<string> Verschillen(CorrigeerbareFeiten voor, CorrigeerbareFeiten na)
    {
        var uit = new List<string>();
        void Vergelijk(string naam, string? a, string? b)
        {
            if (a != b)
            {
                uit.Add($"{naam}: {a ?? "leeg"} → {b ?? "leeg"}");
            }
        }
        Vergelijk("Verblijfsdoel", voor.Verblijfsdoel.AlsTekst(), na.Verblijfsdoel.AlsTekst());
        Vergelijk("Datum bekendmaking beschikking", Dag(voor.DatumBekendmakingBeschikking), Dag(na.DatumBekendmakingBeschikking));
        Vergelijk("Datum uitreiking document", Dag(voor.DatumUitreikingDocument), Dag(na.DatumUitreikingDocument));
        Vergelijk("COA-koppeling", voor.CoaGekoppeldeGemeente?.Waarde, na.CoaGekoppeldeGemeente?.Waarde);
        Vergelijk("BRP-gemeente", voor.BrpGemeente?.Waarde, na.BrpGemeente?.Waarde);
        return uit;
    }

    public static string? Dag(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
