using DuoInburgering.Web.Audit;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Features.Persoonscorrecties;

/// <summary>
/// Single-person corrections with four eyes (issue 5 part 5; docs/domain.md "Correcting one person needs a
/// reason, and a second DUO user approves it"): look a person up, propose corrected facts with a reason and
/// see the effect the pure rules compute, and let another DUO user approve (applied in one transaction) or
/// reject (with a reason, kept). One file per step: Opzoeken, Voorstellen, Beslissen, Lijst.
/// </summary>
/// <remarks>
/// Every handler takes the signed-in user and refuses anyone but DUO, whatever the page did: the page's
/// policy is one layer, this is the next. The four eyes hold in code and in the database (check constraint
/// CK_persoonscorrectie_vier_ogen, migration MisplaatsingEnPersoonscorrectie).
/// </remarks>
public sealed partial class Persoonscorrecties(IDbContextFactory<AppDbContext> contexten, TimeProvider klok, Auditlog auditlog)
{
    private const string AlleenDuo = "Alleen DUO-medewerkers corrigeren personen.";

    private static bool IsDuo(PibGebruiker gebruiker) => gebruiker.Rol == Rol.Duo;

    /// <summary>The stored person with COA and BRP facts; null when IND never reported them (nothing to correct).</summary>
    private static async Task<PersoonRegel?> LaadAsync(NpgsqlConnection conn, string bsn, CancellationToken ct) =>
        (await PersoonBatch.LaadAsync(conn, [bsn], ct)).TryGetValue(bsn, out var r) && r.Persoon is not null ? r : null;

    private static PersoonFeiten Feiten(PersoonRegel r) => PersoonMapping.Feiten(r.Persoon!, r.Coa, r.Brp);

    /// <summary>The pauses in force, read without the processing lock: the proposal only shows an effect, the approval locks.</summary>
    private static async Task<HashSet<PauzeSleutel>> PauzesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var pauzes = new HashSet<PauzeSleutel>();
        await using var cmd = new NpgsqlCommand("select regime, doelgroep from pauze", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pauzes.Add(new PauzeSleutel(Kolomwaarden.Regime(reader.GetString(0)), Kolomwaarden.Doelgroep(reader.GetString(1))));
        }
        return pauzes;
    }

    /// <summary>A municipality must exist in the CBS list (table gemeente) before a person can be placed there.</summary>
    private static async Task OnbekendeGemeentenAsync(NpgsqlConnection conn, CorrigeerbareFeiten f, List<CorrectieFout> fouten,
        CancellationToken ct)
    {
        foreach (var (veld, code) in new[] { ("coa", f.CoaGekoppeldeGemeente), ("brp", f.BrpGemeente) })
        {
            if (code is not GemeenteCode g)
            {
                continue;
            }
            await using var cmd = new NpgsqlCommand("select exists (select 1 from gemeente where code = @code)", conn);
            cmd.Parameters.AddWithValue("code", g.Waarde);
            if (!(bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                fouten.Add(new(veld, $"Onbekende gemeente {g.Waarde}: die code staat niet in de gemeentelijst van het CBS."));
            }
        }
    }

    /// <summary>
    /// One DUO operation: a context, its connection for the raw reads and writes processing uses, and one
    /// transaction around both, so a disclosure is recorded (<see cref="Verstrekkingen"/>) with the read it
    /// records, and an approval is applied whole or not at all.
    /// </summary>
    private sealed class Werk : IAsyncDisposable
    {
        private Werk(AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
        {
            Db = db;
            Tx = tx;
        }

        public AppDbContext Db { get; }
        public Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Tx { get; }
        public NpgsqlConnection Conn => (NpgsqlConnection)Db.Database.GetDbConnection();

        public static async Task<Werk> BeginAsync(IDbContextFactory<AppDbContext> contexten, CancellationToken ct)
        {
            var db = await contexten.CreateDbContextAsync(ct);
            try
            {
                return new Werk(db, await db.Database.BeginTransactionAsync(ct));
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Tx.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    private Task RegistreerVerstrekkingAsync(Werk werk, PibGebruiker gebruiker, string omschrijving, IEnumerable<string> bsns,
        CancellationToken ct) =>
        Verstrekkingen.RegistreerAsync(werk.Db, auditlog, gebruiker, Data.Entities.VerstrekkingKanaal.Scherm, omschrijving, bsns, klok.GetUtcNow(), ct);
}
