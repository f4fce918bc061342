using System.Globalization;
using System.Text.Encodings.Web;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Components;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Npgsql;

namespace DuoInburgering.Web.Features.Correcties;

/// <summary>
/// DUO's corrections (issue 5 item 2): choose a rule set and a scope, see the preview (counts per
/// municipality, every change with both explanations, a CSV), apply it after a confirmation that repeats
/// the counts, and see earlier runs, resuming one that was interrupted. The preview shown is the one
/// applied: apply sends its hash and is refused when the facts have changed since.
/// </summary>
public sealed partial class CorrectiePagina
{
    private static readonly int[] PaginaGroottes = [25, 50, 100];
    private static readonly Dictionary<string, object> Download = new() { ["download"] = "" };
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    [Inject] private Correctiedienst Correcties { get; set; } = null!;
    [Inject] private NpgsqlDataSource Database { get; set; } = null!;
    [Inject] private IDbContextFactory<AppDbContext> DbFactory { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Aanmelding { get; set; } = null!;
    [Inject] private IDialogService Dialogen { get; set; } = null!;

    private readonly CorrectieFormulier _formulier = new();
    private IReadOnlyDictionary<string, string> _fouten = new Dictionary<string, string>();
    private Dictionary<string, string> _gemeenten = new(StringComparer.Ordinal);
    private PibGebruiker? _gebruiker;
    private RegelsetStand? _actief;
    private IReadOnlyList<CorrectieRunRegel> _runs = [];
    private Voorbeeld? _voorbeeld;
    private bool _bezig;
    private string _bezigTekst = "";
    private (Severity Ernst, string Tekst)? _melding;

    protected override async Task OnInitializedAsync()
    {
        _gebruiker = PibPrincipal.Geldig((await Aanmelding.GetAuthenticationStateAsync()).User);
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _gemeenten = await db.Gemeenten.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Naam, StringComparer.Ordinal);
        }
        await VernieuwAsync();
    }

    private bool HeeftFout(string veld) => _fouten.ContainsKey(veld);

    private string? Fout(string veld) => _fouten.TryGetValue(veld, out var f) ? f : null;

    private async Task VernieuwAsync()
    {
        _actief = await ActieveRegelset.LeesAsync(Database, CancellationToken.None);
        _runs = await Correcties.RunsAsync(CancellationToken.None);
    }

    private async Task VoorbeeldAsync()
    {
        _melding = null;
        _voorbeeld = null;
        var (versie, scope, fouten) = _formulier.Lees(_gemeenten.Keys.ToHashSet(StringComparer.Ordinal));
        _fouten = fouten;
        if (versie is null || scope is null)
        {
            _melding = (Severity.Warning, "Het formulier klopt nog niet: " + string.Join(" ", fouten.Values));
            return;
        }
        if (_gebruiker is not { } gebruiker)
        {
            _melding = (Severity.Error, "Je bent niet meer aangemeld. Meld je opnieuw aan.");
            return;
        }
        await BezigAsync("Voorbeeld wordt berekend …", async () =>
            _voorbeeld = await Correcties.VoorbeeldAsync(versie, scope, gebruiker, Data.Entities.VerstrekkingKanaal.Scherm, CancellationToken.None));
    }

    private async Task ToepassenAsync()
    {
        if (_voorbeeld is not { } v || _gebruiker is null)
        {
            return;
        }
        var gemeenten = v.PerGemeente.Count(g => g.Gemeente is not null);
        var e = HtmlEncoder.Default;
        var bericht = new MarkupString(
            $"<p>Regelset <strong>{e.Encode(v.RegelsetVersie)}</strong>, scope {e.Encode(v.Scope.Omschrijving())}.</p>" +
            $"<ul><li>{Aantal(v.Wijzigingen.Count)} personen wijzigen</li>" +
            $"<li>{Aantal(v.VerlatenWi2021)} verlaten de Wi2021: {Aantal(v.Ss190)} SS190-signalen, hun overige Wi2021-signalen worden ingetrokken en zij worden geparkeerd</li>" +
            $"<li>{Aantal(v.Herbepaald)} worden opnieuw bepaald, met signalen aan de oude en nieuwe gemeente</li>" +
            $"<li>{Aantal(gemeenten)} gemeenten zijn betrokken</li></ul>" +
            $"<p>Daarna wordt {e.Encode(v.RegelsetVersie)} de actieve regelset. Dit kan niet ongedaan worden gemaakt.</p>");
        var ja = await Dialogen.ShowMessageBoxAsync("Correctie toepassen?", bericht, yesText: "Toepassen", cancelText: "Annuleren");
        if (ja != true)
        {
            return;
        }
        await BezigAsync("Correctie wordt toegepast …", async () =>
        {
            var r = await Correcties.ToepassenAsync(v.RegelsetVersie, v.Scope, v.Hash, _gebruiker.Id, CancellationToken.None);
            _melding = (Severity.Success, Resultaat(r));
            _voorbeeld = null;
        });
    }

    private async Task HervatAsync(long id)
    {
        if (_gebruiker is null)
        {
            return;
        }
        await BezigAsync($"Correctie {id} wordt hervat …", async () =>
            _melding = (Severity.Success, Resultaat(await Correcties.HervatAsync(id, _gebruiker.Id, CancellationToken.None))));
    }

    /// <summary>Runs one action with the progress shown; a refusal is shown as the Dutch message it carries.</summary>
    private async Task BezigAsync(string tekst, Func<Task> actie)
    {
        _bezig = true;
        _bezigTekst = tekst;
        _melding = null;
        StateHasChanged();
        try
        {
            await actie();
        }
        catch (CorrectieException ex)
        {
            _melding = (Severity.Error, ex.Message);
        }
        finally
        {
            _bezig = false;
            await VernieuwAsync();
        }
    }

    private static string Resultaat(ToepassingResultaat r) => r.Uitkomst switch
    {
        ToepassingUitkomst.AlToegepast => $"Deze correctie is al toegepast (correctie {r.CorrectieId}); er is niets gewijzigd.",
        ToepassingUitkomst.Hervat => $"Correctie {r.CorrectieId} is afgerond: nog {Aantal(r.Verwerkt)} personen verwerkt, {Aantal(r.Ss190)} SS190-signalen en {Aantal(r.Signalen)} andere signalen.",
        _ => $"Correctie {r.CorrectieId} is toegepast: {Aantal(r.Verwerkt)} personen verwerkt, {Aantal(r.Ss190)} SS190-signalen en {Aantal(r.Signalen)} andere signalen.",
    };

    private string GemeenteNaam(string? code) =>
        code is null ? "Geen gemeente" : _gemeenten.TryGetValue(code, out var naam) ? $"{naam} ({code})" : code;

    private static string RegelsetNaam(string versie) => versie == Regelset2021_12.VersieCode
        ? $"{versie} (foutieve regel januari 2022)"
        : versie == RegimeRegelsets.Huidig.Versie ? $"{versie} (gecorrigeerd)" : versie;

    private static string ActieKort(CorrectieActie actie) => actie switch
    {
        CorrectieActie.VerlaatWi2021 => "Verlaat Wi2021 (SS190, geparkeerd)",
        CorrectieActie.Herbepalen => "Opnieuw bepalen",
        _ => "Ongewijzigd",
    };

    private static string DoelgroepNaam(string? doelgroep) =>
        Kolomwaarden.Herken<Doelgroep>(doelgroep)?.Naam() ?? "–";


    private static string Aantal(int n) => n.ToString("N0", Nl);

}
