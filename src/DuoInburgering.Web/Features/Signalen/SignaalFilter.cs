using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using FluentValidation;

using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>The columns the signal list can be sorted on: each has its own index (migration SignalenZoeken).</summary>
public enum SignaalSortering
{
    Datum,
    Code,
    Bsn,
}

/// <summary>
/// What a caseworker asks of one PIB environment: the same filter drives the screen, the grouped view
/// and the downloads, so a download is exactly the list on screen without paging.
/// </summary>
public sealed record SignaalFilter(Regime Regime)
{
    public const int MaxPaginaGrootte = 100;

    public string? Code { get; init; }
    public DateOnly? Van { get; init; }
    public DateOnly? Tot { get; init; }
    public bool? Afgehandeld { get; init; }
    public Doelgroep? Doelgroep { get; init; }

    /// <summary>A BSN (exact) or part of a name (case-insensitive).</summary>
    public string? Zoekterm { get; init; }

    public SignaalSortering Sorteer { get; init; } = SignaalSortering.Datum;
    public bool Aflopend { get; init; } = true;

    /// <summary>Zero-based.</summary>
    public int Pagina { get; init; }

    public int PaginaGrootte { get; init; } = 25;

    /// <summary>A count as the Dutch write it (10.000), whatever the server's culture.</summary>
    public static string Aantal(int n) => n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

    public string? ZoekBsn => IsBsnZoekterm(Zoekterm) ? Zoekterm!.Trim() : null;
    public string? ZoekNaam => string.IsNullOrWhiteSpace(Zoekterm) || IsBsnZoekterm(Zoekterm) ? null : Zoekterm.Trim();

    /// <summary>All digits means a BSN was meant, so "12345" is refused rather than searched in names.</summary>
    internal static bool IsBsnZoekterm(string? term) =>
        !string.IsNullOrWhiteSpace(term) && term.Trim().All(char.IsAsciiDigit);
}

public sealed class SignaalFilterValidator : AbstractValidator<SignaalFilter>
{
    public static readonly SignaalFilterValidator Instantie = new();

    public SignaalFilterValidator()
    {
        RuleFor(f => f.Regime).IsInEnum().WithMessage("Onbekende PIB-omgeving.");
        RuleFor(f => f.Code)
            .Must(c => c is null || Kolomwaarden.Herken<SignaalCode>(c) is not null && c.StartsWith("SS", StringComparison.Ordinal))
            .WithMessage("Onbekende signaalcode.");
        RuleFor(f => f.Tot)
            .Must((f, tot) => f.Van is null || tot is null || f.Van <= tot)
            .WithMessage("De begindatum ligt na de einddatum.");
        RuleFor(f => f.Doelgroep).IsInEnum().WithMessage("Onbekende doelgroep.");
        RuleFor(f => f.Zoekterm)
            .MaximumLength(100).WithMessage("De zoekterm is te lang (hoogstens 100 tekens).")
            .Must(t => !SignaalFilter.IsBsnZoekterm(t) || Bsn.Controleer(t) is null)
            .WithMessage("Een BSN bestaat uit 9 cijfers en moet de elfproef doorstaan.")
            .Must(t => string.IsNullOrWhiteSpace(t) || SignaalFilter.IsBsnZoekterm(t) || t.Trim().Length >= 2)
            .WithMessage("Zoek op een BSN van 9 cijfers of op minstens 2 tekens van de naam.");
        RuleFor(f => f.PaginaGrootte).InclusiveBetween(1, SignaalFilter.MaxPaginaGrootte)
            .WithMessage($"Het aantal rijen per pagina ligt tussen 1 en {SignaalFilter.MaxPaginaGrootte}.");
        RuleFor(f => f.Pagina).GreaterThanOrEqualTo(0).WithMessage("Het paginanummer kan niet negatief zijn.")
            .Must((f, p) => (long)p * f.PaginaGrootte < SignalenZoeken.TelLimiet)
            .WithMessage($"Verder dan {SignaalFilter.Aantal(SignalenZoeken.TelLimiet)} signalen bladeren kan niet; verfijn het filter.");
    }
}
