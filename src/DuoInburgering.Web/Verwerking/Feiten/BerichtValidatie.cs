using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using FluentValidation;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>The rules every message shares: a message id and a valid BSN. Messages never quote the BSN.</summary>
public abstract class FeitBerichtValidator<T> : AbstractValidator<T> where T : FeitBericht
{
    protected FeitBerichtValidator()
    {
        RuleFor(b => b.BerichtId).NotEmpty().WithMessage("bericht_id ontbreekt.")
            .MaximumLength(100).WithMessage("bericht_id is langer dan 100 tekens.");
        RuleFor(b => b.Bsn).Custom((bsn, ctx) =>
        {
            if (Bsn.Controleer(bsn) is { } fout)
            {
                ctx.AddFailure("bsn", fout);
            }
        });
    }

    protected void Datum(System.Linq.Expressions.Expression<Func<T, string?>> veld, string kolom) =>
        RuleFor(veld).Must(Veld.IsDatumOfLeeg)
            .WithMessage((_, waarde) => $"Ongeldige datum in {kolom}: '{waarde}' (verwacht jjjj-mm-dd).");

    /// <summary>A municipality code that exists (CBS list); empty allowed when <paramref name="verplicht"/> is false.</summary>
    protected void Gemeente(System.Linq.Expressions.Expression<Func<T, string?>> veld, string kolom, bool verplicht) =>
        RuleFor(veld).Custom((code, ctx) =>
        {
            if (Veld.IsLeeg(code))
            {
                if (verplicht)
                {
                    ctx.AddFailure(kolom, $"{kolom} ontbreekt.");
                }
                return;
            }
            if (GemeenteCode.Controleer(code) is { } fout)
            {
                ctx.AddFailure(kolom, $"{kolom}: {fout}");
            }
            else if (!SnelleControle.BekendeGemeenten.Contains(code!.Trim()))
            {
                ctx.AddFailure(kolom, $"{kolom}: '{code.Trim()}' is geen bestaande gemeente.");
            }
        });
}

public sealed class IndBerichtValidator : FeitBerichtValidator<IndBericht>
{
    public IndBerichtValidator()
    {
        RuleFor(b => b.Naam).NotEmpty().WithMessage("naam ontbreekt.")
            .MaximumLength(200).WithMessage("naam is langer dan 200 tekens.");
        RuleFor(b => b.VNummer).Must(v => Veld.IsLeeg(v) || (v!.Trim().Length == 10 && v.Trim().All(char.IsAsciiDigit)))
            .WithMessage("v_nummer moet uit 10 cijfers bestaan.");
        RuleFor(b => b.Geboortedatum).NotEmpty().WithMessage("geboortedatum ontbreekt.");
        Datum(b => b.Geboortedatum, "geboortedatum");
        RuleFor(b => b.Nationaliteit).Custom((n, ctx) =>
        {
            if (Veld.IsLeeg(n))
            {
                ctx.AddFailure("nationaliteit", "nationaliteit ontbreekt.");
            }
            else if (!Nationaliteit.IsGeldigeCode(n!.Trim().ToUpperInvariant()))
            {
                ctx.AddFailure("nationaliteit", $"nationaliteit '{n.Trim()}' is geen ISO 3166 alpha-3-code.");
            }
        });
        RuleFor(b => b.Verblijfsdoel).Must(d => VerblijfsdoelTekst.TryParse(d, out _))
            .WithMessage((_, d) => Veld.IsLeeg(d)
                ? "verblijfsdoel ontbreekt."
                : $"Onbekend verblijfsdoel '{d}'; toegestaan: asiel, gezinshereniging, gezinsvorming, geestelijk_bedienaar, overig_niet_tijdelijk, tijdelijk.");
        Datum(b => b.DatumIngangVerblijfsrecht, "datum_ingang_verblijfsrecht");
        Datum(b => b.DatumBeschikking, "datum_beschikking");
        Datum(b => b.DatumBekendmakingBeschikking, "datum_bekendmaking_beschikking");
        Datum(b => b.DatumUitreikingDocument, "datum_uitreiking_document");
        Datum(b => b.DatumKennisgeving, "datum_kennisgeving");
        Datum(b => b.DatumIntrekking, "datum_intrekking");
    }
}

public sealed class CoaBerichtValidator : FeitBerichtValidator<CoaBericht>
{
    public CoaBerichtValidator()
    {
        RuleFor(b => b.CoaLocatie).MaximumLength(200).WithMessage("coa_locatie is langer dan 200 tekens.");
        Gemeente(b => b.GekoppeldeGemeente, "gekoppelde_gemeente", verplicht: false);
        Datum(b => b.DatumGekoppeld, "datum_gekoppeld");
        Datum(b => b.DatumUitstroom, "datum_uitstroom");
        RuleFor(b => b.DatumGekoppeld).Must((b, d) => Veld.IsLeeg(d) || !Veld.IsLeeg(b.GekoppeldeGemeente))
            .WithMessage("datum_gekoppeld zonder gekoppelde_gemeente.");
    }
}

public sealed class BrpBerichtValidator : FeitBerichtValidator<BrpBericht>
{
    public BrpBerichtValidator()
    {
        Gemeente(b => b.Gemeente, "gemeente", verplicht: false);
        RuleFor(b => b.AdresIsCoaLocatie).Must(Veld.IsVlagOfLeeg)
            .WithMessage((_, v) => $"adres_is_coa_locatie '{v}' is geen ja/nee (true/false).");
        Datum(b => b.DatumVestiging, "datum_vestiging");
        Datum(b => b.DatumVertrekBuitenland, "datum_vertrek_buitenland");
        Datum(b => b.DatumOverlijden, "datum_overlijden");
    }
}

/// <summary>One place that validates any message and turns failures into one Dutch reason.</summary>
public static class BerichtValidatie
{
    private static readonly IndBerichtValidator Ind = new();
    private static readonly CoaBerichtValidator Coa = new();
    private static readonly BrpBerichtValidator Brp = new();

    public static FluentValidation.Results.ValidationResult Valideer(FeitBericht bericht) => bericht switch
    {
        IndBericht i => Ind.Validate(i),
        CoaBericht c => Coa.Validate(c),
        BrpBericht b => Brp.Validate(b),
        _ => throw new ArgumentException("Onbekend berichttype.", nameof(bericht)),
    };

    /// <returns>null when valid, otherwise every problem joined into one line.</returns>
    /// <remarks>
    /// A bulk file is nearly all good lines: <see cref="SnelleControle"/> passes those without the
    /// validator's per-rule machinery; any line it doubts goes through the validators, which decide and word the reason.
    /// </remarks>
    public static string? Controleer(FeitBericht bericht) => SnelleControle.IsZekerGeldig(bericht) ? null : Reden(Valideer(bericht));

    public static string? Reden(FluentValidation.Results.ValidationResult resultaat) =>
        resultaat.IsValid ? null : string.Join(" ", resultaat.Errors.Select(e => e.ErrorMessage));
}
