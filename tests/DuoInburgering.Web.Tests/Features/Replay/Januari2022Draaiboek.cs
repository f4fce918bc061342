using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Replay;

/// <summary>
/// What DUO did from January to March 2022, a step at a time, for the tests that replay that period: each test moves
/// its own clock to the step's date and checks what it needs between the steps.
/// </summary>
internal static class Januari2022Draaiboek
{
    public const string Reden = "Incident januari 2022";
    private static readonly CancellationToken Geen = CancellationToken.None;

    /// <summary>17 January: the wrong rule set 2021-12 is active; the incident cohort and the synthetic persons come in through the import.</summary>
    public static async Task PlaatsenAsync(NpgsqlDataSource db, TimeProvider klok, int synthetisch, DateOnly vandaag)
    {
        await ActieveRegelset.WijzigAsync(db, "2021-12", "duo.beheer", "Regelset zoals in januari 2022 in productie", klok, TestAudit.Log(klok), Geen);
        var rapporten = await SyntheseImport.ImportAsync(db, new SyntheseOpties(synthetisch, Vandaag: vandaag), klok, TestAudit.Log(klok), Geen);
        Assert.All(rapporten, r => Assert.Empty(r.Afgewezen));
    }

    /// <summary>19 January: DUO stops the Wi2021 for all three doelgroepen.</summary>
    public static async Task StoppenAsync(Pauzering pauzering)
    {
        foreach (var doelgroep in Enum.GetValues<Doelgroep>())
        {
            await pauzering.PauzeerAsync(Regime.Wi2021, doelgroep, "duo.beheer", Reden, Geen);
        }
    }

    /// <summary>1 March: the parked family migrants go to the Wi2013 and the Wi2021 resumes for them.</summary>
    public static async Task HerstartGezinAsync(GeparkeerdeGroepen groepen, Pauzering pauzering)
    {
        await groepen.VrijgevenAsync(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant, false, "duo.beheer", "Herstart gezinsmigranten 1 maart 2022", Geen);
        await pauzering.HervatAsync(Regime.Wi2021, Doelgroep.Gezinsmigrant, "duo.beheer", "Herstart gezinsmigranten 1 maart 2022", Geen);
    }

    /// <summary>25 March: every parked group is released as it may be, then the Wi2021 resumes for asylum and other migrants.</summary>
    public static async Task HerstartAsielOverigAsync(GeparkeerdeGroepen groepen, Pauzering pauzering)
    {
        foreach (var groep in (await groepen.OverzichtAsync(Geen)).Groepen)
        {
            await groepen.VrijgevenAsync(groep.Uitkomst, groep.Doelgroep, groep.KanBlijvenWi2021, "duo.beheer",
                "Herstart asiel- en overige migranten 25 maart 2022", Geen);
        }
        foreach (var doelgroep in new[] { Doelgroep.Asielstatushouder, Doelgroep.OverigeMigrant })
        {
            await pauzering.HervatAsync(Regime.Wi2021, doelgroep, "duo.beheer", "Herstart 25 maart 2022", Geen);
        }
    }
}
