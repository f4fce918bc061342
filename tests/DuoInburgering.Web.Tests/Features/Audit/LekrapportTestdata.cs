using DuoInburgering.Domain.Identiteit;
using System.Globalization;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Audit;

/// <summary>
/// What the breach report and the municipal disclosures read, written as their producers write it: disclosures through the
/// real <see cref="Verstrekkingen"/> path; signal rows as the signal producers' row contract describes them (soort
/// SignaalVerzonden, the receiving municipality, gegevens code, regime, datum, signaal_id), through <see cref="Auditlog"/>;
/// wrong-municipality episodes and correction runs as rows of their tables.
/// </summary>
internal sealed class LekrapportTestdata(TestDatabase database, NpgsqlDataSource db)
{
    public Auditlog Log { get; } = TestAudit.Log();

    /// <summary>A caseworker of <paramref name="gemeente"/> was shown these persons.</summary>
    public async Task ZagAsync(string gemeente, string gebruiker, DateTimeOffset op, string omschrijving, params string[] bsns)
    {
        await using var ctx = database.CreateContext();
        await Verstrekkingen.RegistreerAsync(ctx, Log, new PibGebruiker(gebruiker, "Klantmanager", Rol.Gemeente, GemeenteCode.Parse(gemeente)),
            omschrijving.StartsWith("download", StringComparison.Ordinal) ? VerstrekkingKanaal.Download : VerstrekkingKanaal.Scherm,
            omschrijving, bsns, op);
    }

    /// <summary>One batch of signals of one code to one municipality, one audit row per person, all at one moment.</summary>
    public Task SignaalAsync(string gemeente, DateTimeOffset op, string code, string regime, params string[] bsns) =>
        SignaalAsync(AuditSoort.SignaalVerzonden, gemeente, op, code, regime, bsns);

    public Task SignaalAsync(AuditSoort soort, string gemeente, DateTimeOffset op, string code, string regime, params string[] bsns) =>
        AuditTestdata.SchrijfAsync(db, Log, bsns.Select((bsn, i) => new AuditRegel(soort, soort switch
        {
            AuditSoort.SignaalIngetrokken => Verwerkingsactiviteiten.SignaalIntrekken,
            AuditSoort.SignaalAfgehandeld => Verwerkingsactiviteiten.SignaalAfhandelen,
            _ => Verwerkingsactiviteiten.SignaalVersturen,
        }, soort == AuditSoort.SignaalAfgehandeld ? "km.test" : "systeem")
        {
            Bsn = bsn,
            Rol = soort == AuditSoort.SignaalAfgehandeld ? "Gemeente" : "Systeem",
            GemeenteCode = gemeente,
            Tijdstip = op,
            Gegevens = new Dictionary<string, string?>
            {
                ["code"] = code, ["regime"] = regime, ["datum"] = op.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["signaal_id"] = (1000 + i).ToString(CultureInfo.InvariantCulture),
            },
        }));

    /// <summary>A DUO user looked the person up: not a municipality, so not in the report.</summary>
    public async Task DuoZagAsync(DateTimeOffset op, params string[] bsns)
    {
        await using var ctx = database.CreateContext();
        await Verstrekkingen.RegistreerAsync(ctx, Log, new PibGebruiker("duo.beheer", "Functioneel beheer", Rol.Duo, null),
            VerstrekkingKanaal.Scherm, "persoonscorrectie: opzoeken", bsns, op);
    }

