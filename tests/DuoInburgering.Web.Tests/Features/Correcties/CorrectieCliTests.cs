using System.Text.RegularExpressions;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Tests.Features.Correcties;

/// <summary>The January 2022 replay from the command line: set rule set 2021-12, seed, preview, apply by hash.</summary>
[Collection(CliCollectie.Naam)]
public sealed partial class CorrectieCliTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [GeneratedRegex("Hash: ([0-9a-f]{64})")]
    private static partial Regex HashRegel();

    [Fact]
    public async Task Regelset_zetten_voorbeeld_en_toepassen_via_de_cli()
    {
        var (standaard, uitStandaard, _) = await VoerUitAsync("regelset");
        Assert.Equal((0, "Actieve regelset: 2022-03 (standaard)"), (standaard, uitStandaard.Trim()));
        var (onbekend, _, foutOnbekend) = await VoerUitAsync("regelset", "2099-01", "--reden", "x");
        Assert.Equal(1, onbekend);
        Assert.Contains("Onbekende regelset '2099-01'. Bekend: 2021-12, 2022-03.", foutOnbekend, StringComparison.Ordinal);
        var (zonderReden, _, foutReden) = await VoerUitAsync("regelset", "2021-12");
        Assert.Equal(2, zonderReden);
        Assert.Contains("Geef een reden op met --reden.", foutReden, StringComparison.Ordinal);

        Assert.Equal(0, (await VoerUitAsync("regelset", "2021-12", "--reden", "Januari 2022 naspelen", "--door", "duo.beheer")).Code);
        Assert.Contains("Actieve regelset: 2021-12 (sinds", (await VoerUitAsync("regelset")).Uit, StringComparison.Ordinal);
        Assert.Equal(0, (await VoerUitAsync("seed", "--persons", "0")).Code);

        var csv = Path.Combine(Path.GetTempPath(), $"pib-correctie-{Guid.NewGuid():N}.csv");
        try
        {
            var (voorbeeld, uit, _) = await VoerUitAsync("correctie", "voorbeeld", "2022-03", "--regime", "Wi2021", "--csv", csv);
            Assert.Equal(0, voorbeeld);
            Assert.Contains("13 personen opnieuw bepaald", uit, StringComparison.Ordinal);
            Assert.Contains("9 zouden wijzigen (8 verlaten de Wi2021 met 8 SS190-signalen, 1 opnieuw bepaald)", uit, StringComparison.Ordinal);
            Assert.Equal(10, (await File.ReadAllLinesAsync(csv)).Length);
            var hash = HashRegel().Match(uit).Groups[1].Value;

            var (fout, _, foutTekst) = await VoerUitAsync("correctie", "toepassen", "2022-03", "--hash", hash);
            Assert.Equal(1, fout);
            Assert.Contains("Het voorbeeld is verouderd", foutTekst, StringComparison.Ordinal);

            var (ok, uitOk, _) = await VoerUitAsync("correctie", "toepassen", "2022-03", "--regime", "Wi2021", "--hash", hash, "--door", "duo.beheer");
            Assert.Equal(0, ok);
            Assert.Contains("Correctie 1 toegepast: 9 personen verwerkt, 8 SS190-signalen", uitOk, StringComparison.Ordinal);
            var (nogmaals, uitNogmaals, _) = await VoerUitAsync("correctie", "toepassen", "2022-03", "--regime", "Wi2021", "--hash", hash);
            Assert.Equal(0, nogmaals);
            Assert.Contains("al toegepast (correctie 1); er is niets gewijzigd", uitNogmaals, StringComparison.Ordinal);
            Assert.Contains("Actieve regelset: 2022-03", (await VoerUitAsync("regelset")).Uit, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
        var (datum, _, foutDatum) = await VoerUitAsync("correctie", "voorbeeld", "2022-03", "--van", "2022-13-01");
        Assert.Equal(2, datum);
        Assert.Contains("Geen geldige datum; gebruik jjjj-mm-dd.", foutDatum, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Correcties.CountAsync());
        Assert.Equal(8, await db.Signalen.CountAsync(s => s.Code == Domain.Signalen.SignaalCode.SS190));
    }

    private Task<(int Code, string Uit, string Fout)> VoerUitAsync(params string[] args) =>
        CliUitvoering.VoerUitAsync(database.ConnectionString, args);
}
