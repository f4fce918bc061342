using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Features.Signalen;

/// <summary>
/// The three ways a name search finds its page (SignalenQuery.NaamPaginaAsync): the matching signals' BSNs as an array
/// when there are few, a walk along the sort's index with a look-up per signal when the name is common, and the array
/// of all matching people for a page deep into a common name. On the small seed a common name is made by lowering the
/// count limit; each way must give every page of the in-memory oracle, under row-level security as the portal runs.
/// </summary>
public sealed class SignalenNaamZoekenTests(SignalenZoekenTests.Gevuld gevuld) : IClassFixture<SignalenZoekenTests.Gevuld>
{
    private const int Pagina = 4;

    public static TheoryData<string, string, int, int> Gevallen()
    {
        var gevallen = new TheoryData<string, string, int, int>();
        // "e" is one letter, which the screen refuses; the query does not mind, and it is the commonest name in the seed.
        foreach (var zoek in new[] { "an", "A_B", "0%", "JOE", "e" })
        {
            foreach (var rest in new[] { "", "sorteer=code&richting=oplopend", "sorteer=bsn", "afgehandeld=nee&richting=oplopend" })
            {
                // (limit, rows into the list from where the array is used): few matches; common, walked; common, deep page.
                foreach (var (limiet, langsIndexTot) in new[] { (10_000, 500), (2, 1_000), (2, Pagina) })
                {
                    gevallen.Add(zoek, rest, limiet, langsIndexTot);
                }
            }
        }
        return gevallen;
    }

    [Theory]
    [MemberData(nameof(Gevallen))]
    public async Task Every_way_gives_every_page_of_the_oracle_and_the_count_up_to_the_limit(string zoek, string rest, int limiet, int langsIndexTot)
    {
        var filter = FilterUit(rest) with { Zoekterm = zoek, PaginaGrootte = Pagina };
        var verwacht = await OrakelAsync(gevuld.Database, Eigen, filter);
        Assert.NotEmpty(verwacht);
        var klok = Klok();
        var sessies = new GemeenteSessies(Factory(gevuld.Database), klok, TestAudit.Log(klok));

        var gekregen = new List<SignaalRij>();
        for (var pagina = 0; ; pagina++)
        {
            await using var sessie = await sessies.OpenAsync(Klantmanager);
            var (rijen, totaal) = await SignalenQuery.NaamPaginaAsync(sessie.Db, Eigen, filter with { Pagina = pagina }, filter.ZoekNaam!, limiet,
                CancellationToken.None, langsIndexTot);
            Assert.Equal(Math.Min(verwacht.Count, limiet + 1), totaal);
            gekregen.AddRange(rijen);
            if (rijen.Count < Pagina)
            {
                break;
            }
        }
        Assert.Equal(verwacht, gekregen);
    }
}
