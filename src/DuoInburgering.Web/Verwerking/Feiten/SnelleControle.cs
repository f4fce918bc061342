using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>
/// The validators' rules (<see cref="BerichtValidatie"/>) as plain code, for the bulk path: true only
/// when every rule holds, using the same helpers (Veld, Bsn, Nationaliteit, VerblijfsdoelTekst). It
/// never rejects: false sends the message to the validators, which decide and word the reason, so a
/// rule missing here costs speed, never correctness; a rule looser here than there would let a bad
/// line in, which SnelleControleTests guard against. Change both together.
/// </summary>
public static class SnelleControle
{
    internal static readonly HashSet<string> BekendeGemeenten =
        GemeentenCsv.Alle.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);

    public static bool IsZekerGeldig(FeitBericht bericht) => bericht switch
    {
        IndBericht i => Ind(i),
        CoaBericht c => Coa(c),
        BrpBericht b => Brp(b),
        _ => false,
    };

    private static bool Basis(FeitBericht b) =>
        Gevuld(b.BerichtId, 100) && Bsn.Controleer(b.Bsn) is null;

    private static bool Ind(IndBericht b) =>
        Basis(b) && Gevuld(b.Naam, 200)
        && (Veld.IsLeeg(b.VNummer) || (b.VNummer!.Trim().Length == 10 && b.VNummer.Trim().All(char.IsAsciiDigit)))
        && Gevuld(b.Geboortedatum, int.MaxValue) && Veld.IsDatumOfLeeg(b.Geboortedatum)
        && !Veld.IsLeeg(b.Nationaliteit) && Nationaliteit.IsGeldigeCode(b.Nationaliteit!.Trim().ToUpperInvariant())
        && VerblijfsdoelTekst.TryParse(b.Verblijfsdoel, out _)
        && Veld.IsDatumOfLeeg(b.DatumIngangVerblijfsrecht) && Veld.IsDatumOfLeeg(b.DatumBeschikking)
        && Veld.IsDatumOfLeeg(b.DatumBekendmakingBeschikking) && Veld.IsDatumOfLeeg(b.DatumUitreikingDocument)
        && Veld.IsDatumOfLeeg(b.DatumKennisgeving) && Veld.IsDatumOfLeeg(b.DatumIntrekking);

    private static bool Coa(CoaBericht b) =>
        Basis(b) && (b.CoaLocatie is null || b.CoaLocatie.Length <= 200)
        && GemeenteOfLeeg(b.GekoppeldeGemeente)
        && Veld.IsDatumOfLeeg(b.DatumGekoppeld) && Veld.IsDatumOfLeeg(b.DatumUitstroom)
        && (Veld.IsLeeg(b.DatumGekoppeld) || !Veld.IsLeeg(b.GekoppeldeGemeente));

    private static bool Brp(BrpBericht b) =>
        Basis(b) && GemeenteOfLeeg(b.Gemeente) && Veld.IsVlagOfLeeg(b.AdresIsCoaLocatie)
        && Veld.IsDatumOfLeeg(b.DatumVestiging) && Veld.IsDatumOfLeeg(b.DatumVertrekBuitenland) && Veld.IsDatumOfLeeg(b.DatumOverlijden);

    /// <summary>FluentValidation's NotEmpty (not null, empty or whitespace) and MaximumLength together.</summary>
    private static bool Gevuld(string? tekst, int maximum) => !string.IsNullOrWhiteSpace(tekst) && tekst.Length <= maximum;

    private static bool GemeenteOfLeeg(string? code) =>
        Veld.IsLeeg(code) || (GemeenteCode.Controleer(code) is null && BekendeGemeenten.Contains(code!.Trim()));
}
