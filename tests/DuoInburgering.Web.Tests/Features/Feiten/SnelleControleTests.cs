using DuoInburgering.Web.Verwerking.Feiten;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>
/// The bulk fast path may pass a message only when the validators pass it too: every field of every
/// source, set to each awkward value, must get the same verdict from both.
/// </summary>
public sealed class SnelleControleTests
{
    private static readonly string?[] Waarden =
    [
        null, "", " ", "  x  ", "abc", "0", "1", "ja", "NEE", "true", "tijdelijk", " asiel ", "Asiel", "asiel",
        "2021-12-28", " 2021-12-28 ", "2021-02-30", "2021-2-3", "20211228", "0001-01-01",
        "111222333", " 111222333 ", "111222334", "000000000", "11122233a", "1112223330",
        "1234567890", " 1234567890 ", "123456789", "12345678901",
        "SYR", "syr", " SYR ", "NLD", "XXX", "SY", "GM0363", " GM0363 ", "gm0363", "GM9999", "GM036", "GMabcd",
        new string('a', 100), new string('a', 101), new string('a', 200), new string('a', 201),
    ];

    public static TheoryData<string, int> Velden()
    {
        var data = new TheoryData<string, int>();
        foreach (var (bron, aantal) in new[] { ("ind", 13), ("coa", 6), ("brp", 7) })
        {
            for (var veld = 0; veld < aantal; veld++)
            {
                data.Add(bron, veld);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Velden))]
    public void The_fast_path_and_the_validators_agree_on_every_awkward_value_of_every_field(string bron, int veld)
    {
        foreach (var waarde in Waarden)
        {
            foreach (var basis in Geldig(bron))
            {
                var velden = basis.ToArray();
                velden[veld] = waarde;
                var bericht = Bericht(bron, velden);

                Assert.True(SnelleControle.IsZekerGeldig(bericht) == BerichtValidatie.Valideer(bericht).IsValid,
                    $"{bron} veld {veld} = '{waarde}': snelle controle en validator verschillen");
            }
        }
    }

    [Fact]
    public void Valid_messages_take_the_fast_path()
    {
        foreach (var bron in new[] { "ind", "coa", "brp" })
        {
            foreach (var velden in Geldig(bron))
            {
                Assert.True(SnelleControle.IsZekerGeldig(Bericht(bron, velden)), bron);
            }
        }
    }

    /// <summary>Valid messages, with optional fields both filled and empty, so each rule's other fields vary too.</summary>
    private static IEnumerable<string?[]> Geldig(string bron) => bron switch
    {
        "ind" =>
        [
            ["B-1", "111222333", "1234567890", "Fatima Benali", "1990-05-01", "SYR", "asiel", "2021-11-01", "2021-11-20",
                "2021-12-28", null, "2022-02-01", null],
            ["B-2", "111222333", null, "Ali", "1990-05-01", "TUR", "gezinsvorming", null, null, null, "2021-12-28", null, "2023-01-01"],
        ],
        "coa" =>
        [
            ["C-1", "111222333", "AZC Budel", "GM0363", "2021-12-30", null],
            ["C-2", "111222333", null, null, null, "2022-03-01"],
        ],
        _ =>
        [
            ["R-1", "111222333", "GM0363", "ja", "2022-01-10", null, null],
            ["R-2", "111222333", null, null, null, "2022-05-01", "2023-01-01"],
        ],
    };

    private static FeitBericht Bericht(string bron, string?[] velden) => bron switch
    {
        "ind" => IndBericht.Van(velden),
        "coa" => CoaBericht.Van(velden),
        _ => BrpBericht.Van(velden),
    };
}
