using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>'verify-audit' and 'purge-audit' through the real CLI entry point; each test its own database.</summary>
[Collection(CliCollectie.Naam)]
public sealed class AuditCliTests : EigenDatabase
{
    private static readonly DateTimeOffset Oud = new(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private Task<(int Code, string Uit, string Fout)> CliAsync(params string[] args) => CliUitvoering.VoerUitAsync(Database.ConnectionString, args);

    [Fact]
    public async Task Verify_audit_prints_intact_with_the_count_or_names_the_first_broken_row_with_exit_code_1()
    {
        Assert.Equal((0, "Auditketen intact: 0 regels.\n", ""), await CliAsync("verify-audit"));

        await SchrijfAsync(Db, TestAudit.Log(), Verstrekking().VoorBetrokkenen(Enumerable.Range(0, 12).Select(Bsn)));
        Assert.Equal((0, "Auditketen intact: 12 regels.\n", ""), await CliAsync("verify-audit"));

        await AlsEigenaarAsync(Db, "update audit.regel set gemeente_code = 'GM0599' where id = 4");
        var (code, uit, fout) = await CliAsync("verify-audit");
        Assert.Equal(1, code);
        Assert.Equal("", uit);
        Assert.StartsWith("Auditketen verbroken bij regel 4: regel 4 is gewijzigd", fout, StringComparison.Ordinal);
        Assert.Equal(3L, await ScalarAsync<long>(Db, "select count(*) from audit.controle"));
    }

    [Fact]
    public async Task Purge_audit_removes_what_is_past_its_retention_and_verify_checks_from_the_anchor()
    {
        await SchrijfAsync(Db, TestAudit.Log(), Verstrekking(tijdstip: Oud).VoorBetrokkenen(Enumerable.Range(0, 5).Select(Bsn)));
        await SchrijfAsync(Db, TestAudit.Log(), Verstrekking().VoorBetrokkenen(Enumerable.Range(5, 2).Select(Bsn)));

        var (code, uit, _) = await CliAsync("purge-audit");
        Assert.Equal(0, code);
        Assert.StartsWith("Geen bewaartermijnen ingesteld", uit, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable("Audit__Bewaartermijnen__Verstrekking", "365");
        try
        {
            Assert.Equal((0, "Auditlog opgeschoond: 5 regels tot en met regel 5; de keten wordt vanaf dat anker gecontroleerd.\n", ""),
                await CliAsync("purge-audit"));
            Assert.Equal((0, "Niets opgeschoond: de oudste regel valt nog binnen zijn bewaartermijn.\n", ""), await CliAsync("purge-audit"));

            Environment.SetEnvironmentVariable("Audit__Bewaartermijnen__Verstrekking", "0");
            var ongeldig = await CliAsync("purge-audit");
            Assert.Equal(1, ongeldig.Code);
            Assert.Contains("Audit:Bewaartermijnen:Verstrekking moet een aantal dagen (1 of meer) zijn.", ongeldig.Fout, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Audit__Bewaartermijnen__Verstrekking", null);
        }
        Assert.Equal((0, "Auditketen intact: 2 regels na het anker tot en met regel 5.\n", ""), await CliAsync("verify-audit"));
    }

    [Fact]
    public async Task A_pause_from_the_CLI_is_a_DUO_action_in_the_audit_log()
    {
        var (code, _, fout) = await CliAsync("pauzeer", "Wi2013", "Asielstatushouder", "--reden", "Plaatsing onderzoeken", "--door", "duo.beheer");
        Assert.Equal((0, ""), (code, fout));
        Assert.Equal("DuoActie bepaling-pauzeren duo.beheer", await ScalarAsync<string>(Db,
            "select concat_ws(' ', soort, verwerkingsactiviteit, actor) from audit.regel"));
        Assert.Equal(0, (await CliAsync("verify-audit")).Code);
    }
}
