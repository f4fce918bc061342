using System.Text;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using Microsoft.Extensions.Configuration;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>The pseudonymisation key and the retention settings: Production without a key does not start.</summary>
public sealed class AuditOptiesTests
{
    private static AuditOpties Lees(Dictionary<string, string?> waarden, bool productie = false) =>
        AuditOpties.Lees(new ConfigurationBuilder().AddInMemoryCollection(waarden).Build(), sleutelVerplicht: productie, demoToegestaan: !productie);

    [Fact]
    public void Development_and_tests_use_the_demo_key_and_keep_everything_by_default()
    {
        var opties = Lees([]);
        Assert.Equal(Encoding.UTF8.GetBytes(AuditOpties.DemoSleutel), opties.BsnSleutel);
        Assert.Empty(opties.BewaartermijnDagen);
        Assert.Equal((true, new TimeOnly(3, 0)), (opties.OnderhoudIngeschakeld, opties.OnderhoudTijdstip));
    }

    [Fact]
    public void A_configured_key_and_retention_per_kind_are_read_and_another_key_gives_another_pseudonym()
    {
        var opties = Lees(new()
        {
            ["Audit:BsnSleutel"] = new string('k', 40),
            ["Audit:Bewaartermijnen:Verstrekking"] = "2557",
            ["Audit:Bewaartermijnen:duoactie"] = "3650",
            ["Audit:Onderhoud:Tijdstip"] = "04:30",
        }, productie: true);
        Assert.Equal(new Dictionary<AuditSoort, int> { [AuditSoort.Verstrekking] = 2557, [AuditSoort.DuoActie] = 3650 }, opties.BewaartermijnDagen);
        Assert.Equal(new TimeOnly(4, 30), opties.OnderhoudTijdstip);
        var bsn = AuditTestdata.Bsn(1);
        Assert.NotEqual(new Auditlog(opties, TimeProvider.System).Pseudoniem(bsn), new Auditlog(AuditOpties.Demo, TimeProvider.System).Pseudoniem(bsn));
        Assert.Equal(32, new Auditlog(opties, TimeProvider.System).Pseudoniem(bsn).Length);
    }

    [Theory]
    [InlineData("Audit:BsnSleutel", "te-kort", "te kort")]
    [InlineData("Audit:Bewaartermijnen:Onbekend", "30", "is geen soort auditregel")]
    [InlineData("Audit:Bewaartermijnen:Verstrekking", "zeven jaar", "moet een aantal dagen")]
    [InlineData("Audit:Onderhoud:Tijdstip", "25:00", "is geen tijd")]
    public void A_wrong_setting_is_a_Dutch_configuration_error(string sleutel, string waarde, string melding)
    {
        var fout = Assert.Throws<PibConfigurationException>(() => Lees(new() { [sleutel] = waarde }));
        Assert.Contains(melding, fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_the_CLI_writes_no_bsn_rather_than_a_guessable_pseudonym()
    {
        var zonder = AuditOpties.Lees(new ConfigurationBuilder().Build(), sleutelVerplicht: false, demoToegestaan: false);
        Assert.Null(zonder.BsnSleutel);
        var fout = Assert.Throws<InvalidOperationException>(() => new Auditlog(zonder, TimeProvider.System).Pseudoniem(AuditTestdata.Bsn(1)));
        Assert.Contains("Audit__BsnSleutel", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_key_refuses_to_start_with_one_Dutch_line()
    {
        // Sign-in is configured (it is checked first); only the audit key is missing.
        var (code, stderr) = await Features.Start.StartupFailureTests.RunProductieAsync(Features.Start.StartupFailureTests.OidcIngesteld);

        Assert.Equal(1, code);
        var melding = stderr.Trim();
        Assert.StartsWith("Het portaal kan niet starten: geen sleutel voor het pseudonimiseren van BSN's", melding, StringComparison.Ordinal);
        Assert.Contains("Audit__BsnSleutel", melding, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", melding, StringComparison.Ordinal);
    }
}
