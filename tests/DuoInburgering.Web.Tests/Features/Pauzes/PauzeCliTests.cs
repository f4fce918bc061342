using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Tests.Features.Pauzes;

[Collection(CliCollectie.Naam)]
public sealed class PauzeCliTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_unknown_doelgroep_is_exit_2_with_the_valid_values_in_Dutch_and_writes_nothing()
    {
        var (code, _, fout) = await VoerUitAsync("pauzeer", "Wi2013", "Vluchteling", "--reden", "Onderzoek");

        Assert.Equal(2, code);
        Assert.Contains("Onbekende doelgroep 'Vluchteling'. Geldig: Asielstatushouder, Gezinsmigrant, OverigeMigrant.", fout);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Pauzes.CountAsync());
    }

    [Fact]
    public async Task Pause_overview_and_resume_through_the_CLI()
    {
        var (pauzeer, uitPauzeer, _) = await VoerUitAsync("pauzeer", "wi2021", "gezinsmigrant", "--reden", "Controle", "--door", "beheerder.c");
        var (overzicht, uitOverzicht, _) = await VoerUitAsync("pauzes");
        var (hervat, uitHervat, _) = await VoerUitAsync("hervat", "Wi2021", "Gezinsmigrant", "--reden", "Klaar");

        Assert.Equal((0, 0, 0), (pauzeer, overzicht, hervat));
        Assert.Contains("Wi2021/Gezinsmigrant gepauzeerd", uitPauzeer);
        Assert.Contains("WACHTEND", uitOverzicht);
        Assert.Matches(@"Wi2021\s+Gezinsmigrant\s+\S+ \S+\s+beheerder\.c\s+0\s+Controle", uitOverzicht);
        Assert.Contains("Wi2021/Gezinsmigrant hervat: 0 wachtende perso(o)n(en) verwerkt, 0 signa(a)l(en) aangemaakt.", uitHervat);
        await using var db = database.CreateContext();
        var historie = await db.PauzeHistorie.OrderBy(h => h.Id).Select(h => new { h.Actie, h.Door }).ToListAsync();
        Assert.Equal([new { Actie = "pauze", Door = "beheerder.c" }, new { Actie = "hervat", Door = Environment.UserName }], historie);
    }

    private Task<(int Code, string Uit, string Fout)> VoerUitAsync(params string[] args) =>
        CliUitvoering.VoerUitAsync(database.ConnectionString, args);
}
