using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>
/// The grouped view's walk (SignalenQuery.PerPersoonAsync): the signals newest first in steps until the page's people
/// and every tie on the last one's date are seen. With a first step of one or a few signals the small seed takes many
/// steps, each continuing after the previous one's date and id; every page must still be the oracle's, under row-level
/// security as the portal runs.
/// </summary>
public sealed class SignalenPerPersoonTests(SignalenZoekenTests.Gevuld gevuld) : IClassFixture<SignalenZoekenTests.Gevuld>
{
    private const int Pagina = 3;

    public static TheoryData<string, int> Gevallen()
    {
        var gevallen = new TheoryData<string, int>();
        foreach (var rest in new[] { "", "code=SS101", "afgehandeld=nee", "van=2026-10-01&tot=2026-10-31", "zoek=an", "regime=wi2013" })
        {
            foreach (var stap in new[] { 1, 3, 512 })
            {
                gevallen.Add(rest, stap);
            }
        }
        return gevallen;
    }

    [Theory]
    [MemberData(nameof(Gevallen))]
    public async Task Every_page_walked_in_any_step_size_equals_the_oracle(string rest, int eersteStap)
    {
        var filter = FilterUit(rest) with { PaginaGrootte = Pagina };
        var verwacht = await PerPersoonOrakelAsync(gevuld.Database, Eigen, filter);
        Assert.NotEmpty(verwacht);
        var klok = Klok();
        var sessies = new GemeenteSessies(Factory(gevuld.Database), klok, TestAudit.Log(klok));

        var gekregen = new List<PersoonGroep>();
        for (var pagina = 0; pagina * Pagina <= verwacht.Count; pagina++)
        {
            await using var sessie = await sessies.OpenAsync(Klantmanager);
            var f = filter with { Pagina = pagina };
            var treffers = await SignalenQuery.TreffersAsync(sessie.Db, Eigen, f, CancellationToken.None);
            gekregen.AddRange(await SignalenQuery.PerPersoonAsync(sessie.Db, Eigen, f, treffers, CancellationToken.None, eersteStap));
        }
        Assert.Equal(verwacht, gekregen);
    }
}
