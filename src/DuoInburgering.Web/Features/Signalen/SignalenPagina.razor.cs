using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>
/// The signals of one PIB environment: server-side paged, sorted and filtered; a grouped view per person
/// for bulk arrivals; handling with undo (not in Wi2007); downloads of exactly the current filter.
/// Selection uses a labelled checkbox per row so a screen-reader user hears which signal it selects.
/// </summary>
public sealed partial class SignalenPagina
{
    private const string OnbekendeNaam = "(niet meer zichtbaar)";
    private const string Ja = "ja";
    private const string Nee = "nee";
    private static readonly int[] PaginaGroottes = [25, 50, 100];
    private static readonly Dictionary<string, object> Download = new() { ["download"] = "" };
    private static readonly IReadOnlyList<(string Code, string Naam)> Codes =
        SignaalCatalogus.Alle.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal).Select(c => (c.Key.ToString(), c.Value)).ToList();

    [Parameter] public string RegimePad { get; set; } = "";

    [Inject] private SignalenZoeken Zoeken { get; set; } = null!;
    [Inject] private SignalenAfhandelen Afhandeling { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Aanmelding { get; set; } = null!;
    [Inject] private NavigationManager Navigatie { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private Regime _regime;
    private bool _alleenLezen;
    private PibGebruiker? _gebruiker;
    private MudDataGrid<SignaalRij>? _grid;
    private MudDataGrid<PersoonGroep>? _groepGrid;

    private string? _code;
    private string? _van;
    private string? _tot;
    private string _afgehandeld = "alle";
    private Doelgroep? _doelgroep;
    private string? _zoekterm;
    private bool _perPersoon;
    private SignaalSortering _sorteer = SignaalSortering.Datum;
    private bool _aflopend = true;

    private List<string> _fouten = [];
    private IReadOnlyList<SignaalRij> _pagina = [];
    private readonly HashSet<long> _selectie = [];
    private (int Totaal, bool MeerDan)? _telling;
    private bool _bezig;

    protected override async Task OnParametersSetAsync()
    {
        if (SignaalFilterUrl.RegimeUitPad(RegimePad) is not { } regime)
        {
            Navigatie.NotFound();
            return;
        }
        _regime = regime;
        _alleenLezen = SignaalAfhandeling.IsAlleenLezen(regime);
        _gebruiker = PibPrincipal.Geldig((await Aanmelding.GetAuthenticationStateAsync()).User);
        _selectie.Clear();
    }

    private SignaalFilter Filter => new(_regime)
    {
        Code = _code,
        Van = LeesDatum(_van),
        Tot = LeesDatum(_tot),
        Afgehandeld = _afgehandeld switch { "ja" => true, "nee" => false, _ => null },
        Doelgroep = _doelgroep,
        Zoekterm = string.IsNullOrWhiteSpace(_zoekterm) ? null : _zoekterm.Trim(),
        Sorteer = _sorteer,
        Aflopend = _aflopend,
    };

    private string CsvUrl => SignalenDownloads.CsvUrl(Filter);
    private string XlsxUrl => SignalenDownloads.XlsxUrl(Filter);

    private string Telling => _telling switch
    {
        null => "",
        { MeerDan: true } => $"Meer dan {SignaalFilter.Aantal(_telling.Value.Totaal)} {(_perPersoon ? "personen" : "signalen")}; verfijn het filter om verder te bladeren.",
        var (totaal, _) => $"{SignaalFilter.Aantal(totaal)} {(_perPersoon ? (totaal == 1 ? "persoon" : "personen") : (totaal == 1 ? "signaal" : "signalen"))}",
    };

    private bool AllesGeselecteerd => _pagina.Count > 0 && _pagina.All(r => _selectie.Contains(r.Id));

    private async Task ZetAsync(Action zet)
    {
        zet();
        _selectie.Clear();
        _fouten = SignaalFilterValidator.Instantie.Validate(Filter).Errors.Select(e => e.ErrorMessage).Distinct().ToList();
        if (_fouten.Count > 0)
        {
            return;
        }
        // The grid of the other view is rendered on the next pass and loads itself.
        if (_perPersoon && _groepGrid is not null)
        {
            await _groepGrid.ReloadServerData();
        }
        else if (!_perPersoon && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<SignaalRij>> LaadSignalenAsync(GridState<SignaalRij> staat, CancellationToken ct)
    {
        var sortering = staat.SortDefinitions.FirstOrDefault();
        (_sorteer, _aflopend) = sortering?.SortBy switch
        {
            nameof(SignaalRij.Code) => (SignaalSortering.Code, sortering.Descending),
            nameof(SignaalRij.Bsn) => (SignaalSortering.Bsn, sortering.Descending),
            nameof(SignaalRij.Datum) => (SignaalSortering.Datum, sortering.Descending),
            _ => (SignaalSortering.Datum, true),
        };
        var uitkomst = await LaadAsync(f => Zoeken.ZoekAsync(_gebruiker!, f, ct), staat.Page, staat.PageSize);
        _pagina = uitkomst?.Rijen ?? [];
        return new GridData<SignaalRij> { Items = _pagina, TotalItems = uitkomst?.Totaal ?? 0 };
    }

    private async Task<GridData<PersoonGroep>> LaadGroepenAsync(GridState<PersoonGroep> staat, CancellationToken ct)
    {
        var uitkomst = await LaadAsync(f => Zoeken.ZoekPerPersoonAsync(_gebruiker!, f, ct), staat.Page, staat.PageSize);
        return new GridData<PersoonGroep> { Items = uitkomst?.Rijen ?? [], TotalItems = uitkomst?.Totaal ?? 0 };
    }

    private async Task<SignalenUitkomst<T>?> LaadAsync<T>(Func<SignaalFilter, Task<SignalenUitkomst<T>>> zoek, int pagina, int grootte)
    {
        var filter = Filter with { Pagina = pagina, PaginaGrootte = grootte };
        _fouten = SignaalFilterValidator.Instantie.Validate(filter).Errors.Select(e => e.ErrorMessage).Distinct().ToList();
        if (_gebruiker is null || _fouten.Count > 0)
        {
            _telling = null;
            return null;
        }
        var uitkomst = await zoek(filter);
        _telling = (uitkomst.Totaal, uitkomst.MeerDan);
        // The grid renders itself; the count above it belongs to the page.
        _ = InvokeAsync(StateHasChanged);
        return uitkomst;
    }

    private void Selecteer(long id, bool aan)
    {
        if (aan)
        {
            _selectie.Add(id);
        }
        else
        {
            _selectie.Remove(id);
        }
    }

    private void SelecteerPagina(bool aan)
    {
        foreach (var r in _pagina)
        {
            Selecteer(r.Id, aan);
        }
    }

    private Task AfhandelenAsync() => VoerUitAsync(SignaalActie.Afhandelen, _selectie.ToList(), null);

    private Task HeropenenAsync() => VoerUitAsync(SignaalActie.Heropenen, _selectie.ToList(), null);

    private async Task VoerUitAsync(SignaalActie actie, List<long> ids, DateTimeOffset? terugdraaien)
    {
        _bezig = true;
        try
        {
            var uitkomst = await Afhandeling.VoerUitAsync(_gebruiker!, new AfhandelOpdracht(_regime, actie, ids, terugdraaien));
            if (uitkomst.Fout is { } fout)
            {
                Snackbar.Add(fout, Severity.Error);
                return;
            }
            _selectie.Clear();
            var wat = uitkomst.Gewijzigd == 1 ? "1 signaal" : $"{SignaalFilter.Aantal(uitkomst.Gewijzigd)} signalen";
            var tekst = (actie, terugdraaien) switch
            {
                (SignaalActie.Afhandelen, _) => $"{wat} afgehandeld.",
                (_, null) => $"{wat} heropend.",
                _ => $"Ongedaan gemaakt: {wat} weer open.",
            };
            Snackbar.Add(tekst, Severity.Success, o =>
            {
                // Undo only what this action changed; an undo itself is not undone again.
                if (actie == SignaalActie.Afhandelen && uitkomst.Gewijzigd > 0)
                {
                    o.Action = "Ongedaan maken";
                    o.ActionColor = Color.Inherit;
                    o.RequireInteraction = false;
                    o.VisibleStateDuration = 10_000;
                    o.OnClick = _ => VoerUitAsync(SignaalActie.Heropenen, ids, uitkomst.Tijdstip);
                }
            });
            if (_grid is not null)
            {
                await _grid.ReloadServerData();
            }
        }
        finally
        {
            _bezig = false;
            await InvokeAsync(StateHasChanged);
        }
    }

    private static DateOnly? LeesDatum(string? tekst) =>
        DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;


    private static string DoelgroepNaam(string? doelgroep) =>
        Kolomwaarden.Herken<Doelgroep>(doelgroep)?.Naam() ?? "–";
}
