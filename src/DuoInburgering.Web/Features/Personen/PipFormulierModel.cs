using DuoInburgering.Domain.Pip;
using FluentValidation;
using FluentValidation.Results;

namespace DuoInburgering.Web.Features.Personen;

/// <summary>The PIP form's fields; dates as DateTime? because MudDatePicker binds those.</summary>
public sealed class PipFormulierModel
{
    public DateTime? Dagtekening { get; set; }
    public Leerroute? Leerroute { get; set; }
    public PipNiveau? Niveau { get; set; }
    public int? GeschatteIntensiteit { get; set; }

    /// <summary>The request, once the required fields are filled in.</summary>
    public PipAanvraag? AlsAanvraag() => Dagtekening is { } d && Leerroute is { } r
        ? new PipAanvraag(DateOnly.FromDateTime(d), r, Niveau, GeschatteIntensiteit)
        : null;
}

/// <summary>
/// FluentValidation around <see cref="PipRegels.Valideer"/>: the DUO rules stay in the domain, this maps
/// each <see cref="PipFout"/> to the form field it is about so MudForm shows it beside that field.
/// </summary>
public sealed class PipFormulierValidator : FormulierValidator<PipFormulierModel>
{
    private static readonly Dictionary<string, string> Velden = new(StringComparer.Ordinal)
    {
        ["dagtekening"] = nameof(PipFormulierModel.Dagtekening),
        ["leerroute"] = nameof(PipFormulierModel.Leerroute),
        ["niveau"] = nameof(PipFormulierModel.Niveau),
        ["geschatteIntensiteitB1Route"] = nameof(PipFormulierModel.GeschatteIntensiteit),
    };

    public PipFormulierValidator(Func<PipContext> context, Func<DateOnly> vandaag)
    {
        RuleFor(m => m.Dagtekening).NotNull().WithMessage("Vul de dagtekening in.");
        RuleFor(m => m.Leerroute).NotNull().WithMessage("Kies een leerroute.");
        RuleFor(m => m).Custom((m, ctx) =>
        {
            if (m.AlsAanvraag() is { } aanvraag)
            {
                foreach (var fout in PipRegels.Valideer(aanvraag, context(), vandaag()))
                {
                    ctx.AddFailure(new ValidationFailure(Velden.GetValueOrDefault(fout.Veld, ""), fout.Melding));
                }
            }
        });
    }
}

/// <summary>The inburgeringsaanbod form: one date, checked with <see cref="InburgeringsaanbodRegels"/>.</summary>
public sealed class AanbodFormulierModel
{
    public DateTime? Datum { get; set; }
}

public sealed class AanbodFormulierValidator : FormulierValidator<AanbodFormulierModel>
{
    public AanbodFormulierValidator(Func<PipContext> context, Func<DateOnly> vandaag)
    {
        RuleFor(m => m.Datum).NotNull().WithMessage("Vul de datum van het inburgeringsaanbod in.");
        RuleFor(m => m).Custom((m, ctx) =>
        {
            if (m.Datum is { } d)
            {
                foreach (var fout in InburgeringsaanbodRegels.Valideer(DateOnly.FromDateTime(d), context(), vandaag()))
                {
                    ctx.AddFailure(new ValidationFailure(
                        fout.Veld == InburgeringsaanbodRegels.Veld ? nameof(AanbodFormulierModel.Datum) : "", fout.Melding));
                }
            }
        });
    }
}

/// <summary>
/// The adapter MudForm needs (its <c>Validation</c> parameter calls it per field with the property name
/// of the field's <c>For</c>): validate the whole model, since the domain rules look at several fields
/// at once, and return the messages of that one property. Messages about no field come from <see cref="Algemeen"/>.
/// </summary>
public abstract class FormulierValidator<T> : AbstractValidator<T>
{
    public Func<object, string, Task<IEnumerable<string>>> ValideerVeld => async (model, veld) =>
        (await ValidateAsync((T)model)).Errors.Where(e => e.PropertyName == veld).Select(e => e.ErrorMessage).ToList();

    public IReadOnlyList<string> Algemeen(T model) =>
        [.. Validate(model).Errors.Where(e => e.PropertyName.Length == 0).Select(e => e.ErrorMessage)];
}