    public async Task MisplaatsingAsync(string bsn, string oud, string? nieuw, DateTimeOffset eersteSignaal, DateTimeOffset vastgesteld,
        long? correctieId = null)
    {
        await using var cmd = db.CreateCommand("""
            insert into misplaatsing (bsn, oude_gemeente, nieuwe_gemeente, oorzaak, regime, uitleg, vastgesteld_op, correctie_id,
                                      ingetrokken_signalen, eerste_signaal_op)
            values (@bsn, @oud, @nieuw, 'CoaCorrectie', 'Wi2021', 'COA heeft de koppeling gecorrigeerd', @vastgesteld, @correctie, 1, @eerste)
            """);
        cmd.Parameters.AddWithValue("bsn", bsn);
        cmd.Parameters.AddWithValue("oud", oud);
        cmd.Parameters.AddWithValue("nieuw", (object?)nieuw ?? DBNull.Value);
        cmd.Parameters.AddWithValue("vastgesteld", vastgesteld);
        cmd.Parameters.AddWithValue("correctie", (object?)correctieId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("eerste", eersteSignaal);
        await cmd.ExecuteNonQueryAsync();
    }

    public sealed record RunPersoon(string Bsn, string Actie, string OudeUitkomst, string NieuweUitkomst, string? OudeGemeente,
        string? NieuweGemeente, DateTimeOffset? VerwerktOp);

    /// <summary>A correction run with its list, as Correctiedienst records it; returns its id.</summary>
    public async Task<long> CorrectierunAsync(DateTimeOffset op, params RunPersoon[] personen)
    {
        long id;
        await using (var cmd = db.CreateCommand("""
            insert into correctie (versie, vorige_versie, door, aangemaakt_op, lijst_hash, status, personen, verlaten_wi2021, herbepaald,
                                   verwerkt, ss190, signalen, voltooid_op)
            values ('2022-03', '2021-12', 'duo.beheer', @op, @hash, @status, @n, 0, 0, 0, 0, 0, @voltooid)
            returning id
            """))
        {
            var klaar = personen.All(p => p.VerwerktOp is not null);
            cmd.Parameters.AddWithValue("op", op);
            cmd.Parameters.AddWithValue("hash", Guid.NewGuid().ToString("N"));
            cmd.Parameters.AddWithValue("status", klaar ? CorrectieRun.StatusVoltooid : CorrectieRun.StatusBezig);
            cmd.Parameters.AddWithValue("n", personen.Length);
            cmd.Parameters.AddWithValue("voltooid", klaar ? op : DBNull.Value);
            id = (long)(await cmd.ExecuteScalarAsync())!;
        }
        foreach (var p in personen)
        {
            await using var cmd = db.CreateCommand("""
                insert into correctie_persoon (correctie_id, bsn, actie, oude_uitkomst, nieuwe_uitkomst, oude_gemeente, nieuwe_gemeente,
                                               oude_reden, nieuwe_reden, oude_koppeling_reden, nieuwe_koppeling_reden, verwerkt_op)
                values (@id, @bsn, @actie, @oud, @nieuw, @og, @ng, 'oud', 'nieuw', 'oud', 'nieuw', @verwerkt)
                """);
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("bsn", p.Bsn);
            cmd.Parameters.AddWithValue("actie", p.Actie);
            cmd.Parameters.AddWithValue("oud", p.OudeUitkomst);
            cmd.Parameters.AddWithValue("nieuw", p.NieuweUitkomst);
            cmd.Parameters.AddWithValue("og", (object?)p.OudeGemeente ?? DBNull.Value);
            cmd.Parameters.AddWithValue("ng", (object?)p.NieuweGemeente ?? DBNull.Value);
            cmd.Parameters.AddWithValue("verwerkt", (object?)p.VerwerktOp ?? DBNull.Value);
            await cmd.ExecuteNonQueryAsync();
        }
        return id;
    }

    /// <summary>A signal row in table signaal (the period scope reads the old municipality's first signal from there).</summary>
    public async Task SignaalRecordAsync(string bsn, string gemeente, DateTimeOffset op)
    {
        await using var cmd = db.CreateCommand("""
            insert into signaal (bsn, gemeente_code, regime, code, datum, aangemaakt_op, toelichting)
            values (@bsn, @g, 'Wi2021', 'SS101', @datum, @op, 'test')
            """);
        cmd.Parameters.AddWithValue("bsn", bsn);
        cmd.Parameters.AddWithValue("g", gemeente);
        cmd.Parameters.AddWithValue("datum", DateOnly.FromDateTime(op.UtcDateTime));
        cmd.Parameters.AddWithValue("op", op);
        await cmd.ExecuteNonQueryAsync();
    }
}
