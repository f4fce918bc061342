using Bunit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Features.Personen;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DuoInburgering.Web.Tests.Features.Personen;

/// <summary>The PIP form in bUnit: DUO's rules appear beside the field they are about, and an invalid form never reaches the handler.</summary>
public sealed class PipFormulierTests : IAsyncLifetime
{
    private static readonly DateOnly Vandaag = new(2026, 5, 1);
    private readonly BunitContext _ctx = new();
    private readonly List<PipAanvraag> _aanvragen = [];

    public Task InitializeAsync()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Render<MudPopoverProvider>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private static PipContext Context(Doelgroep doelgroep = Doelgroep.Gezinsmigrant, DateOnly? vestiging = null) =>
        new(RegimeUitkomst.Wi2021, doelgroep, new DateOnly(2026, 3, 1), vestiging, null, null);

    private IRenderedComponent<PipFormulier> Render(PipFormulierModel model, PipContext context, Registratie? antwoord = null) =>
        _ctx.Render<PipFormulier>(p => p
            .Add(f => f.Context, context)
            .Add(f => f.Vandaag, Vandaag)
            .Add(f => f.Model, model)
            .Add(f => f.Registreer, a =>
            {
                _aanvragen.Add(a);
                return Task.FromResult(antwoord ?? new Registratie.Geregistreerd([]));
            }));

    private static string Veld(IRenderedComponent<PipFormulier> cut, string veld) => cut.Find($"[data-veld='{veld}']").TextContent;

    private static void Registreer(IRenderedComponent<PipFormulier> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("PIP registreren", StringComparison.Ordinal)).Click();

    [Fact]
    public void Empty_required_fields_get_their_Dutch_message()
    {
        var cut = Render(new PipFormulierModel(), Context());

        Registreer(cut);

        cut.WaitForAssertion(() => Assert.Contains("Vul de dagtekening in.", Veld(cut, "dagtekening"), StringComparison.Ordinal));
        Assert.Contains("Kies een leerroute.", Veld(cut, "leerroute"), StringComparison.Ordinal);
        Assert.Empty(_aanvragen);
    }

    [Theory]
    [InlineData(Leerroute.Onderwijsroute, PipNiveau.A2, "2026-04-20", "niveau", "Niveau A2 mag niet bij de onderwijsroute.")]
    [InlineData(Leerroute.ZRoute, PipNiveau.B1, "2026-04-20", "niveau", "Niveau B1 mag niet bij de Z-route.")]
    [InlineData(Leerroute.ZRoute, null, "2026-02-27", "dagtekening", "niet vóór de start van de inburgeringsplicht (2026-03-01)")]
    [InlineData(Leerroute.ZRoute, null, "2026-05-02", "dagtekening", "De dagtekening mag niet in de toekomst liggen.")]
    public void A_broken_DUO_rule_shows_beside_its_field_only_and_nothing_is_sent(
        Leerroute route, PipNiveau? niveau, string dag, string veld, string melding)
    {
        var model = new PipFormulierModel { Dagtekening = DateTime.Parse(dag, System.Globalization.CultureInfo.InvariantCulture), Leerroute = route, Niveau = niveau };
        var cut = Render(model, Context());

        Registreer(cut);

        cut.WaitForAssertion(() => Assert.Contains(melding, Veld(cut, veld), StringComparison.Ordinal));
        var ander = veld == "niveau" ? "dagtekening" : "niveau";
        Assert.DoesNotContain("mag niet", Veld(cut, ander), StringComparison.Ordinal);
        Assert.Empty(_aanvragen);
    }

    [Fact]
    public void A_valid_form_is_sent_and_the_handlers_context_brings_its_message_beside_the_field()
    {
        var model = new PipFormulierModel { Dagtekening = new DateTime(2026, 4, 20), Leerroute = Leerroute.B1Route };
        var serverFout = new Registratie.Ongeldig([new PipFout("dagtekening", "x")], Context(vestiging: new DateOnly(2026, 4, 25)));
        var cut = Render(model, Context(), serverFout);

        Registreer(cut);

        cut.WaitForAssertion(() => Assert.Contains("vóór de vestiging in de gemeente (2026-04-25)", Veld(cut, "dagtekening"), StringComparison.Ordinal));
        Assert.Equal([new PipAanvraag(new DateOnly(2026, 4, 20), Leerroute.B1Route)], _aanvragen);
    }

    [Fact]
    public void A_stop_for_an_interrupted_correction_is_told_in_Dutch_and_the_form_keeps_its_values()
    {
        var model = new PipFormulierModel { Dagtekening = new DateTime(2026, 4, 20), Leerroute = Leerroute.B1Route };
        var cut = Render(model, Context(), new Registratie.Onderbroken());

        Registreer(cut);

        cut.WaitForAssertion(() => Assert.Contains("De verwerking bij DUO is tijdelijk gestopt voor een correctie. Er is niets vastgelegd",
            cut.Markup, StringComparison.Ordinal));
        Assert.Equal((new DateTime(2026, 4, 20), Leerroute.B1Route), (model.Dagtekening, model.Leerroute));
        Assert.Single(_aanvragen);
    }

    [Fact]
    public void The_estimated_intensity_is_asked_only_for_the_B1_route_of_an_asylum_status_holder()
    {
        Assert.Empty(Render(new PipFormulierModel { Leerroute = Leerroute.B1Route }, Context()).FindAll("[data-veld='intensiteit']"));
        Assert.Empty(Render(new PipFormulierModel { Leerroute = Leerroute.ZRoute }, Context(Doelgroep.Asielstatushouder)).FindAll("[data-veld='intensiteit']"));
        Assert.Single(Render(new PipFormulierModel { Leerroute = Leerroute.B1Route }, Context(Doelgroep.Asielstatushouder)).FindAll("[data-veld='intensiteit']"));
    }
}
