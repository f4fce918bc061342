using System.Globalization;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using Npgsql;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>Writing audit entries as a producer would, and touching them as the owner role as an attacker with that role would.</summary>
internal static class AuditTestdata
{
    /// <summary>A valid BSN (elfproef) per sequence number, different from the other test data's.</summary>
    public static string Bsn(int volgnummer)
    {
        for (var prefix = 70_000_000 + volgnummer * 10; ; prefix++)
        {
            var s = prefix.ToString("D8", CultureInfo.InvariantCulture);
            var som = 0;
            for (var i = 0; i < 8; i++)
            {
                som += (9 - i) * (s[i] - '0');
            }
            if (som % 11 < 10)
            {
                return s + (som % 11).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public static AuditRegel Verstrekking(string gemeente = "GM0363", DateTimeOffset? tijdstip = null) =>
        new(AuditSoort.Verstrekking, Verwerkingsactiviteiten.VerstrekkingGemeente, "km.test")
        {
            Rol = "Gemeente", GemeenteCode = gemeente, Tijdstip = tijdstip,
            Gegevens = new Dictionary<string, string?> { ["kanaal"] = "Scherm", ["omschrijving"] = "signalenlijst Wi2021" },
        };

    public static AuditRegel DuoActie(DateTimeOffset? tijdstip = null) =>
        new(AuditSoort.DuoActie, Verwerkingsactiviteiten.BepalingPauzeren, "duo.beheer")
        {
            Rol = "Duo", Tijdstip = tijdstip, Gegevens = new Dictionary<string, string?> { ["regime"] = "Wi2021" },
        };

    /// <summary>One transaction, committed, as a producer writes.</summary>
    public static async Task SchrijfAsync(NpgsqlDataSource db, Auditlog log, IEnumerable<AuditRegel> regels)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await log.SchrijfAsync(tx, regels);
        await tx.CommitAsync();
    }

    /// <summary>
    /// SQL as the owner of the audit tables (the test connects as a superuser, who may SET ROLE to it): what
    /// someone with the owner's rights could do, and what the chain must reveal.
    /// </summary>
    public static async Task AlsEigenaarAsync(NpgsqlDataSource db, string sql)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("set local role pib_audit; " + sql, conn, tx))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    /// <remarks>A read of the log first moves queued disclosures into the chain (<see cref="AuditRijen.VoorLezenAsync"/>).</remarks>
    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var conn = await db.OpenConnectionAsync();
        await AuditRijen.VoorLezenAsync(conn, sql);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The whole table as COPY writes it out (text, every column, bytea as hex): a copy someone could take.</summary>
    public static async Task<string> KopieAsync(NpgsqlDataSource db, string tabel)
    {
        await using var conn = await db.OpenConnectionAsync();
        await AuditWachtrij.VerwerkAsync(conn);
        using var lezer = await conn.BeginTextExportAsync($"copy (select * from {tabel}) to stdout");
        return await lezer.ReadToEndAsync();
    }
}
